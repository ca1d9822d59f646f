import { FlowValidationError } from "../flows/errors";
import { text } from "../ui";
import type { Hook } from "./types";

/**
 * Kratos' `require_verified_address` (login): an identity without a verified address cannot sign in yet (message
 * 4000010); it runs before the session is stored, so nothing is signed in.
 */
export const requireVerifiedAddressHook: Hook = {
  name: "require_verified_address",
  stages: {
    async login(_ctx, outcome) {
      if (!outcome.identity.verifiableAddresses.some((address) => address.verified)) throw new FlowValidationError([text.addressNotVerified()]);
    },
  },
};
