import type { ProjectDb } from "@/lib/db";
import type { ProjectRecord } from "@/lib/projects/lookup";
import type { GatewayError } from "./errors";

/**
 * The request a decision is about: for the decisions API the original request as the reverse proxy
 * describes it (X-Forwarded-*), for the middleware path the request itself.
 */
export interface GatewayRequest {
  method: string;
  /** scheme://host/path?query with the path normalised (see match/normalize.ts). */
  url: URL;
  /** Lower-case header lookup. */
  header(name: string): string | undefined;
  ip: string;
  /** Whether the direct peer is a trusted proxy (TRUSTED_PROXIES), whose verified-client headers (mtls) may be believed. */
  fromTrustedProxy?: boolean;
  /**
   * The URL the browser actually asked for, when it differs from `url` (the forwarding path's path mapping:
   * `{base}/p/{slug}/gateway/{path}`, whereas rules see `{scheme}://{host}/{path}`). Error handlers send browsers
   * back here (`redirect`'s `return_to`); rules never match against it.
   */
  browserUrl?: URL;
}

/** Oathkeeper's AuthenticationSession: what authenticators establish and mutators turn into headers. */
export interface AuthenticationSession {
  subject: string;
  extra: Record<string, unknown>;
  /** Headers for the upstream (mutators). */
  header: Record<string, string>;
  matchContext: { regexpCaptureGroups: string[]; url: URL; method: string };
}

/** Everything a handler may use: the project's own data only. */
export interface PipelineContext {
  project: ProjectRecord;
  db(): Promise<ProjectDb>;
  now: Date;
  request: GatewayRequest;
  /** The project base URL (issuer, hosted login), as Portcullis is reached — not the protected app. */
  baseUrl: string;
}

export type AuthenticatorResult = "not_responsible" | { subject: string; extra: Record<string, unknown> };

export type Authenticator = (ctx: PipelineContext, session: AuthenticationSession) => Promise<AuthenticatorResult>;
/** Resolves to allow; throws a GatewayError to deny. */
export type Authorizer = (ctx: PipelineContext, session: AuthenticationSession) => Promise<void>;
/** Adds headers (and cookies) to `session.header`; may rewrite `session.extra` (hydrator). */
export type Mutator = (ctx: PipelineContext, session: AuthenticationSession) => Promise<void>;

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}
export interface ErrorHandler {
  /** Whether the handler's `when` conditions hold for this error and request. */
  applies(error: GatewayError, request: GatewayRequest): boolean;
  respond(ctx: PipelineContext, error: GatewayError): ErrorResponse;
}
