import { z } from "zod";
import { setOperations, type PatchOperation } from "./config-patch";

const SMTP = ["services", "identity", "config", "courier", "smtp"] as const;
/** Stands in for the stored SMTP password in the form; submitting it unchanged keeps the stored one. */
export const MASKED_PASSWORD = "********";

type Json = Record<string, unknown>;
const smtpOf = (config: unknown): Json => {
  const node = SMTP.reduce<unknown>((n, key) => (n && typeof n === "object" && !Array.isArray(n) ? (n as Json)[key] : undefined), config);
  return node && typeof node === "object" && !Array.isArray(node) ? (node as Json) : {};
};
const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The project's SMTP settings as the console form shows them: the connection URI with its password masked. */
export function smtpFormValues(config: unknown): { connectionUri: string; fromAddress: string; fromName: string } {
  const smtp = smtpOf(config);
  return { connectionUri: maskPassword(text(smtp.connection_uri)), fromAddress: text(smtp.from_address), fromName: text(smtp.from_name) };
}

export function maskPassword(uri: string): string {
  try {
    const url = new URL(uri);
    if (!url.password) return uri;
    url.password = MASKED_PASSWORD;
    return url.toString();
  } catch {
    return "";
  }
}

/** Kratos' connection URI: `smtp://` (STARTTLS) or `smtps://` (implicit TLS), user info for credentials, no path. */
const connectionUri = z
  .string()
  .trim()
  .max(2048, "tooLong")
  .refine((value) => {
    if (!value) return true;
    try {
      const url = new URL(value);
      return (url.protocol === "smtp:" || url.protocol === "smtps:") && Boolean(url.hostname);
    } catch {
      return false;
    }
  }, "smtpUri");

export const smtpSettingsSchema = z.object({
  connectionUri,
  fromAddress: z.union([z.literal(""), z.email("email").max(254, "tooLong")]),
  fromName: z.string().trim().max(100, "tooLong"),
});
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

/** The submitted URI with the stored password put back where the form sent the mask. */
export function withStoredPassword(submitted: string, config: unknown): string {
  if (!submitted) return "";
  const url = new URL(submitted);
  if (decodeURIComponent(url.password) !== MASKED_PASSWORD) return submitted;
  const stored = text(smtpOf(config).connection_uri);
  try {
    url.password = new URL(stored).password;
  } catch {
    url.password = "";
  }
  return url.toString();
}

/** One JSON Patch setting `courier.smtp` (Kratos' keys); an empty URI falls back to the operator's server. */
export function smtpSettingsPatch(config: unknown, settings: SmtpSettings): PatchOperation[] {
  return setOperations(config, [
    [[...SMTP, "connection_uri"], withStoredPassword(settings.connectionUri, config)],
    [[...SMTP, "from_address"], settings.fromAddress],
    [[...SMTP, "from_name"], settings.fromName],
  ]);
}
