import { getTranslations } from "next-intl/server";
import { Icon } from "@/components/console/icons";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** Unknown ids and other tenants' resources look the same: not found. */
export default async function ConsoleNotFound() {
  const t = await getTranslations("common");
  return (
    <Card>
      <h1 className="sr-only">{t("notFoundTitle")}</h1>
      <EmptyState
        icon={<Icon name="warning" className="h-10 w-10" />}
        title={t("notFoundTitle")}
        description={t("notFoundDescription")}
        action={<ButtonLink href="/console">{t("backToConsole")}</ButtonLink>}
      />
    </Card>
  );
}
