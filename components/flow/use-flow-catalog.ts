import { useLocale, useTranslations } from "next-intl";
import type { MessageCatalog } from "@/lib/selfservice/ui";

/** next-intl's `flowMessages` namespace (Ory message ids as keys) as a MessageCatalog, with the preset trait titles. */
export function useFlowCatalog(): MessageCatalog {
  const t = useTranslations("flowMessages");
  const titles = useTranslations("hosted.traitTitles");
  const locale = useLocale();
  return {
    locale,
    traitTitle: (key) => (titles.has(key) ? titles(key) : undefined),
    has: (key) => t.has(key),
    raw: (key) => t.raw(key),
    format: (key, values) => t(key, values),
  };
}
