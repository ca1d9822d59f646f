/**
 * Kratos' `web_hook` hooks on self-service flows. Bodies are JSON templates with `{{ ctx.… }}` placeholders —
 * Jsonnet is not supported. Payloads are signed (`X-Portcullis-Signature: t=…,v1=…`, HMAC-SHA256) when the hook
 * has a `signing_secret` or the project a `selfservice.webhook_signing_secret`.
 */
export { runWebHooks, runWebHookConfigs, type RunHooksInput } from "./execute";
export { deliverWebhooks, enqueueDelivery } from "./queue";
export { startWebhookWorker } from "./worker";
export { signPayload, verifySignature, SIGNATURE_HEADER } from "./sign";
export { renderBody } from "./template";
export { webHooksFor, webHookConfigSchema, type WebHookConfig } from "./config";
export type { IdentityPatch } from "./interrupt";
