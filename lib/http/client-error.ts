import type { Duplex } from "node:stream";
import { AppError } from "@/lib/core/errors";
import { renderInFamily } from "./error-family";

/**
 * Node's HTTP parser refuses some requests before any handler runs (a request line and headers over its limit,
 * 16 KiB by default; malformed syntax) and answers with a bare status line. This `clientError` listener gives those
 * refusals a body in the API family's error shape, read from the request line when the parser saw one.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const refusal = error.code === "HPE_HEADER_OVERFLOW"
    ? new AppError("header_fields_too_large", "The request's URL and headers are too large.", {
        reason: "The request line and headers together must stay under 16 KiB; send long values in the request body.",
      })
    : new AppError("bad_request", "The request could not be parsed.", { reason: "The request is not valid HTTP/1.1." });
  const response = renderInFamily(refusal, requestPath(error.rawPacket));
  const body = typeof response.body === "string" ? response.body : "";
  const headers = Object.entries({ ...response.headers, "content-length": String(Buffer.byteLength(body)), connection: "close" })
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(", ") : value}`);
  const statusText = refusal.code === "bad_request" ? "Bad Request" : "Request Header Fields Too Large";
  socket.end(`HTTP/1.1 ${response.status} ${statusText}\r\n${headers.join("\r\n")}\r\n\r\n${body}`);
}

/** The path of the request line at the start of the packet, if there is one (`GET /p/x/oauth2/token?… HTTP/1.1`). */
function requestPath(packet: Buffer | undefined): string {
  const start = packet?.subarray(0, 2048).toString("latin1") ?? "";
  const match = /^[A-Z]+ (\/[^\s?]*)/.exec(start);
  return match?.[1] ?? "/";
}
