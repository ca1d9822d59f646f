import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

export async function IdentityStateBadge({ state, verified }: { state: string; verified?: boolean }) {
  const t = await getTranslations("identities.state");
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={state === "active" ? "success" : "neutral"}>{state === "active" ? t("active") : t("inactive")}</Badge>
      {verified === undefined ? null : <Badge tone={verified ? "info" : "warning"}>{verified ? t("verified") : t("unverified")}</Badge>}
    </span>
  );
}
