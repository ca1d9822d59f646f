/**
 * The path a rule is matched against must be the path the upstream will act on, or a rule for `/public/<**>`
 * would let `/public/%2e%2e/admin` through. So before matching: percent-encoded unreserved characters are
 * decoded (RFC 3986 §6.2.2.2), dot segments are removed (§5.2.4) and `//` runs collapse; encoded reserved
 * characters (`%2F`) stay encoded. The middleware path forwards exactly this path upstream.
 */
const UNRESERVED = /%(2[dDeE]|3[0-9]|4[1-9a-fA-F]|5[0-9aA]|5[fF]|6[1-9a-fA-F]|7[0-9aA]|7[eE])/g;

export function normalizePath(path: string): string {
  const decoded = path.replace(UNRESERVED, (hex) => String.fromCharCode(parseInt(hex.slice(1), 16)));
  const input = decoded.startsWith("/") ? decoded : `/${decoded}`;
  const output: string[] = [];
  const segments = input.split("/").slice(1);
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === "..") {
      output.pop();
      if (last) output.push("");
    } else if (segment === ".") {
      if (last) output.push("");
    } else if (segment === "" && !last) {
      // collapse `//`
    } else output.push(segment);
  });
  return `/${output.join("/")}`;
}

/**
 * `scheme://host/path` (no query), the string Oathkeeper matches `match.url` against. `path` is already
 * normalised (entry/request.ts builds every GatewayRequest through normalizePath).
 */
export function matchTarget(scheme: string, host: string, path: string): string {
  return `${scheme.toLowerCase()}://${host.toLowerCase()}${path}`;
}
