import { z } from "zod";
import { config } from "@/lib/config";
import { courierChannel, type CourierChannel } from "./http/channels";

/** Reads a nested value of the project config (Ory Network's shape) without trusting its type. */
export function configAt(config: unknown, path: string[]): unknown {
  let node: unknown = config;
  for (const key of path) {
    if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const courierSchema = z.object({
  smtp: z
    .object({
      connection_uri: z.string().optional(),
      from_address: z.string().optional(),
      from_name: z.string().optional(),
      headers: z.record(z.string(), z.string()).optional(),
    })
    .partial()
    .optional(),
  message_retries: z.coerce.number().int().min(0).max(50).optional(),
});

export interface CourierSettings {
  connectionUri?: string;
  fromAddress: string;
  fromName: string;
  headers: Record<string, string>;
  /** Kratos' `courier.message_retries`: attempts before a message is abandoned. */
  maxRetries: number;
  /** Kratos' `courier.channels[]` entry with id `sms` (type http): where text messages go. */
  sms?: CourierChannel;
}

/**
 * The project's `services.identity.config.courier` block (Kratos config path `courier.smtp.connection_uri`). A project
 * without its own SMTP server uses the operator's (COURIER_SMTP_URL, like Kratos' COURIER_SMTP_CONNECTION_URI) when
 * one is set: that is how the console's own project (which no workspace owns) delivers password-recovery codes.
 */
export function courierSettings(projectConfig: unknown, projectName = "Portcullis"): CourierSettings {
  const parsed = courierSchema.safeParse(configAt(projectConfig, ["services", "identity", "config", "courier"]) ?? {});
  const courier = parsed.success ? parsed.data : {};
  const own = courier.smtp?.connection_uri || undefined;
  const operator = config();
  return {
    connectionUri: own ?? operator.COURIER_SMTP_URL,
    fromAddress: courier.smtp?.from_address || (own ? undefined : operator.COURIER_SMTP_FROM) || "no-reply@portcullis.local",
    fromName: courier.smtp?.from_name || projectName,
    headers: courier.smtp?.headers ?? {},
    maxRetries: courier.message_retries ?? 5,
    sms: courierChannel(projectConfig, "sms"),
  };
}
