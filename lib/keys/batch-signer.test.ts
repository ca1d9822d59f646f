import { generateKeyPairSync, verify } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { BatchSigner, FLUSH_AT, type SignerKey } from "./batch-signer";

const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const ed = generateKeyPairSync("ed25519");
const es256: SignerKey = { hash: "sha256", options: { key: ec.privateKey, dsaEncoding: "ieee-p1363" } };
const eddsa: SignerKey = { hash: null, options: { key: ed.privateKey } };

const verifies = (input: string, signature: string, key: SignerKey, publicKey = key === es256 ? ec.publicKey : ed.publicKey) =>
  verify(key.hash, Buffer.from(input), { ...key.options, key: publicKey }, Buffer.from(signature, "base64url"));

let signer = new BatchSigner();
afterEach(async () => {
  await signer.close();
  signer = new BatchSigner();
});

describe("batch signer", () => {
  it("signs the inputs of one turn with their own keys, each answer for its own input", async () => {
    const inputs = Array.from({ length: 20 }, (_, i) => ({ input: `input-${i}`, key: i % 3 ? es256 : eddsa }));
    const signatures = await Promise.all(inputs.map(({ input, key }) => signer.sign(input, key)));
    inputs.forEach(({ input, key }, i) => expect(verifies(input, signatures[i], key)).toBe(true));
    expect(verifies("input-1", signatures[2], es256)).toBe(false);
  });

  it("fails only the input whose key cannot sign", async () => {
    const unusable: SignerKey = { hash: "sha256", options: { key: ec.publicKey, dsaEncoding: "ieee-p1363" } };
    const [good, bad] = await Promise.allSettled([signer.sign("a", es256), signer.sign("b", unusable)]);
    expect(good.status === "fulfilled" && verifies("a", good.value, es256)).toBe(true);
    expect(bad.status).toBe("rejected");
  });

  it("settles what a stopped worker held (signed or rejected, never left waiting) and signs again with a new one", async () => {
    await signer.sign("warm", es256);
    const held = signer.sign("held", es256).then(() => "signed", (error: unknown) => String(error));
    setImmediate(() => void signer.close()); // right after the batch went to the worker
    expect(await held).toMatch(/signed|exited/);
    expect(verifies("after", await signer.sign("after", es256), es256)).toBe(true);
  });

  it("starts a new worker for a signature requested while the old one is still stopping", async () => {
    await signer.sign("warm", es256);
    const closing = signer.close();
    expect(verifies("after", await signer.sign("after", es256), es256)).toBe(true);
    await closing;
  });

  it("signs across turns in order", async () => {
    const first = signer.sign("one", es256);
    await new Promise((resolve) => setImmediate(resolve));
    const second = signer.sign("two", eddsa);
    expect(verifies("one", await first, es256)).toBe(true);
    expect(verifies("two", await second, eddsa)).toBe(true);
  });

  it("sends a full batch to the worker at once instead of at the end of the turn", async () => {
    const early = Array.from({ length: FLUSH_AT - 1 }, (_, i) => signer.sign(`early-${i}`, es256));
    expect(signer.queued).toBe(FLUSH_AT - 1);
    early.push(signer.sign("full", es256));
    expect(signer.queued).toBe(0); // gone to the worker while this turn still runs
    const late = signer.sign("late", eddsa);
    expect(signer.queued).toBe(1);
    const signatures = await Promise.all(early);
    expect(verifies("full", signatures[FLUSH_AT - 1], es256)).toBe(true);
    expect(verifies("late", await late, eddsa)).toBe(true);
  });
});
