import { parseGoDuration } from "@/lib/core/duration";
import { badRequest } from "@/lib/core/errors";

const MAX_SECONDS = 315_360_000;
const EXTENDED: Record<string, number> = { d: 86_400, w: 604_800, mo: 2_592_000, y: 31_536_000 };

/**
 * Ory's `ttl`: a google.protobuf.Duration ("3600s", JSON mapping of the proto3 spec), a Go duration ("24h",
 * "1h30m"), or the extended units d, w, mo (30 d), y (365 d). Bounds 1 s to 315,360,000 s. Empty or "0" means
 * unset. Returns milliseconds.
 */
export function parseTtl(text: string | undefined, field = "ttl"): number | undefined {
  if (!text || text === "0" || text === "0s") return undefined;
  const extended = /^(\d{1,6})(d|w|mo|y)$/.exec(text);
  const ms = extended ? Number(extended[1]) * (EXTENDED[extended[2]] ?? 0) * 1000 : parseGoDuration(text);
  if (ms === undefined || ms < 1000 || ms > MAX_SECONDS * 1000) {
    throw badRequest(`The ${field} must be a duration between 1s and ${MAX_SECONDS}s (e.g. "3600s", "24h", "30d").`, { id: "invalid_ttl" });
  }
  return ms;
}
