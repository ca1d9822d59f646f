import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { closeDatabase } from "@/lib/db";
import { createBenchDatabase, freePort } from "./app-process";
import { oauth2BenchFixture } from "./oauth2-fixture";
import { formatTable, measure, measureWithCpu, type LoadResult } from "./load";
import { machineLine, writeSection } from "./report";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

async function child(args: string[], env: Record<string, string>): Promise<{ url: string; pid: number; stop: () => void }> {
  const port = await freePort();
  const proc: ChildProcess = fork("bench/oauth2-servers.ts", [args[0], String(port), ...args.slice(1)], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: "inherit",
  });
  await new Promise((resolve, reject) => { proc.once("message", resolve); proc.once("exit", reject); });
  return { url: `http://127.0.0.1:${port}`, pid: proc.pid ?? 0, stop: () => proc.kill("SIGTERM") };
}

async function postForm(url: string, body: Record<string, string>, authorization: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: "POST", headers: { ...FORM, authorization }, body: new URLSearchParams(body) });
  return (await response.json()) as Record<string, unknown>;
}

/**
 * Issue 4's figures, in one run on one machine: client_credentials tokens/s and introspections/s of
 * Portcullis' machine API (PostgreSQL, JWT access tokens, ES256) and of node-oidc-provider configured the same way.
 */
export async function runOAuth2Bench(durationSec = 8): Promise<LoadResult[]> {
  const database = await createBenchDatabase();
  const stops: (() => void)[] = [];
  try {
    const { project, client, basicAuth: auth } = await oauth2BenchFixture(database.url);
    await closeDatabase();

    const ours = await child(["machine"], { DATABASE_URL: database.url });
    stops.push(ours.stop);
    const op = await child(["oidc-provider", client.client_id, client.client_secret], {});
    stops.push(op.stop);

    const ourToken = `${ours.url}/p/${project.slug}/oauth2/token`;
    const ourIntrospect = `${ours.url}/p/${project.slug}/admin/oauth2/introspect`;
    const opToken = `${op.url}/token`;
    const opIntrospect = `${op.url}/token/introspection`;
    const ccBody = "grant_type=client_credentials&scope=read";
    const ourJwt = String((await postForm(ourToken, { grant_type: "client_credentials", scope: "read" }, auth)).access_token);
    const opIssued = await postForm(opToken, { grant_type: "client_credentials", scope: "read" }, auth);
    const opJwt = String(opIssued.access_token);
    const opActive = (await postForm(opIntrospect, { token: opJwt }, auth)).active === true;

    const targets = [
      { label: "Portcullis: POST /oauth2/token (client_credentials, JWT ES256)", pid: ours.pid, url: ourToken, method: "POST", headers: { ...FORM, authorization: auth }, body: ccBody },
      { label: "oidc-provider: POST /token (client_credentials, JWT ES256)", pid: op.pid, url: opToken, method: "POST", headers: { ...FORM, authorization: auth }, body: ccBody },
      { label: "Portcullis: POST /admin/oauth2/introspect (JWT access token)", pid: ours.pid, url: ourIntrospect, method: "POST", headers: { ...FORM, authorization: `Bearer ${project.apiKey}` }, body: `token=${ourJwt}` },
      { label: `oidc-provider: POST /token/introspection (${opActive ? "JWT" : "JWT, reported inactive"})`, pid: op.pid, url: opIntrospect, method: "POST", headers: { ...FORM, authorization: auth }, body: `token=${opJwt}` },
    ];
    const results: LoadResult[] = [];
    for (const { pid, ...target } of targets) {
      await measure({ ...target, durationSec: 2, connections: 16 });
      results.push(await measureWithCpu({ ...target, durationSec, connections: 16 }, pid));
    }
    report(results, opActive);
    return results;
  } finally {
    for (const stop of stops) stop();
    await closeDatabase().catch(() => undefined);
    await database.drop();
  }
}

function report(results: LoadResult[], opIntrospectsJwt: boolean): void {
  const [ourTokens, opTokens, ourIntrospect] = results.map((r) => r.requestsPerSec);
  const [ourTokenCpu, opTokenCpu] = results.map((r) => r.serverCpuUs ?? NaN);
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  const body = [
    `${machineLine()} Load average at the end: ${load} (other work shares the machine).`,
    "Both servers run in their own process on loopback, PostgreSQL behind Portcullis. Neither stores client_credentials",
    "JWT access tokens (Portcullis verifies them and checks revocation: README, OAuth2); oidc-provider keeps its in-memory adapter.",
    "Load from wrk (16 connections) on the same 2 cores.",
    "",
    formatTable(results),
    "",
    `- client_credentials tokens/s, Portcullis / oidc-provider: **${(ourTokens / opTokens).toFixed(2)}×** (target ≥ 3×)`,
    `- CPU per token, oidc-provider / Portcullis: **${(opTokenCpu / ourTokenCpu).toFixed(2)}×** (the same comparison, less sensitive to other load on the machine)`,
    `- introspections/s: **${Math.round(ourIntrospect).toLocaleString("en")}** (target ≥ 5,000/s)`,
    ...(opIntrospectsJwt ? [] : ["- oidc-provider answers `active: false` for JWT access tokens (it does not store them), so its introspection row measures a cheap miss."]),
  ].join("\n");
  writeSection("OAuth2", body);
  console.log(body);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runOAuth2Bench();
  process.exit(0);
}
