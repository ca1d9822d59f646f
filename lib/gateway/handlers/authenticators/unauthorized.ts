import { z } from "zod";
import { defineHandler } from "../define";
import { unauthorizedError } from "../../pipeline/errors";
import type { Authenticator } from "../../pipeline/types";

/** `unauthorized`: rejects every request (401). */
export const unauthorizedAuthenticator = defineHandler(
  "unauthorized",
  z.object({}).strict(),
  (): Authenticator => async () => {
    throw unauthorizedError("The unauthorized authenticator rejects every request.");
  },
);
