/** Oathkeeper's error kinds, as the `when.error` conditions of error handlers name them. */
export const GATEWAY_ERROR_KINDS = ["unauthorized", "forbidden", "not_found", "bad_request", "internal_server_error"] as const;
export type GatewayErrorKind = (typeof GATEWAY_ERROR_KINDS)[number];

const STATUS: Record<GatewayErrorKind, [number, string]> = {
  unauthorized: [401, "Unauthorized"],
  forbidden: [403, "Forbidden"],
  not_found: [404, "Not Found"],
  bad_request: [400, "Bad Request"],
  internal_server_error: [500, "Internal Server Error"],
};

/** A pipeline verdict other than "allow". `reason` is shown only by verbose error handlers. */
export class GatewayError extends Error {
  constructor(readonly kind: GatewayErrorKind, message: string, readonly reason?: string) {
    super(message);
    this.name = "GatewayError";
  }

  get status(): number {
    return STATUS[this.kind][0];
  }

  get statusText(): string {
    return STATUS[this.kind][1];
  }
}

export const unauthorizedError = (reason?: string) => new GatewayError("unauthorized", "Access credentials are invalid", reason);
export const forbiddenError = (reason?: string) => new GatewayError("forbidden", "Access credentials are not sufficient to access this resource", reason);
export const internalError = (reason?: string) => new GatewayError("internal_server_error", "An internal server error occurred, please contact the system administrator", reason);
