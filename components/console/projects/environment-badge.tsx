import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const tones: Record<string, BadgeTone> = { prod: "danger", stage: "warning", dev: "info" };

export async function EnvironmentBadge({ environment }: { environment: string }) {
  const t = await getTranslations("console.projects.environment");
  return <Badge tone={tones[environment] ?? "neutral"}>{t.has(environment) ? t(environment) : environment}</Badge>;
}
