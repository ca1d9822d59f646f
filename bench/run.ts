import { existsSync } from "node:fs";

/**
 * `npm run bench`: every benchmark in one run (or the ones named: `npm run bench -- foundation permissions`).
 * Each writes its section of BENCHMARKS.md.
 */
const suites: Record<string, { file: string; exportName: string }> = {
  foundation: { file: "./foundation.ts", exportName: "runFoundationBench" },
  permissions: { file: "./permissions.ts", exportName: "runPermissionsBench" },
  identity: { file: "./identity.ts", exportName: "runIdentityBench" },
  passkey: { file: "./passkey.ts", exportName: "runPasskeyBench" },
  oauth2: { file: "./oauth2.ts", exportName: "runOAuth2Bench" },
  gateway: { file: "./gateway.ts", exportName: "runGatewayBench" },
  startup: { file: "./startup.ts", exportName: "runStartupBench" },
  "api-keys": { file: "./api-keys.ts", exportName: "runApiKeysBench" },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
for (const [name, suite] of Object.entries(suites)) {
  if (wanted.length && !wanted.includes(name)) continue;
  if (!existsSync(new URL(suite.file, import.meta.url))) continue;
  console.log(`\n=== ${name}`);
  const module = (await import(suite.file)) as Record<string, unknown>;
  const run = module[suite.exportName];
  if (typeof run !== "function") throw new Error(`${suite.file} does not export ${suite.exportName}`);
  await run();
}
process.exit(0);
