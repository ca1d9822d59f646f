import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { presetOf } from "@/lib/oauth2-console/presets";

/** What kind of application a client is (web app, SPA, native, machine, or custom). */
export async function PresetBadge({ client }: { client: Record<string, unknown> }) {
  const t = await getTranslations("oauth2Console.presets");
  const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const preset = presetOf({ grant_types: strings(client.grant_types), token_endpoint_auth_method: String(client.token_endpoint_auth_method), redirect_uris: strings(client.redirect_uris) });
  return <Badge tone={preset === "machine" ? "neutral" : "info"} className="whitespace-nowrap">{preset ? t(`${preset}.title`) : t("custom")}</Badge>;
}
