import { closeDatabase } from "@/lib/db";
import { dispatch, type ApiRequest } from "@/lib/http";
import { createBenchDatabase } from "./app-process";
import { oauth2BenchFixture } from "./oauth2-fixture";
import { mainThreadCpuSeconds } from "./cpu-cost";

/**
 * CPU per client_credentials token (JWT ES256, client_secret_basic) through the route table in this process,
 * without HTTP: main-thread CPU (the JS thread, which bounds one process's rate) and whole-process CPU (adds
 * libuv's pool and GC helpers), with 16 requests in flight as under the HTTP bench.
 * `npx tsx bench/oauth2-token-cpu.ts [N]`.
 */
const total = Number(process.argv[2] ?? 40_000);
const CONCURRENCY = 16;

const database = await createBenchDatabase();
try {
  const { project, basicAuth } = await oauth2BenchFixture(database.url);
  const headers: Record<string, string> = {
    host: "127.0.0.1:4000",
    "content-type": "application/x-www-form-urlencoded",
    authorization: basicAuth,
  };
  const path = `/p/${project.slug}/oauth2/token`;
  const body = Buffer.from("grant_type=client_credentials&scope=read");
  const tokenRequest = (): ApiRequest => {
    let url: URL | undefined;
    return {
      method: "POST",
      path,
      get url() {
        return (url ??= new URL(`http://127.0.0.1:4000${path}`));
      },
      query: new URLSearchParams(),
      rawQuery: "",
      ip: "127.0.0.1",
      locals: {},
      header: (name) => headers[name],
      body: async () => body,
    };
  };
  const batch = async (n: number) => {
    for (let i = 0; i < n; i += CONCURRENCY) {
      const responses = await Promise.all(Array.from({ length: CONCURRENCY }, () => dispatch(tokenRequest())));
      if (responses.some((r) => r?.status !== 200)) throw new Error(`token request failed: ${JSON.stringify(responses[0])}`);
    }
  };
  await batch(Math.min(10_000, total)); // warm-up: JIT, caches
  const main = mainThreadCpuSeconds(process.pid);
  const started = process.cpuUsage();
  const wall = performance.now();
  await batch(total);
  const used = process.cpuUsage(started);
  const seconds = (performance.now() - wall) / 1000;
  const mainUs = ((mainThreadCpuSeconds(process.pid) - main) * 1e6) / total;
  console.log(`${total} tokens in ${seconds.toFixed(1)} s: main thread ${mainUs.toFixed(0)} µs/token, process ${((used.user + used.system) / total).toFixed(0)} µs/token`);
} finally {
  await closeDatabase();
  await database.drop();
}
