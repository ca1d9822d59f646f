/** Prefixes owned by the machine API: an unmatched path below them is a JSON 404, not a page. */
const API_PREFIXES = ["/api/"];
const PROJECT_API_SEGMENTS = new Set(["admin", "health", "version", "sessions", "self-service", "schemas", "relation-tuples",
  "namespaces", "opl", "oauth2", "userinfo", "decisions", "rules", "scim", ".well-known", "credentials", "elements", "v2alpha1"]);

/** True when the machine API owns this path (pages and assets go to Next). */
export function isMachinePath(path: string): boolean {
  if (API_PREFIXES.some((p) => path.startsWith(p))) return true;
  if (!path.startsWith("/p/")) return false;
  const segment = path.split("/")[3] ?? "";
  return PROJECT_API_SEGMENTS.has(segment);
}
