import { z } from "zod";
import { badRequest } from "@/lib/core/errors";

/** Keyset pagination cursor (created_at, id) as an opaque base64url page token, stable under inserts. */
export interface Cursor {
  at: Date;
  id: string;
}

const cursorSchema = z.object({ t: z.iso.datetime(), i: z.uuid() });

export const encodeCursor = (cursor: Cursor): string =>
  Buffer.from(JSON.stringify({ t: cursor.at.toISOString(), i: cursor.id })).toString("base64url");

export function decodeCursor(token: string | undefined): Cursor | undefined {
  if (!token) return undefined;
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    return { at: new Date(parsed.t), id: parsed.i };
  } catch {
    throw badRequest("The request was malformed or contained invalid parameters", { reason: "The page token is invalid." });
  }
}

/** Rows after the cursor in (created_at, id) order, as a Prisma where clause. */
export const afterCursor = (cursor: Cursor | undefined) =>
  cursor ? { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] } : {};
