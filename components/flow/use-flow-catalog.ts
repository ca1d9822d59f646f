import { useTranslations } from "next-intl";
import type { MessageCatalog } from "@/lib/selfservice/ui";

/** next-intl's `flowMessages` namespace (Ory message ids as keys) as a MessageCatalog. */
export function useFlowCatalog(): MessageCatalog {
  const t = useTranslations("flowMessages");
  return {
    has: (key) => t.has(key),
    raw: (key) => t.raw(key),
    format: (key, values) => t(key, values),
  };
}
