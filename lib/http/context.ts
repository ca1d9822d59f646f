import { config } from "@/lib/config";
import { createLogger, type Logger } from "@/lib/core/log";
import type { ProjectDb } from "@/lib/db";
import type { ProjectRecord } from "@/lib/projects/lookup";
import type { ApiRequest } from "./types";

export type Actor =
  | { type: "anonymous" }
  | { type: "project_api_key"; id: string }
  | { type: "workspace_api_key"; id: string; workspaceId: string }
  | { type: "user"; id: string; email: string }
  | { type: "system"; id: string };

/** What a project request carries into domain services: `(ctx, input) → output`. */
export interface ProjectContext {
  project: ProjectRecord;
  db: ProjectDb;
  actor: Actor;
  now: Date;
  log: Logger;
  request: ApiRequest;
}

let rootLogger: Logger | undefined;
export function logger(): Logger {
  return (rootLogger ??= createLogger(config().LOG_LEVEL));
}
