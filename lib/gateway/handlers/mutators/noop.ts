import { z } from "zod";
import { defineHandler } from "../define";
import type { Mutator } from "../../pipeline/types";

/** `noop`: the request goes upstream unchanged. */
export const noopMutator = defineHandler("noop", z.object({}).strict(), (): Mutator => async () => {});
