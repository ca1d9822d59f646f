import { z } from "zod";
import { defineHandler } from "../define";
import type { Authorizer } from "../../pipeline/types";

/** `allow`: every authenticated request is allowed. */
export const allowAuthorizer = defineHandler("allow", z.object({}).strict(), (): Authorizer => async () => {});
