/**
 * PostgreSQL's SQLSTATE of a failed statement, when the input was at fault: class 22 (data exception: NUL in text,
 * `\u0000` or a lone surrogate in jsonb, a malformed uuid, a value out of range) or class 54 (program limit exceeded:
 * an index row over the btree limit). Read from Prisma's driver-adapter error, a raw-query error, or a `pg` error.
 */
export function inputRejectedByDatabase(error: unknown): string | undefined {
  const candidates: unknown[] = [];
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const meta = (e as { meta?: Record<string, unknown> }).meta;
    const adapter = meta?.driverAdapterError as { cause?: { originalCode?: unknown; code?: unknown } } | undefined;
    candidates.push(adapter?.cause?.originalCode, adapter?.cause?.code, meta?.code, (e as { code?: unknown }).code, (e as { originalCode?: unknown }).originalCode);
  }
  // Prisma's own codes (P2039, P2010) name the failure class, not the SQLSTATE behind it.
  const state = candidates.find((c): c is string => typeof c === "string" && /^[0-9A-Z]{5}$/.test(c) && !/^P\d{4}$/.test(c));
  return state && (state.startsWith("22") || state.startsWith("54")) ? state : undefined;
}
