import { z } from "zod";
import { isCookieName, isHeaderName, RESERVED_HEADERS } from "../../template/sanitize";
import { templateString } from "../define";

/** Why a header name may not be set by a rule, or undefined when it may. */
function headerNameProblem(name: string): string | undefined {
  if (!isHeaderName(name)) return "must be a valid header name (RFC 9110 §5.1)";
  if (RESERVED_HEADERS.has(name.toLowerCase())) return "is a hop-by-hop or framing header and cannot be set";
  return undefined;
}

/** A header a rule may set: an RFC 9110 token, and not a hop-by-hop or framing header. */
export const headerNameSchema = z.string().superRefine((name, ctx) => {
  const problem = headerNameProblem(name);
  if (problem) ctx.addIssue({ code: "custom", message: `${JSON.stringify(name)} ${problem}` });
});

const templateMap = (check: (name: string) => string | undefined, what: string) =>
  z.record(z.string(), templateString()).superRefine((map, ctx) => {
    const names = Object.keys(map);
    if (names.length > 64) ctx.addIssue({ code: "custom", message: `at most 64 ${what}` });
    for (const name of names) {
      const problem = check(name);
      if (problem) ctx.addIssue({ code: "custom", path: [name], message: `${JSON.stringify(name)} ${problem}` });
    }
  });

export const headerMapSchema = templateMap(headerNameProblem, "headers");
export const cookieMapSchema = templateMap((name) => (isCookieName(name) ? undefined : "must be a valid cookie name (RFC 6265 §4.1.1)"), "cookies");
