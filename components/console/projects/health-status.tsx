"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";

type Check = "checking" | "ok" | "failing";
const tone: Record<Check, BadgeTone> = { checking: "neutral", ok: "success", failing: "danger" };

async function probe(url: string): Promise<Check> {
  try {
    const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
    return response.ok ? "ok" : "failing";
  } catch {
    return "failing";
  }
}

/** Calls the project's own health endpoints from the browser, through the same path API clients use. */
export function HealthStatus({ basePath }: { basePath: string }) {
  const t = useTranslations("console.overview");
  const [alive, setAlive] = useState<Check>("checking");
  const [ready, setReady] = useState<Check>("checking");

  useEffect(() => {
    let cancelled = false;
    const run = async () => {
      const [a, r] = await Promise.all([probe(`${basePath}/health/alive`), probe(`${basePath}/health/ready`)]);
      if (!cancelled) {
        setAlive(a);
        setReady(r);
      }
    };
    void run();
    const timer = setInterval(run, 30_000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [basePath]);

  return (
    <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm" aria-live="polite" data-testid="health-status">
      <dt className="text-slate-600 dark:text-slate-400">{t("alive")}</dt>
      <dd><Badge tone={tone[alive]}>{t(`health.${alive}`)}</Badge></dd>
      <dt className="text-slate-600 dark:text-slate-400">{t("ready")}</dt>
      <dd><Badge tone={tone[ready]}>{t(`health.${ready}`)}</Badge></dd>
    </dl>
  );
}
