import { z } from "zod";
import { defineHandler } from "../define";
import { forbiddenError } from "../../pipeline/errors";
import type { Authorizer } from "../../pipeline/types";

/** `deny`: every request is forbidden (403). */
export const denyAuthorizer = defineHandler(
  "deny",
  z.object({}).strict(),
  (): Authorizer => async () => {
    throw forbiddenError("The deny authorizer forbids every request.");
  },
);
