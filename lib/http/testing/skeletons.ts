import fc from "fast-check";
import { hostileId, hostileJson, hostilePageToken, hostileString, nested, type HostileBody } from "./hostile";

/**
 * Well-formed requests per route, which the property test mutates at one random place: a random body would mostly
 * stop at the first schema check, a valid one with one hostile value reaches the queries behind it.
 */

const identity = {
  schema_id: "preset://email",
  traits: { email: "skeleton@example.com", name: { first: "Ada", last: "Lovelace" } },
  metadata_public: { plan: "free" },
  metadata_admin: { note: "x" },
  external_id: "ext-1",
  organization_id: null,
  state: "active",
};
// A password costs an argon2id hash per request: one skeleton carries it, the others do not.
const identityWithPassword = { ...identity, credentials: { password: { config: { password: "correct horse battery staple 42" } } } };
const client = { client_id: "skeleton-client", client_name: "Skeleton", redirect_uris: ["https://rp.example/cb"], scope: "openid offline", grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], owner: "me", contacts: ["a@example.com"], metadata: { a: 1 }, token_endpoint_auth_method: "client_secret_basic" };
const tuple = { namespace: "Doc", object: "readme", relation: "viewer", subject_id: "seed" };
const tupleSet = { namespace: "Doc", object: "readme", relation: "viewer", subject_set: { namespace: "Group", object: "g", relation: "member" } };
const rule = { id: "skeleton", match: { url: "https://app.example/<**>", methods: ["GET"] }, authenticators: [{ handler: "anonymous" }], authorizer: { handler: "allow" }, mutators: [{ handler: "noop" }], upstream: { url: "http://127.0.0.1:9" } };
const project = { name: "Skeleton", environment: "dev", services: { identity: { config: { selfservice: { methods: { password: { enabled: true, config: { min_password_length: 10 } } } } } }, oauth2: { config: {} }, permission: { config: { namespaces: [{ name: "Doc" }] } } }, cors_admin: { enabled: false, origins: [] }, cors_public: { enabled: false, origins: [] } };
const json = (...values: unknown[]) => values.map((value) => ({ kind: "json" as const, value }));
const form = (...values: Record<string, string>[]) => values.map((value) => ({ kind: "form" as const, value }));

const BODIES: Record<string, { kind: "json" | "form"; value: unknown }[]> = {
  "POST /p/:project/admin/identities": json(identity, identityWithPassword),
  "PUT /p/:project/admin/identities/:id": json(identity),
  "PATCH /p/:project/admin/identities/:id": json([{ op: "replace", path: "/traits/email", value: "x@example.com" }], [{ op: "move", from: "/metadata_public", path: "/metadata_public/child" }], [{ op: "add", path: "/metadata_public/deep", value: {} }]),
  "PATCH /p/:project/admin/identities": json({ identities: [{ create: identity, bulk_id: "1" }] }),
  "POST /p/:project/admin/clients": json(client),
  "PUT /p/:project/admin/clients/:id": json(client),
  "PATCH /p/:project/admin/clients/:id": json([{ op: "replace", path: "/client_name", value: "y" }], [{ op: "move", from: "/metadata", path: "/metadata/child" }]),
  "PUT /p/:project/admin/clients/:id/lifespans": json({ authorization_code_grant_access_token_lifespan: "1h" }),
  "PUT /p/:project/admin/relation-tuples": json(tuple, tupleSet),
  "PATCH /p/:project/admin/relation-tuples": json([{ action: "insert", relation_tuple: tuple }, { action: "delete", relation_tuple: tupleSet }]),
  "POST /p/:project/relation-tuples/check": json(tuple, tupleSet),
  "POST /p/:project/relation-tuples/check/openapi": json(tuple),
  "POST /p/:project/relation-tuples/batch/check": json({ tuples: [tuple, tupleSet] }),
  "POST /p/:project/admin/rules": json(rule),
  "PUT /p/:project/admin/rules/:id": json(rule),
  "POST /p/:project/admin/gateway/test": json({ url: "https://app.example/x", method: "GET", headers: { a: "b" } }),
  "POST /p/:project/self-service/login": json({ method: "password", identifier: "seed@example.com", password: "wrong password 1", csrf_token: "x" }),
  "POST /p/:project/self-service/registration": json({ method: "password", password: "correct horse battery staple 9", traits: { email: "new@example.com", name: { first: "N" } } }),
  "POST /p/:project/self-service/recovery": json({ method: "code", email: "seed@example.com" }, { method: "code", code: "123456" }),
  "POST /p/:project/self-service/verification": json({ method: "code", email: "seed@example.com" }, { method: "code", code: "123456" }),
  "POST /p/:project/self-service/settings": json({ method: "profile", traits: { email: "seed@example.com", name: { first: "S" } } }, { method: "password", password: "another passphrase 77" }),
  "DELETE /p/:project/self-service/logout/api": json({ session_token: "ory_st_x" }),
  "POST /p/:project/admin/recovery/code": json({ identity_id: "$identity", expires_in: "1h" }),
  "POST /p/:project/admin/recovery/link": json({ identity_id: "$identity", expires_in: "1h" }),
  "POST /p/:project/admin/keys/:set": json({ alg: "RS256", use: "sig", kid: "k1" }),
  "PUT /p/:project/admin/oauth2/auth/requests/login/accept": json({ subject: "seed", remember: true, remember_for: 60, acr: "aal1", context: { a: 1 } }),
  "PUT /p/:project/admin/oauth2/auth/requests/consent/accept": json({ grant_scope: ["openid"], remember: true, session: { id_token: { a: 1 }, access_token: { b: 2 } } }),
  "PUT /p/:project/admin/oauth2/auth/requests/login/reject": json({ error: "access_denied", error_description: "no" }),
  "PUT /p/:project/admin/oauth2/auth/requests/device/accept": json({ user_code: "BCDF-GHJK" }),
  "POST /api/console/projects": json(project),
  "PUT /api/console/projects/:project": json(project),
  "PATCH /api/console/projects/:project": json([{ op: "replace", path: "/name", value: "Renamed" }], [{ op: "move", from: "/services", path: "/services/identity/config/child" }], [{ op: "replace", path: "/services/identity/config/selfservice/methods/password/config/min_password_length", value: 12 }]),
  "POST /api/console/workspaces": json({ name: "Workspace" }),
  "PUT /api/console/workspaces/:workspace": json({ name: "Workspace" }),
  "POST /api/console/workspaces/:workspace/tokens": json({ name: "key" }),
  "POST /api/console/projects/:project/tokens": json({ name: "key" }),
  "POST /p/:project/oauth2/token": form({ grant_type: "client_credentials", scope: "openid", client_id: "x", client_secret: "y" }, { grant_type: "authorization_code", code: "pc_ac_x", redirect_uri: "https://rp.example/cb", client_id: "x", code_verifier: "v" }, { grant_type: "refresh_token", refresh_token: "pc_rt_x", client_id: "x" }),
  "POST /p/:project/oauth2/revoke": form({ token: "pc_at_x", client_id: "x" }),
  "POST /p/:project/oauth2/device/auth": form({ client_id: "x", scope: "openid" }),
  "POST /p/:project/oauth2/auth": form({ client_id: "x", response_type: "code", redirect_uri: "https://rp.example/cb", scope: "openid", state: "statestate", claims: "{\"id_token\":{\"email\":null}}" }),
  "POST /p/:project/admin/oauth2/introspect": form({ token: "pc_at_x", scope: "openid" }),
  "POST /p/:project/userinfo": form({ access_token: "pc_at_x" }),
  "POST /p/:project/oauth2/sessions/logout": form({ id_token_hint: "x.y.z", post_logout_redirect_uri: "https://rp.example/bye", state: "s" }),
};

const QUERIES: Record<string, Record<string, string>> = {
  "/p/:project/admin/identities": { organization_id: "00000000-0000-4000-8000-000000000000", page_size: "10", page_token: "x", ids: "00000000-0000-4000-8000-000000000000", credentials_identifier: "seed@example.com" },
  "/p/:project/admin/identities/search": { q: "seed", page_size: "5" },
  "/p/:project/relation-tuples": { namespace: "Doc", object: "readme", relation: "viewer", subject_id: "seed", page_size: "10", page_token: "x" },
  "/p/:project/relation-tuples/check": { namespace: "Doc", object: "readme", relation: "viewer", subject_id: "seed", "max-depth": "3" },
  "/p/:project/relation-tuples/check/openapi": { namespace: "Doc", object: "readme", relation: "viewer", "subject_set.namespace": "Group", "subject_set.object": "g", "subject_set.relation": "member" },
  "/p/:project/relation-tuples/expand": { namespace: "Doc", object: "readme", relation: "viewer", "max-depth": "3" },
  "/p/:project/relation-tuples/list-objects": { namespace: "Doc", relation: "viewer", subject_id: "seed", page_token: "x" },
  "/p/:project/relation-tuples/list-subjects": { namespace: "Doc", object: "readme", relation: "viewer", page_token: "x" },
  "/p/:project/admin/relation-tuples": { namespace: "Doc", object: "readme", relation: "viewer", subject_id: "seed" },
  "/p/:project/admin/oauth2/auth/requests/login": { login_challenge: "$login_challenge" },
  "/p/:project/admin/oauth2/auth/requests/login/accept": { login_challenge: "$login_challenge" },
  "/p/:project/admin/oauth2/auth/requests/login/reject": { login_challenge: "$login_challenge" },
  "/p/:project/admin/oauth2/auth/requests/consent": { consent_challenge: "x" },
  "/p/:project/admin/oauth2/auth/requests/consent/accept": { consent_challenge: "x" },
  "/p/:project/admin/oauth2/auth/requests/consent/reject": { consent_challenge: "x" },
  "/p/:project/admin/oauth2/auth/requests/device/accept": { device_challenge: "x" },
  "/p/:project/admin/oauth2/auth/requests/logout": { logout_challenge: "x" },
  "/p/:project/admin/oauth2/auth/requests/logout/accept": { logout_challenge: "x" },
  "/p/:project/admin/oauth2/auth/requests/logout/reject": { logout_challenge: "x" },
  "/p/:project/admin/oauth2/auth/sessions/consent": { subject: "seed", login_session_id: "x", client: "x" },
  "/p/:project/admin/oauth2/auth/sessions/login": { subject: "seed", sid: "x" },
  "/p/:project/admin/oauth2/tokens": { client_id: "x" },
  "/p/:project/admin/courier/messages": { recipient: "seed@example.com", status: "queued", page_token: "x", page_size: "10" },
  "/p/:project/admin/clients": { client_name: "Seed", owner: "me", page_token: "x", page_size: "10" },
  "/p/:project/admin/sessions": { active: "true", expand: "identity", page_token: "x", page_size: "10" },
  "/p/:project/sessions": { page_token: "x", page_size: "10" },
  "/p/:project/admin/rules": { page_size: "10", page_token: "x" },
  "/p/:project/oauth2/auth": { client_id: "x", response_type: "code", redirect_uri: "https://rp.example/cb", scope: "openid", state: "statestate", nonce: "n", login_verifier: "x", consent_verifier: "x" },
  "/p/:project/oauth2/device/verify": { device_request: "x", sig: "y", user_code: "BCDF-GHJK" },
  "/p/:project/oauth2/sessions/logout": { id_token_hint: "x.y.z", post_logout_redirect_uri: "https://rp.example/bye", state: "s", logout_verifier: "x" },
  "/p/:project/self-service/errors": { id: "00000000-0000-4000-8000-000000000000" },
  "/p/:project/self-service/logout": { token: "x", return_to: "https://app.example" },
  "/p/:project/self-service/login/browser": { return_to: "/x", login_challenge: "x", refresh: "true", aal: "aal1", organization: "x" },
  "/api/console/projects": { workspace_id: "00000000-0000-4000-8000-000000000000" },
};
for (const kind of ["login", "registration", "recovery", "verification", "settings"]) {
  QUERIES[`/p/:project/self-service/${kind}/flows`] = { id: `$flow.${kind}` };
  QUERIES[`/p/:project/self-service/${kind}`] ??= { flow: `$flow.${kind}` };
}
QUERIES["/p/:project/self-service/recovery"] = { flow: "$flow.recovery", token: "x" };

/** Every leaf and container path of a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...paths(item, [...prefix, i])));
  else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...prefix, key]));
  return out;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (!path.length) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = replaceAt(copy[path[0]!], path.slice(1), replacement);
  return copy;
}

/** One hostile replacement: a value of any kind, a hostile string, or deep nesting (as a JSON text marker). */
const DEEP = Symbol("deep");
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileJson },
  { weight: 1, arbitrary: fc.integer({ min: 65, max: 12_000 }).map((depth) => ({ [DEEP]: depth })) },
);

/** JSON text for a value that may hold one deep-nesting marker (JSON.stringify itself cannot write 10,000 levels). */
function serialize(value: unknown): string {
  let depth = 0;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && DEEP in v) {
      depth = (v as Record<symbol, number>)[DEEP]!;
      return "__DEEP__";
    }
    return v;
  });
  return depth ? text.replace('"__DEEP__"', nested(depth)) : text;
}

/** Ids the test seeded (flows, identities, challenges), for `$name` placeholders in the skeletons. */
export type Known = Record<string, string>;

function resolve(value: unknown, known: Known): unknown {
  if (typeof value === "string") return value.startsWith("$") ? (known[value.slice(1)] ?? value) : value;
  if (Array.isArray(value)) return value.map((item) => resolve(item, known));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, known)]));
  return value;
}

function encode(kind: "json" | "form", value: unknown): HostileBody {
  if (kind === "form" && (!value || typeof value !== "object" || Array.isArray(value))) {
    return { kind: "text", contentType: "application/x-www-form-urlencoded", value: typeof value === "string" ? value : serialize(value) };
  }
  if (kind === "form") {
    const fields = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, typeof v === "string" ? v : serialize(v)]));
    return { kind: "form", contentType: "application/x-www-form-urlencoded", value: fields };
  }
  return { kind: "text", contentType: "application/json", value: serialize(value) };
}

export interface Skeleton<T> {
  /** The well-formed value, unchanged. */
  usual: fc.Arbitrary<T>;
  /** One arbitrary per place (body member, query parameter), each putting hostile input at exactly that place. */
  sites: fc.Arbitrary<T>[];
}

/** The route's usual bodies, and one mutation site per member of each; undefined when the route has none. */
export function skeletonBody(key: string, known: Known): Skeleton<HostileBody> | undefined {
  const skeletons = BODIES[key]?.map((skeleton) => ({ ...skeleton, value: resolve(skeleton.value, known) }));
  if (!skeletons) return undefined;
  return {
    usual: fc.constantFrom(...skeletons.map((skeleton) => encode(skeleton.kind, skeleton.value))),
    sites: skeletons.flatMap((skeleton) => paths(skeleton.value).map((at) => replacement.map((value) => encode(skeleton.kind, replaceAt(skeleton.value, at, value))))),
  };
}

/** The route's usual query, and one mutation site per parameter; undefined when it has none. */
export function skeletonQuery(path: string, known: Known): Skeleton<[string, string][]> | undefined {
  const skeleton = QUERIES[path] && (resolve(QUERIES[path], known) as Record<string, string>);
  if (!skeleton) return undefined;
  const entries = Object.entries(skeleton);
  return {
    usual: fc.constant(entries),
    sites: entries.map(([site], at) => (site.endsWith("token") ? fc.oneof(hostileString, hostilePageToken) : fc.oneof(hostileString, hostileId))
      .map((value) => entries.map(([name, usual], i): [string, string] => [name, i === at ? value : usual]))),
  };
}
