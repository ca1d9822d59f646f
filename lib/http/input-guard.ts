import { AppError } from "@/lib/core/errors";
import { findJsonDefect, MAX_JSON_DEPTH, UNSTORABLE_MESSAGE } from "@/lib/core/storable-text";

/**
 * The machine API's input boundary (issue 12 §4): strings PostgreSQL cannot store and JSON nested deeper than
 * MAX_JSON_DEPTH are refused with a 400 before any handler or query sees them. Cheap by construction: percent-
 * and UTF-8 decoding turn malformed sequences into U+FFFD, so URLs and forms can only carry an encoded or raw NUL
 * (one indexOf each); a JSON body can carry a bad string only through a `\u` escape, so its strings are walked only
 * when the text has one.
 */

export const unstorableInput = (where: string) =>
  new AppError("bad_request", "The request contains characters that cannot be processed.", {
    id: "invalid_characters",
    reason: `${where} ${UNSTORABLE_MESSAGE}.`,
  });

/** Path and query string as received (still percent-encoded). */
export function assertStorableUrl(path: string, rawQuery: string): void {
  if (path.includes("%00")) throw unstorableInput("The URL path");
  if (rawQuery.includes("%00")) throw unstorableInput("The query string");
}

/** The text of an `application/x-www-form-urlencoded` body, refused when it carries a raw or an encoded NUL. */
export function storableFormText(raw: Buffer): string {
  const text = raw.toString("utf8");
  if (text.includes("%00") || text.includes("\u0000")) throw unstorableInput("The form body");
  return text;
}

/** Whether a body's strings are checked here, or left to a caller that answers in its own shape (self-service flows). */
export interface BodyChecks {
  refuseUnstorable?: boolean;
}

/**
 * A parsed JSON body (`text` its source): unstorable strings and excessive nesting are refused (RFC 8259 §9 lets
 * parsers set limits).
 */
export function checkParsedJson(text: string, value: unknown, { refuseUnstorable = true }: BodyChecks = {}): unknown {
  const checkText = refuseUnstorable && text.includes("\\u");
  // Each level of nesting takes at least one character: short documents need no depth walk.
  if (text.length <= MAX_JSON_DEPTH && !checkText) return value;
  const defect = findJsonDefect(value, { checkText });
  if (!defect) return value;
  if (defect.kind === "depth") {
    throw new AppError("bad_request", "The request body is nested too deeply.", {
      id: "json_too_deep",
      reason: `JSON documents may nest at most ${MAX_JSON_DEPTH} levels (at ${defect.path || "/"}).`,
    });
  }
  throw unstorableInput(`The value at ${defect.path || "/"} of the request body`);
}

/** The answer when PostgreSQL refused a value the boundary let through (SQLSTATE class 22 or 54). */
export const databaseRefusal = (sqlstate: string) =>
  new AppError("bad_request", "The request contains a value that cannot be stored.", {
    id: "value_not_storable",
    reason: `A value of the request is malformed, too long or out of range (SQLSTATE ${sqlstate}).`,
  });
