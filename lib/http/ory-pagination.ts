import { z } from "zod";
import type { ApiRequest } from "./types";

/** Ory's keyset pagination query: `page_size` (default 250) and the opaque `page_token`. */
export function pageQuery(request: ApiRequest, maxSize = 1000): { pageSize: number; pageToken?: string } {
  const schema = z.object({
    page_size: z.coerce.number().int().min(1).max(maxSize).default(250),
    page_token: z.string().max(2048).optional(),
  });
  const parsed = schema.parse({
    page_size: request.query.get("page_size") ?? request.query.get("per_page") ?? undefined,
    page_token: request.query.get("page_token") || undefined,
  });
  return { pageSize: parsed.page_size, pageToken: parsed.page_token };
}

/**
 * Ory's pagination `Link` header (as Kratos' keysetpagination writes it): `rel="first"` always and
 * `rel="next"` while there are more items, each the request URL with `page_size`/`page_token` set.
 */
export function paginationLinks(baseUrl: string, request: ApiRequest, pageSize: number, nextPageToken: string | undefined): Record<string, string[]> {
  const relative = request.path.replace(/^\/p\/[^/]+/, "");
  const link = (rel: string, token?: string) => {
    const url = new URL(baseUrl + relative);
    for (const [key, value] of request.query) if (key !== "page_token" && key !== "page_size" && key !== "per_page" && key !== "page") url.searchParams.append(key, value);
    url.searchParams.set("page_size", String(pageSize));
    if (token) url.searchParams.set("page_token", token);
    return `<${url.toString()}>; rel="${rel}"`;
  };
  return { link: [link("first"), ...(nextPageToken ? [link("next", nextPageToken)] : [])] };
}

/** A boolean query flag (`true`/`false`); undefined when absent. */
export function booleanQuery(request: ApiRequest, name: string): boolean | undefined {
  const value = request.query.get(name);
  if (value === null || value === "") return undefined;
  return z.enum(["true", "false", "1", "0"]).parse(value) === "true" || value === "1";
}
