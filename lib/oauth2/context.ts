import type { ProjectDb } from "@/lib/db";
import type { ProjectRecord } from "@/lib/projects/lookup";
import { oauth2Settings, type OAuth2Settings } from "./settings";

/** What the OAuth2 services need of a request (lib/http's ApiRequest satisfies it). */
export interface RequestInfo {
  header(name: string): string | undefined;
  readonly url: URL;
  readonly ip: string;
}

/** The per-request scope of the OAuth2 provider: `(ctx, input) → output`. */
export interface OAuth2Context {
  project: ProjectRecord;
  db: ProjectDb;
  now: Date;
  request: RequestInfo;
  actor: { type: string; id?: string };
  issuer: string;
}

export const settingsOf = (ctx: OAuth2Context): OAuth2Settings => oauth2Settings(ctx.project);
