/** The one domain error. Renderers in lib/http turn it into Ory, OAuth2 or SCIM bodies. */
export const errorCodes = {
  bad_request: { status: 400, status_text: "Bad Request" },
  unauthorized: { status: 401, status_text: "Unauthorized" },
  forbidden: { status: 403, status_text: "Forbidden" },
  not_found: { status: 404, status_text: "Not Found" },
  method_not_allowed: { status: 405, status_text: "Method Not Allowed" },
  conflict: { status: 409, status_text: "Conflict" },
  gone: { status: 410, status_text: "Gone" },
  payload_too_large: { status: 413, status_text: "Payload Too Large" },
  unsupported_media_type: { status: 415, status_text: "Unsupported Media Type" },
  unprocessable: { status: 422, status_text: "Unprocessable Entity" },
  too_many_requests: { status: 429, status_text: "Too Many Requests" },
  header_fields_too_large: { status: 431, status_text: "Request Header Fields Too Large" },
  internal: { status: 500, status_text: "Internal Server Error" },
  unavailable: { status: 503, status_text: "Service Unavailable" },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface AppErrorOptions {
  reason?: string;
  details?: Record<string, unknown>;
  /** Ory's string error id, e.g. "session_inactive". */
  id?: string;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason?: string;
  readonly details?: Record<string, unknown>;
  readonly id?: string;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.reason = options.reason;
    this.details = options.details;
    this.id = options.id;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

export const badRequest = (message: string, options?: AppErrorOptions) => new AppError("bad_request", message, options);
export const unauthorized = (message = "The request could not be authorized.", options?: AppErrorOptions) =>
  new AppError("unauthorized", message, options);
export const forbidden = (message = "The requested action was forbidden.", options?: AppErrorOptions) =>
  new AppError("forbidden", message, options);
export const notFound = (message = "The requested resource could not be found.", options?: AppErrorOptions) =>
  new AppError("not_found", message, options);
export const conflict = (message: string, options?: AppErrorOptions) => new AppError("conflict", message, options);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
