import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const tones: Record<string, BadgeTone> = { sent: "success", queued: "info", processing: "warning", abandoned: "danger" };

export async function CourierStatusBadge({ status, sendCount }: { status: string; sendCount: number }) {
  const t = await getTranslations("courier");
  return (
    <span className="inline-flex items-center gap-1.5">
      <Badge tone={tones[status] ?? "neutral"}>{t.has(`status.${status}`) ? t(`status.${status}`) : status}</Badge>
      {sendCount > 1 ? <span className="text-xs text-slate-500">{t("attempts", { count: sendCount })}</span> : null}
    </span>
  );
}
