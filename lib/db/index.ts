import { config } from "@/lib/config";
import { createPrismaClient, type Db } from "./client";
import { startEmbeddedDatabase } from "./embedded";
import { migrate } from "./migrate";
import { scopeToProject, type ProjectDb } from "./project-scoped";

export type { Db } from "./client";
export type { ProjectDb } from "./project-scoped";
export { projectScopedModels, TenantViolation } from "./project-scoped";
export { migrate, readMigrations } from "./migrate";
export { Prisma } from "./generated/client";

interface DatabaseState {
  url: string;
  embedded: boolean;
  client: Db;
  close(): Promise<void>;
}

// One state per process, shared between the server's copy (dist/, or server.ts under tsx) and Next's bundled copy of this module.
const STATE_KEY = Symbol.for("portcullis.database");
type GlobalWithDb = typeof globalThis & { [STATE_KEY]?: Promise<DatabaseState> };
const globalRef = globalThis as GlobalWithDb;

export interface InitOptions {
  /** Apply pending migrations before serving (the default for `npm start`). */
  migrate?: boolean;
  /** Overrides DATABASE_URL (tests). */
  url?: string;
  /** Overrides the pool size (tests on PGlite need 1). */
  pool?: number;
}

async function open(options: InitOptions): Promise<DatabaseState> {
  const cfg = config();
  const explicitUrl = options.url ?? cfg.DATABASE_URL;
  const embedded = explicitUrl ? undefined : await startEmbeddedDatabase(cfg.dataDir);
  const url = explicitUrl ?? embedded!.url;
  if (options.migrate) await migrate(url);
  const client = createPrismaClient({ url, poolSize: options.pool ?? (embedded ? 1 : cfg.DB_POOL_SIZE) });
  return {
    url,
    embedded: Boolean(embedded),
    client,
    close: async () => {
      await client.$disconnect();
      await embedded?.close();
    },
  };
}

export function initDatabase(options: InitOptions = {}): Promise<DatabaseState> {
  globalRef[STATE_KEY] ??= open(options).catch((error) => {
    delete globalRef[STATE_KEY];
    throw error;
  });
  return globalRef[STATE_KEY];
}

/** The platform client (workspaces, users, projects table). Domain code uses `projectDb` for project data. */
export async function platformDb(): Promise<Db> {
  return (await initDatabase()).client;
}

const scopedCache = new Map<string, ProjectDb>();

export async function projectDb(projectId: string): Promise<ProjectDb> {
  const client = await platformDb();
  let scoped = scopedCache.get(projectId);
  if (!scoped) {
    scoped = scopeToProject(client, projectId);
    if (scopedCache.size > 10_000) scopedCache.clear();
    scopedCache.set(projectId, scoped);
  }
  return scoped;
}

export async function closeDatabase(): Promise<void> {
  const state = globalRef[STATE_KEY];
  delete globalRef[STATE_KEY];
  scopedCache.clear();
  if (state) await (await state).close();
}

export async function databaseInfo(): Promise<{ embedded: boolean; url: string }> {
  const state = await initDatabase();
  return { embedded: state.embedded, url: state.url.replace(/\/\/[^@]*@/, "//***@") };
}
