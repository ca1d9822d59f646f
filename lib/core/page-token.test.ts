import { describe, expect, it } from "vitest";
import { decodePageToken, encodePageToken, toPage } from "./page-token";

describe("page tokens", () => {
  it("round-trip a keyset cursor and reject garbage", () => {
    const cursor = { at: new Date("2030-01-01T00:00:00.123Z"), id: "6b0e3c3e-6b8a-4b7e-9f0e-2d2f3c1a0b9c" };
    expect(decodePageToken(encodePageToken(cursor))).toEqual(cursor);
    expect(decodePageToken(undefined)).toBeUndefined();
    expect(() => decodePageToken("garbage")).toThrow("page token");
    expect(() => decodePageToken(Buffer.from('{"t":"x","i":"y"}').toString("base64url"))).toThrow("page token");
  });

  it("builds pages from pageSize + 1 rows", () => {
    const rows = [1, 2, 3].map((n) => ({ at: new Date(n), id: `6b0e3c3e-6b8a-4b7e-9f0e-2d2f3c1a0b9${n}` }));
    const page = toPage(rows, 2, (r) => r);
    expect(page.items).toHaveLength(2);
    expect(page.hasNextPage).toBe(true);
    expect(decodePageToken(page.nextPageToken)).toEqual(rows[1]);
    expect(toPage(rows, 3, (r) => r)).toMatchObject({ hasNextPage: false, nextPageToken: "" });
  });
});
