import { z } from "zod";
import { defineHandler } from "../define";
import type { Authenticator } from "../../pipeline/types";

/** `noop`: lets every request through as an empty subject (Oathkeeper: authentication is bypassed). */
export const noopAuthenticator = defineHandler("noop", z.object({}).strict(), (): Authenticator => async () => ({ subject: "", extra: {} }));
