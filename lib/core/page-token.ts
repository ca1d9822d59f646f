import { z } from "zod";
import { badRequest } from "./errors";

/**
 * Keyset pagination (stable under inserts, unlike offsets): the opaque page token carries the sort key
 * and id of the last item of the previous page.
 */
export interface PageCursor {
  at: Date;
  id: string;
}

const cursorSchema = z.object({ t: z.iso.datetime(), i: z.uuid() });

export function encodePageToken(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.at.toISOString(), i: cursor.id })).toString("base64url");
}

export function decodePageToken(token: string | undefined): PageCursor | undefined {
  if (!token) return undefined;
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    return { at: new Date(parsed.t), id: parsed.i };
  } catch {
    throw badRequest("The page token is invalid.", { id: "invalid_page_token" });
  }
}

export interface Page<T> {
  items: T[];
  nextPageToken: string;
  hasNextPage: boolean;
}

/** Builds a page from `pageSize + 1` fetched rows. */
export function toPage<T>(rows: T[], pageSize: number, cursorOf: (row: T) => PageCursor): Page<T> {
  const hasNextPage = rows.length > pageSize;
  const items = hasNextPage ? rows.slice(0, pageSize) : rows;
  const last = items[items.length - 1];
  return { items, hasNextPage, nextPageToken: hasNextPage && last ? encodePageToken(cursorOf(last)) : "" };
}

export const pageSizeSchema = z.coerce.number().int().min(1).max(1000);
