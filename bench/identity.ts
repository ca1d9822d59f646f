import { fork } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { closeDatabase, initDatabase, migrate } from "@/lib/db";
import { argon2Parameters, createIdentity, verifyPasswordLogin } from "@/lib/identity";
import { hashWithParameters, verifyPasswordHash } from "@/lib/identity/password/hasher";
import { systemContext } from "@/lib/identity/test-context";
import { issueSession } from "@/lib/sessions";
import { createTestProject } from "@/lib/testing/fixtures";
import { createBenchDatabase, freePort } from "./app-process";
import { jsonClient, nativePasswordLogin } from "./http-json";
import { formatTable, measure, type LoadResult } from "./load";
import { interleaved, LOGIN_CONCURRENCY, type WorkloadResult } from "./login-rate";
import { machineLine, writeSection } from "./report";
import { nativeTotpLogin, totpUsers } from "./second-factor";

/**
 * Identity benchmark (`npm run bench -- identity`, or `npx tsx bench/identity.ts`):
 *  1. whoami throughput with a session token, against the machine route table (the API server alone, in its
 *     own process, on loopback) on PostgreSQL;
 *  2. password logins per second — the native login flow when the flows module serves it, otherwise
 *     `verifyPasswordLogin` + `issueSession` — against the ceiling of argon2id verifications alone at the
 *     same parameters and concurrency (target: logins ≥ 80% of the ceiling).
 */
const PASSWORD = "bench-Password-7f3!";
export async function startApiServer(databaseUrl: string): Promise<{ url: string; pid: number; stop(): void }> {
  const port = await freePort();
  // bench/permissions-server.ts is the route table alone on a plain Node server (server.ts's fast path).
  const child = fork("bench/permissions-server.ts", [String(port)], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", NODE_ENV: "production", DB_POOL_SIZE: "10" },
    stdio: "inherit",
  });
  await new Promise((resolve, reject) => { child.once("message", resolve); child.once("exit", reject); });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, stop: () => child.kill("SIGTERM") };
}

export interface IdentityBenchResult {
  baseline: LoadResult;
  whoami: LoadResult;
  /** argon2id verifications alone, then verifyPasswordLogin + issueSession in process, then the native login flow over HTTP. */
  logins: WorkloadResult[];
}

export async function runIdentityBench(options: { seconds?: number; rounds?: number; report?: boolean } = {}): Promise<IdentityBenchResult> {
  const seconds = options.seconds ?? 10;
  const database = await createBenchDatabase();
  await migrate(database.url);
  await initDatabase({ url: database.url, pool: 10 });
  const databaseName = new URL(database.url).pathname.slice(1);
  const server = await startApiServer(database.url);
  try {
    // Rate limits off for the benchmark's project: every login comes from 127.0.0.1 for a handful of users.
    const unlimited = { limit: 1_000_000, window_seconds: 60 };
    const project = await createTestProject({ services: { identity: { config: {
      rate_limits: { "login:ip": unlimited, "login:identifier": unlimited, "second_factor:identity": unlimited },
      selfservice: { methods: { totp: { enabled: true } } },
    } } } });
    const ctx = await systemContext(project.slug);
    const users = [];
    for (let i = 0; i < 8; i++) {
      users.push(await createIdentity(ctx, { schema_id: "preset://email", traits: { email: `bench${i}@example.com` }, credentials: { password: { config: { password: PASSWORD } } } }));
    }
    const { token } = await issueSession(ctx, { identityId: users[0]!.id, method: "password", device: { ip: "127.0.0.1", userAgent: "bench" } });
    const base = `${server.url}/p/${project.slug}`;

    const baseline = await measure({ label: "GET /health/alive (baseline: cheapest project route)", url: `${base}/health/alive`, durationSec: seconds, connections: 32 });
    const whoami = await measure({ label: "GET /sessions/whoami (X-Session-Token)", url: `${base}/sessions/whoami`, headers: { "x-session-token": token }, durationSec: seconds, connections: 32 });

    // Password + TOTP: enough identities that every login has a TOTP step no other login used (see totpUsers).
    const takeTotp = await totpUsers(ctx, 64, PASSWORD);
    const client = jsonClient();
    const nativeLogin = async (identifier: string) => Boolean(await nativePasswordLogin(client, base, identifier, PASSWORD));
    if (!(await nativeLogin("bench0@example.com"))) throw new Error("the native login flow does not sign in");
    const reference = await hashWithParameters(PASSWORD, argon2Parameters(ctx.project));
    const self = { pids: [process.pid], database: databaseName };
    const logins = await interleaved([
      { name: "argon2id verifications alone (ceiling)", op: () => verifyPasswordHash(reference, PASSWORD), cpu: { pids: [process.pid] } },
      {
        name: "logins: verifyPasswordLogin + issueSession (in process)",
        op: async (i) => {
          const identity = await verifyPasswordLogin({ ...ctx, now: new Date() }, `bench${i % users.length}@example.com`, PASSWORD);
          if (!identity) throw new Error("login failed");
          await issueSession({ ...ctx, now: new Date() }, { identityId: identity.id, method: "password", device: { ip: "127.0.0.1", userAgent: "bench" } });
        },
        cpu: self,
      },
      {
        name: "logins: native API login flow over HTTP (flow + submit)",
        op: async (i) => {
          if (!(await nativeLogin(`bench${i % users.length}@example.com`))) throw new Error("native login failed");
        },
        cpu: { pids: [server.pid], database: databaseName },
      },
      {
        name: "logins: native password + TOTP over HTTP (flow + submit, step-up flow + code)",
        op: async () => {
          const { email, code } = await takeTotp();
          if (!(await nativeTotpLogin(client, base, email, PASSWORD, code))) throw new Error("password + TOTP login failed");
        },
        cpu: { pids: [server.pid], database: databaseName },
      },
    ], options.rounds ?? 4, seconds / 2);

    const result: IdentityBenchResult = { baseline, whoami, logins };
    if (options.report !== false) writeSection("Identity", report(result, argon2Parameters(ctx.project)));
    console.log(formatTable([baseline, whoami]));
    for (const l of logins) console.log(`${l.name}: ${l.perSec.toFixed(1)}/s, ${l.cpuMsPerOp.toFixed(1)} ms CPU each`);
    return result;
  } finally {
    server.stop();
    await closeDatabase();
    await database.drop();
  }
}

function report(r: IdentityBenchResult, p: ReturnType<typeof argon2Parameters>): string {
  const [ceiling] = r.logins;
  const row = (l: WorkloadResult) =>
    `| ${l.name} | ${l.perSec.toFixed(1)} | ${((100 * l.perSec) / ceiling!.perSec).toFixed(0)}% | ${l.cpuMsPerOp.toFixed(1)} | ${((100 * ceiling!.cpuMsPerOp) / l.cpuMsPerOp).toFixed(0)}% |`;
  return `${machineLine()} Load average at the end of the run: ${loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${availableParallelism()} cores.

whoami with a session token against the route table (API server in its own process, PostgreSQL, 32 connections;
session lookups cached per process for 5 s and dropped on revocation):

${formatTable([r.baseline, r.whoami])}

Password logins at argon2id m=${p.memoryKiB} KiB, t=${p.iterations}, p=${p.parallelism}, ${LOGIN_CONCURRENCY} concurrent callers (argon2 itself
bounded to ${availableParallelism()} at a time by the hasher), for logins and the ceiling alike. The three workloads run in interleaved
rounds (A B C A B C …), so each sees the same background load. CPU per operation counts the serving Node process
(argon2's threads included) and, for logins, the PostgreSQL backends of the benchmark's database; with the cores
saturated, rate ≈ cores ÷ CPU per operation, so the CPU ratio is the figure that holds on a busy machine:

| what | per second | of the ceiling (target ≥ 80%) | CPU ms per operation | ceiling CPU ÷ this CPU |
|---|---:|---:|---:|---:|
${r.logins.map(row).join("\n")}

A native login adds three statements to the argon2id verification: the flow's insert (flow creation), its rate
limits counted with the flow and credential read (submission), and the session insert with the flow's outcome. The TOTP
step-up after it adds four (lib/selfservice/flows/second-factor-cost.int.test.ts): the step-up flow's insert (the
session comes from the whoami cache, warmed by the login), its limits with the flow read, the time step claimed on the
credential, and the session's new AAL with the flow's outcome — one more than the password login, and no argon2id.

argon2 vs @node-rs/argon2 (bench/argon2.ts, best of 3 interleaved rounds, hashes/s at concurrency 1/2/4, load
average ~17 from other work on the machine): argon2 6.8/5.9/7.5, @node-rs/argon2 5.0/6.8/9.2 (a first run:
8.6/11.5/7.5 vs 11.8/10.0/8.0). Neither is consistently ahead, so Portcullis keeps \`argon2\`.`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runIdentityBench();
  process.exit(0);
}
