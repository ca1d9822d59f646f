import fc from "fast-check";

/**
 * Generated hostile input for the whole-route-table property test (issue 12 §4): strings PostgreSQL cannot store,
 * huge and deeply nested values, wrong types, SQL metacharacters, malformed ids and page tokens, odd content types.
 */

/** Text PostgreSQL cannot store: NUL or a lone surrogate, alone or inside ordinary text. */
const unstorable: fc.Arbitrary<string> = fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom("\u0000", "\ud800", "\udc00", "\udbff"), fc.string({ maxLength: 12 }))
  .map(([before, bad, after]) => before + bad + after);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: unstorable },
  { weight: 4, arbitrary: fc.constantFrom(
    "\ud83d\ude00", "\u202e", "'", "' OR '1'='1' --", "\"; DROP TABLE identities; --",
    "%", "%00", "_", "\\", "../../etc/passwd", "-1", "0", "1e309", "NaN", "null", "true", "[]", "{}", "", " ", "\t\r\n",
    "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid", "eyJ0IjoiXHUwMDAwIn0", "eyJ0Ijoi", "a".repeat(300),
    "javascript:alert(1)", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/", "*", "**", "(", "[a-", "\\u0000",
  ) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 70_000 }).map((n) => "x".repeat(n)) },
);

/** Ids: well-formed but unknown, malformed, or hostile text. */
export const hostileId: fc.Arbitrary<string> = fc.oneof(fc.uuid(), hostileString);

/** Page tokens: garbage, base64url of JSON with bad members, base64url of hostile text. */
export const hostilePageToken: fc.Arbitrary<string> = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 2 }).map((value) => Buffer.from(JSON.stringify(value)).toString("base64url")),
  hostileString.map((value) => Buffer.from(JSON.stringify({ t: value, i: value, k: value, id: value })).toString("base64url")),
);

/** Field names the APIs read, so generated objects reach validation and queries, not only "unknown member". */
const FIELDS = [
  "id", "name", "method", "identifier", "password", "traits", "email", "code", "csrf_token", "schema_id", "state", "credentials",
  "metadata_public", "metadata_admin", "external_id", "organization_id", "session_token", "user_code", "client_id", "client_name",
  "redirect_uris", "scope", "grant_types", "subject", "remember", "grant_scope", "namespace", "object", "relation", "subject_id",
  "subject_set", "op", "path", "from", "value", "identities", "expires_in", "recipient", "upstream", "match", "url", "authenticators",
  "authorizer", "mutators", "handlers", "token", "token_type_hint", "grant_type", "redirect_uri", "refresh_token", "services", "cors_admin",
  "environment", "workspace_id", "expire_at", "role", "provider", "login_challenge", "consent_challenge", "flow", "return_to", "address",
];

const field = fc.oneof(fc.constantFrom(...FIELDS), hostileString);

/** JSON text nested `depth` levels (objects and arrays alternating), built as text: JSON.stringify itself recurses. */
export function nested(depth: number): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < depth; i++) {
    open.push(i % 2 ? "[" : '{"traits":');
    close.push(i % 2 ? "]" : "}");
  }
  return `${open.join("")}"x"${close.reverse().join("")}`;
}

const leaf: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileId, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));

export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("object"), fc.array(tie("value"), { maxLength: 3 })),
  object: fc.dictionary(field, tie("value"), { maxKeys: 5 }),
})).value;

/** RFC 6902 patches with hostile pointers and values, among them a `move` into the moved member's own child. */
export const hostilePatch: fc.Arbitrary<unknown> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constantFrom("add", "replace", "test", "remove", "copy", "move", "frobnicate"), path: fc.oneof(hostileString, fc.constantFrom("/name", "/traits", "/services/identity/config", "/metadata_public", "/client_name", "/state")), from: fc.oneof(hostileString, fc.constant("/name")), value: hostileJson }),
    fc.constantFrom(
      { op: "move", from: "/services", path: "/services/identity/config/x" },
      { op: "move", from: "/traits", path: "/traits/email/x" },
      { op: "move", from: "/metadata_public", path: "/metadata_public/a" },
      { op: "copy", from: "/services", path: "/services/identity/config/x" },
    ),
  ),
  { maxLength: 3 },
);

export type BodyKind = "json" | "form" | "text" | "none";

export interface HostileBody {
  kind: BodyKind;
  contentType?: string;
  value: unknown;
}

export const hostileBody: fc.Arbitrary<HostileBody> = fc.oneof(
  { weight: 5, arbitrary: hostileJson.map((value): HostileBody => ({ kind: "json", contentType: "application/json", value })) },
  { weight: 2, arbitrary: fc.dictionary(field, hostileJson, { maxKeys: 6 }).map((value): HostileBody => ({ kind: "json", contentType: "application/json", value })) },
  { weight: 2, arbitrary: hostilePatch.map((value): HostileBody => ({ kind: "json", contentType: "application/json-patch+json", value })) },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 12_000 }).map((depth): HostileBody => ({ kind: "text", contentType: "application/json", value: nested(depth) })) },
  { weight: 2, arbitrary: fc.dictionary(field, hostileString, { maxKeys: 6 }).map((value): HostileBody => ({ kind: "form", contentType: "application/x-www-form-urlencoded", value })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=utf-16", "", "application/x-www-form-urlencoded"), hostileString).map(([contentType, value]): HostileBody => ({ kind: "text", contentType: contentType || undefined, value })) },
  { weight: 1, arbitrary: fc.constant<HostileBody>({ kind: "none", value: undefined }) },
);

/** Query parameters the APIs read, with hostile values (page tokens where they belong). */
const QUERY_NAMES = [
  "page_size", "page_token", "per_page", "page", "ids", "organization_id", "credentials_identifier", "preview_credentials_identifier_similar",
  "include_credential", "q", "flow", "id", "token", "return_to", "login_challenge", "consent_challenge", "logout_challenge", "device_challenge",
  "client_id", "subject", "sid", "namespace", "object", "relation", "subject_id", "subject_set.namespace", "subject_set.object",
  "subject_set.relation", "max-depth", "consistency_token", "recipient", "status", "active", "expand", "identifier", "client_name", "owner",
  "login_session_id", "all", "refresh", "aal", "via", "response_type", "redirect_uri", "scope", "state", "nonce", "user_code", "device_request",
  "sig", "id_token_hint", "post_logout_redirect_uri", "workspace_id",
];

export const hostileQuery: fc.Arbitrary<[string, string][]> = fc.array(
  fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...QUERY_NAMES) }, { weight: 1, arbitrary: hostileString }), fc.oneof(hostileString, hostileId, hostilePageToken)),
  { maxLength: 4 },
);

/** Encodes a value as a request body of its kind (strings that are not well-formed UTF-16 travel as escapes in JSON). */
export function encodeBody(body: HostileBody): string | undefined {
  switch (body.kind) {
    case "json":
      return JSON.stringify(body.value);
    case "form":
      return new URLSearchParams(Object.entries(body.value as Record<string, string>)).toString();
    case "text":
      return String(body.value);
    case "none":
      return undefined;
  }
}
