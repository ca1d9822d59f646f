import { availableParallelism, loadavg } from "node:os";
import { closeDatabase, initDatabase, migrate } from "@/lib/db";
import { createIdentity } from "@/lib/identity";
import { systemContext } from "@/lib/identity/test-context";
import { SoftAuthenticator, type PublicKeyOptions } from "@/lib/selfservice/testing/soft-authenticator";
import { createTestProject } from "@/lib/testing/fixtures";
import { createBenchDatabase } from "./app-process";
import { jsonClient, nativePasswordLogin, type JsonClient } from "./http-json";
import { startApiServer } from "./identity";
import { interleaved, LOGIN_CONCURRENCY, type WorkloadResult } from "./login-rate";
import { machineLine, writeSection } from "./report";

/**
 * Passkey logins vs password logins (`npm run bench -- passkey`): the native API login flow over HTTP with each, in
 * interleaved rounds against one API server (the route table in its own process, PostgreSQL). A passkey login
 * verifies one ECDSA P-256 signature where a password login runs argon2id: target ≥ 10× the password rate.
 */
const PASSWORD = "bench-Password-7f3!";
type Node = { attributes: { name?: string; value?: unknown } };

/** Signs up with a passkey through the native registration flow; the authenticator holds it (no counter, as most passkeys). */
async function passkeyUser(client: JsonClient, base: string, origin: string, i: number): Promise<SoftAuthenticator> {
  const authenticator = new SoftAuthenticator(origin, false);
  const flow = (await client.request("GET", `${base}/self-service/registration/api`)).json as { id: string; ui: { nodes: Node[] } };
  const data = JSON.parse(String(flow.ui.nodes.find((n) => n.attributes.name === "passkey_create_data")?.attributes.value)) as { credentialOptions: PublicKeyOptions };
  const body = { method: "passkey", traits: { email: `passkey${i}@example.com` }, passkey_register: authenticator.create(data.credentialOptions) };
  const created = await client.request("POST", `${base}/self-service/registration?flow=${flow.id}`, body);
  if (created.status !== 200) throw new Error(`passkey sign-up failed: ${created.status} ${JSON.stringify(created.json)}`);
  return authenticator;
}

/** The native passkey login: the flow (its request options), the authenticator's assertion, the submission. */
async function nativePasskeyLogin(client: JsonClient, base: string, authenticator: SoftAuthenticator): Promise<boolean> {
  const flow = (await client.request("GET", `${base}/self-service/login/api`)).json as { id: string; ui: { nodes: Node[] } };
  const options = JSON.parse(String(flow.ui.nodes.find((n) => n.attributes.name === "passkey_challenge")?.attributes.value)) as PublicKeyOptions;
  const done = await client.request("POST", `${base}/self-service/login?flow=${flow.id}`, { method: "passkey", passkey_login: authenticator.get(options) });
  return done.status === 200;
}

export async function runPasskeyBench(options: { seconds?: number; rounds?: number; report?: boolean } = {}): Promise<WorkloadResult[]> {
  const seconds = options.seconds ?? 10;
  const database = await createBenchDatabase();
  await migrate(database.url);
  await initDatabase({ url: database.url, pool: 10 });
  const databaseName = new URL(database.url).pathname.slice(1);
  const server = await startApiServer(database.url);
  try {
    const unlimited = { limit: 1_000_000, window_seconds: 60 };
    const project = await createTestProject({ services: { identity: { config: {
      rate_limits: { "login:ip": unlimited, "login:identifier": unlimited, "registration:ip": unlimited },
      selfservice: { methods: { passkey: { enabled: true } } },
    } } } });
    const ctx = await systemContext(project.slug);
    for (let i = 0; i < 8; i++) {
      await createIdentity(ctx, { schema_id: "preset://email", traits: { email: `bench${i}@example.com` }, credentials: { password: { config: { password: PASSWORD } } } });
    }
    const base = `${server.url}/p/${project.slug}`;
    const client = jsonClient();
    const authenticators: SoftAuthenticator[] = [];
    for (let i = 0; i < 8; i++) authenticators.push(await passkeyUser(client, base, server.url, i));
    if (!(await nativePasskeyLogin(client, base, authenticators[0]!))) throw new Error("the native passkey login does not sign in");
    const cpu = { pids: [server.pid], database: databaseName };
    const results = await interleaved([
      {
        name: "password logins: native API login flow over HTTP (flow + submit)",
        op: async (i) => { if (!(await nativePasswordLogin(client, base, `bench${i % 8}@example.com`, PASSWORD))) throw new Error("password login failed"); },
        cpu,
      },
      {
        name: "passkey logins: native API login flow over HTTP (flow + assertion)",
        op: async (i) => { if (!(await nativePasskeyLogin(client, base, authenticators[i % 8]!))) throw new Error("passkey login failed"); },
        cpu,
      },
    ], options.rounds ?? 4, seconds / 2);
    if (options.report !== false) writeSection("Passkeys", report(results));
    for (const r of results) console.log(`${r.name}: ${r.perSec.toFixed(1)}/s, ${r.cpuMsPerOp.toFixed(1)} ms CPU each`);
    return results;
  } finally {
    server.stop();
    await closeDatabase();
    await database.drop();
  }
}

function report([password, passkey]: WorkloadResult[]): string {
  const row = (r: WorkloadResult) => `| ${r.name} | ${r.perSec.toFixed(1)} | ${r.cpuMsPerOp.toFixed(2)} |`;
  return `${machineLine()} Load average at the end of the run: ${loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${availableParallelism()} cores
(a machine shared with other work: absolute rates wander, the ratio between interleaved workloads holds).

Native API logins over HTTP, ${LOGIN_CONCURRENCY} concurrent callers, interleaved rounds (A B A B …) against one API server;
CPU per operation counts the serving Node process and the PostgreSQL backends of the benchmark's database. The passkey
login's client side (the software authenticator signing with ES256) runs in the load generator, as a browser would.

| what | per second | CPU ms per operation |
|---|---:|---:|
${row(password!)}
${row(passkey!)}

Passkey logins: **${(passkey!.perSec / password!.perSec).toFixed(1)}×** the password rate (target ≥ 10×), ${(password!.cpuMsPerOp / passkey!.cpuMsPerOp).toFixed(1)}× less
CPU each: no argon2id, one ECDSA P-256 verification. Its statements: the flow's insert (flow creation); the flow read
with its rate limits and the passkey's identity by user handle, in one round trip; the challenge claimed; the session
insert with the flow's outcome (a signature counter is written only for authenticators that keep one) — one more than
the password login's three.`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runPasskeyBench();
  process.exit(0);
}
