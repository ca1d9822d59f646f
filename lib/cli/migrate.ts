import { parseArgs } from "node:util";
import { config } from "@/lib/config";
import { migrate } from "@/lib/db";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import type { CommandIo } from "./init";
import { UsageError } from "./usage";

/** `portcullis migrate`: applies pending migrations (advisory-locked, safe next to running instances). */
export async function runMigrate(args: string[], io: CommandIo): Promise<void> {
  let json: boolean;
  try {
    json = Boolean(parseArgs({ args, strict: true, allowPositionals: false, options: { json: { type: "boolean", default: false } } }).values.json);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const cfg = config();
  const embedded = cfg.DATABASE_URL ? undefined : await startEmbeddedDatabase(cfg.dataDir);
  try {
    const result = await migrate(cfg.DATABASE_URL ?? embedded!.url);
    if (json) {
      io.stdout(JSON.stringify({ applied: result.applied, already_applied: result.alreadyApplied }));
    } else if (result.applied.length) {
      io.stdout(`Applied ${result.applied.length} migration(s):`);
      for (const name of result.applied) io.stdout(`  ${name}`);
    } else {
      io.stdout(`The database is up to date (${result.alreadyApplied.length} migration(s) applied before).`);
    }
  } finally {
    await embedded?.close();
  }
}
