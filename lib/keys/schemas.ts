import { z } from "zod";
import { SIGNING_ALGORITHMS } from "./algorithms";

/** Hydra's createJsonWebKeySet body. */
export const createKeySetSchema = z.object({
  alg: z.enum(SIGNING_ALGORITHMS, { message: `alg must be one of ${SIGNING_ALGORITHMS.join(", ")} (symmetric keys are not supported)` }),
  use: z.enum(["sig", "enc"]).default("sig"),
  kid: z.string().min(1).max(200).regex(/^[A-Za-z0-9._~-]+$/, "kid may contain letters, digits and ._~- only").optional().or(z.literal("").transform(() => undefined)),
});

const b64 = z.string().regex(/^[A-Za-z0-9_-]*$/, "must be base64url");

/** Hydra's jsonWebKey (asymmetric only). */
export const jsonWebKeySchema = z.looseObject({
  kty: z.enum(["RSA", "EC", "OKP"]),
  kid: z.string().min(1).max(200).regex(/^[A-Za-z0-9._~-]+$/),
  alg: z.enum(SIGNING_ALGORITHMS),
  use: z.enum(["sig", "enc"]),
  crv: z.string().optional(),
  n: b64.optional(),
  e: b64.optional(),
  x: b64.optional(),
  y: b64.optional(),
  d: b64.optional(),
  p: b64.optional(),
  q: b64.optional(),
  dp: b64.optional(),
  dq: b64.optional(),
  qi: b64.optional(),
  x5c: z.array(z.string()).optional(),
});
export type JsonWebKeyInput = z.infer<typeof jsonWebKeySchema>;

export const jsonWebKeySetSchema = z.object({ keys: z.array(jsonWebKeySchema).max(100) });

export const keySetNameSchema = z.string().min(1).max(200).regex(/^[A-Za-z0-9._~-]+$/, "set name may contain letters, digits and ._~- only");
