import { enqueueEmail } from "@/lib/courier";
import type { Hook } from "./types";

/** Sign-in notification (`selfservice.flows.login.notify_new_sign_in`, our addition): a mail to the identity's first address. */
export const loginNotificationHook: Hook = {
  name: "login_notification",
  stages: {
    async login(ctx, outcome) {
      const primary = outcome.identity.verifiableAddresses[0]?.value;
      if (!primary) return;
      await enqueueEmail(ctx.db, ctx.project.id, {
        recipient: primary,
        templateType: "login_notice",
        data: { project: ctx.project.name, time: ctx.now.toISOString(), ip: ctx.request.ip, agent: ctx.request.header("user-agent") ?? "" },
        locale: outcome.flow.context.locale,
      });
    },
  },
};
