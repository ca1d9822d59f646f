import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { KeySummary } from "@/lib/oauth2-console";

const tones: Record<KeySummary["state"], BadgeTone> = { current: "success", next: "info", retired: "warning", public: "neutral" };

export async function KeyStateBadge({ state }: { state: KeySummary["state"] }) {
  const t = await getTranslations("oauth2Console.keys.states");
  return <Badge tone={tones[state]}>{t(state)}</Badge>;
}
