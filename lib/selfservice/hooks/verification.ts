import { sendCode } from "../strategies";
import { flowSettings } from "../flows/config";
import { rerender } from "../flows/rerender";
import { startFlow } from "../flows/start";
import { flowUrls } from "../flows/urls";
import { text } from "../ui";
import type { Hook } from "./types";

interface ShowVerification {
  action: "show_verification_ui";
  flow: { id: string; verifiable_address: string; url: string };
}
const isShowVerification = (item: unknown): item is ShowVerification => (item as { action?: unknown })?.action === "show_verification_ui";

/**
 * Kratos' verification hook after registration: a verification flow per unverified email address, its code (or link,
 * `selfservice.flows.verification.use: link`) already sent, announced as `continue_with: show_verification_ui`.
 */
export const verificationHook: Hook = {
  name: "verification",
  stages: {
    async registration(ctx, outcome) {
      const { flow: registration, identity } = outcome;
      if (!flowSettings(ctx.project.config).enabled("verification")) return;
      for (const address of identity.verifiableAddresses.filter((a) => !a.verified && a.via === "email")) {
        const { flow } = await startFlow(ctx, {
          kind: "verification", type: registration.type, state: "choose_method", returnTo: registration.returnTo || undefined,
          context: { locale: registration.context.locale },
        });
        await sendCode(ctx, flow, address.value, flowSettings(ctx.project.config).use("verification"));
        await rerender(ctx, flow, [text.verificationCodeSent()]);
        outcome.continueWith.push({ action: "show_verification_ui", flow: { id: flow.id, verifiable_address: address.value, url: flowUrls(ctx).ui("verification", flow.id) } });
      }
    },
  },
};

/** Kratos' `show_verification_ui`: a browser goes on to the verification page when a code was sent. */
export const showVerificationUiHook: Hook = {
  name: "show_verification_ui",
  stages: {
    async registration(_ctx, outcome) {
      const next = outcome.continueWith.find(isShowVerification);
      if (next && outcome.flow.type === "browser" && !outcome.json) outcome.redirectTo = next.flow.url;
    },
  },
};
