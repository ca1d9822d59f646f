import { Secret, TOTP } from "otpauth";
import { createIdentity, replaceCredential, type ServiceContext } from "@/lib/identity";
import { newSeed, sealedConfig } from "@/lib/selfservice/strategies/totp/key";
import type { JsonClient } from "./http-json";

/**
 * Identities with TOTP for the password + TOTP login workload. A code is accepted once per 30 s step (replay guard),
 * and ±1 step around now: each identity signs in at most three times per step, so the pool hands out
 * (identity, step) pairs no login has used, and waits for the next step when every identity used its three.
 */
export async function totpUsers(ctx: ServiceContext, count: number, password: string) {
  const users: { email: string; totp: TOTP; lastStep: number }[] = [];
  for (let i = 0; i < count; i++) {
    const email = `mfa${i}@example.com`;
    const identity = await createIdentity(ctx, { schema_id: "preset://email", traits: { email }, credentials: { password: { config: { password } } } });
    const seed = newSeed();
    await replaceCredential(ctx, identity.id, { type: "totp", config: { ...(await sealedConfig(seed, ctx.project.id, identity.id)) }, identifiers: [identity.id] }, "bench.totp");
    users.push({ email, totp: new TOTP({ secret: Secret.fromBase32(seed), algorithm: "SHA1", digits: 6, period: 30 }), lastStep: -1 });
  }
  let next = 0;
  /** An identity and a code of a step it has not used yet. */
  return async function take(): Promise<{ email: string; code: string }> {
    for (;;) {
      const step = Math.floor(Date.now() / 30_000);
      for (let tried = 0; tried < users.length; tried++) {
        const user = users[next++ % users.length]!;
        const use = Math.max(step - 1, user.lastStep + 1);
        if (use > step + 1) continue;
        user.lastStep = use;
        return { email: user.email, code: user.totp.generate({ timestamp: use * 30_000 + 1 }) };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
}

/** Ory's native password + TOTP login: password login (aal1 token), a step-up flow with the token, the code. */
export async function nativeTotpLogin(client: JsonClient, base: string, email: string, password: string, code: string): Promise<boolean> {
  const flow = await client.request("GET", `${base}/self-service/login/api`);
  const first = await client.request("POST", `${base}/self-service/login?flow=${(flow.json as { id: string }).id}`, { method: "password", identifier: email, password });
  const token = (first.json as { session_token?: string }).session_token;
  if (!token) return false;
  const headers = { "X-Session-Token": token };
  const stepUp = await client.request("GET", `${base}/self-service/login/api?aal=aal2`, undefined, headers);
  if (stepUp.status !== 200) return false;
  const done = await client.request("POST", `${base}/self-service/login?flow=${(stepUp.json as { id: string }).id}`, { method: "totp", totp_code: code }, headers);
  return done.status === 200 && (done.json as { session?: { authenticator_assurance_level?: string } }).session?.authenticator_assurance_level === "aal2";
}
