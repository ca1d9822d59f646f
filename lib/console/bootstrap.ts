import type { ProjectRecord } from "@/lib/projects/lookup";
import { linkLegacyUsers } from "./link-users";
import { ensurePlatformProject, platformContext } from "./platform-project";

// Once per process, shared by server.ts and Next's bundled copy of this module (as lib/db's state is).
const READY_KEY = Symbol.for("portcullis.console.platform");
const globalRef = globalThis as typeof globalThis & { [READY_KEY]?: Promise<ProjectRecord> };

async function prepare(): Promise<ProjectRecord> {
  const project = await ensurePlatformProject();
  await linkLegacyUsers(await platformContext(project));
  return project;
}

/**
 * The platform project, created on first use, with every legacy console user moved onto it. server.ts runs it
 * at startup; console sign-in and setup call it too (so `next dev` and tests need no startup hook).
 */
export function preparePlatform(): Promise<ProjectRecord> {
  globalRef[READY_KEY] ??= prepare().catch((error: unknown) => {
    delete globalRef[READY_KEY];
    throw error;
  });
  return globalRef[READY_KEY];
}

/** Tests: forget the memo (each test file has its own database). */
export function forgetPreparedPlatform(): void {
  delete globalRef[READY_KEY];
}
