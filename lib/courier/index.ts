/** The courier: templated, localized emails persisted in a queue and delivered over SMTP with retries. */
export { enqueueEmail, enqueueSms, type EnqueueEmailInput } from "./queue";
export { channelSchema, channelsSchema, courierChannel, type CourierChannel } from "./http/channels";
export { deliverPending, type DeliveryReport } from "./deliver";
export { startCourierWorker, type CourierWorker } from "./worker";
export { listMessages, getMessage, listMessagesQuery, toOryMessage, type OryMessage } from "./messages";
export { courierSettings, configAt, type CourierSettings } from "./settings";
export { sendTestEmail, type TestEmailResult } from "./test-email";
export { renderTemplate, templateLocale, type TemplateData } from "./templates/render";
export { templateLocales, templateTypes, type TemplateType } from "./templates/strings";
