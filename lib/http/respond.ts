import type { ApiResponse, HeaderValue } from "./types";

const JSON_TYPE = "application/json; charset=utf-8";

export function json(status: number, body: unknown, headers: Record<string, HeaderValue> = {}): ApiResponse {
  return { status, headers: { "content-type": JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

export const ok = (body: unknown, headers?: Record<string, HeaderValue>) => json(200, body, headers);
export const created = (body: unknown, headers?: Record<string, HeaderValue>) => json(201, body, headers);
export const noContent = (): ApiResponse => ({ status: 204 });

export function redirect(location: string, status: 302 | 303 | 307 = 303): ApiResponse {
  return { status, headers: { location } };
}

export function text(status: number, body: string, contentType = "text/plain; charset=utf-8"): ApiResponse {
  return { status, headers: { "content-type": contentType }, body };
}
