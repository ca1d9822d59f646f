import argon2 from "argon2";

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1). The argon2 package hashes on libuv's thread pool,
// off the event loop; UV_THREADPOOL_SIZE bounds the concurrency.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the account does not exist, so timing does not reveal it.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("portcullis-timing-equalizer");
  await verifyPassword(await dummyHash, password);
  return false;
}
