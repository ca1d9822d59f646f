import { closeDatabase, initDatabase, migrate } from "@/lib/db";
import { createIdentity, verifyPasswordLogin } from "@/lib/identity";
import { systemContext } from "@/lib/identity/test-context";
import { issueSession } from "@/lib/sessions";
import { createTestProject } from "@/lib/testing/fixtures";
import { createBenchDatabase } from "./app-process";

/**
 * Development aid: `node --cpu-prof` this to see what a password login costs besides argon2id. LIGHT_HASH=1 hashes
 * at argon2id's floor (8 MiB, 1 iteration) so the figure is mostly the overhead (see profile-login-http.ts).
 */
const database = await createBenchDatabase();
await migrate(database.url);
await initDatabase({ url: database.url, pool: 10 });
const hashers = process.env.LIGHT_HASH ? { hashers: { argon2: { memory: "8MB", iterations: 1, parallelism: 1 } } } : {};
const project = await createTestProject({ services: { identity: { config: hashers } } });
const ctx = await systemContext(project.slug);
await createIdentity(ctx, { schema_id: "preset://email", traits: { email: "p@example.com" }, credentials: { password: { config: { password: "bench-Password-7f3!" } } } });
const t0 = process.cpuUsage();
const n = Number(process.argv[2] ?? 40);
for (let i = 0; i < n; i++) {
  const identity = await verifyPasswordLogin({ ...ctx, now: new Date() }, "p@example.com", "bench-Password-7f3!");
  await issueSession({ ...ctx, now: new Date() }, { identityId: identity!.id, method: "password", device: { ip: "127.0.0.1", userAgent: "bench" } });
}
const used = process.cpuUsage(t0);
console.log(`CPU per login: ${((used.user + used.system) / 1000 / n).toFixed(1)} ms`);
await closeDatabase();
await database.drop();
