import { z } from "zod";
import { configAt } from "../settings";

const authSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("api_key"), config: z.object({ name: z.string().min(1), value: z.string(), in: z.enum(["header", "cookie"]).default("header") }) }),
  z.object({ type: z.literal("basic_auth"), config: z.object({ user: z.string(), password: z.string() }) }),
]);

/**
 * Kratos' `courier.channels[].request_config`: where an HTTP channel posts a message. `body` is a JSON template
 * (`{{ ctx.recipient }}`, `{{ ctx.body }}`, `{{ ctx.template_type }}`, `{{ ctx.message_type }}`); Kratos'
 * Jsonnet bodies are not available (a Jsonnet or URL body is refused when the message is sent, see json-template).
 */
export const requestConfigSchema = z.object({
  url: z.string().url().refine((url) => /^https?:\/\//i.test(url), "url must be http(s)"),
  method: z.enum(["POST", "PUT", "PATCH"]).default("POST"),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  auth: authSchema.optional(),
});

/** Kratos' `courier.channels[]`: `id` names the channel (`sms` carries SMS), `type: http` posts each message. */
export const channelSchema = z.object({
  id: z.string().min(1).max(64),
  type: z.literal("http"),
  request_config: requestConfigSchema,
});
export const channelsSchema = z.array(channelSchema).max(16);

export type CourierChannel = z.infer<typeof channelSchema>;

/** The project's HTTP channel with this id (`sms` for text messages), or undefined when none is configured (or it is invalid). */
export function courierChannel(projectConfig: unknown, id: string): CourierChannel | undefined {
  const parsed = channelsSchema.safeParse(configAt(projectConfig, ["services", "identity", "config", "courier", "channels"]) ?? []);
  return parsed.success ? parsed.data.find((channel) => channel.id === id) : undefined;
}
