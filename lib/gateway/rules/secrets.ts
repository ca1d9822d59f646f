import { openSecret, sealSecret } from "@/lib/keys";
import type { HandlerRef, PipelineDocument } from "./schema";

/**
 * Handler config values that are credentials: encrypted at rest (AES-256-GCM under the system secret, bound to
 * project, rule and path), never returned by the API (replaced by REDACTED), and decrypted only when a rule set
 * is compiled. `*` stands for every key of an object (e.g. every header of `remote_json.headers`).
 */
const SECRET_PATHS: Record<string, string[][]> = {
  hydrator: [["api", "auth", "basic", "password"]],
  remote_json: [["headers", "*"]],
  oauth2_introspection: [["pre_authorization", "client_secret"], ["introspection_request_headers", "*"]],
  cookie_session: [["additional_headers", "*"]],
  bearer_token: [["additional_headers", "*"]],
};

/** What the API shows instead of a secret; sent back unchanged on PUT, it keeps the stored secret. */
export const REDACTED = "**redacted**";
const SEALED = "sealed:";

/** One secret value in a document: where it is (`mutators.0.config.api.auth.basic.password`) and how to replace it. */
interface Slot {
  where: string;
  stage: string;
  index: number;
  handler: string;
  value: string;
  set(value: string): void;
}

function refsOf(doc: PipelineDocument): [string, number, HandlerRef][] {
  return [
    ...doc.authenticators.map((ref, i): [string, number, HandlerRef] => ["authenticators", i, ref]),
    ["authorizer", -1, doc.authorizer],
    ...doc.mutators.map((ref, i): [string, number, HandlerRef] => ["mutators", i, ref]),
    ...(doc.errors ?? []).map((ref, i): [string, number, HandlerRef] => ["errors", i, ref]),
  ];
}

function collect(node: unknown, path: string[], at: string[], found: (parent: Record<string, unknown>, key: string, where: string[]) => void): void {
  if (!node || typeof node !== "object" || Array.isArray(node)) return;
  const parent = node as Record<string, unknown>;
  const [head, ...rest] = path;
  for (const key of head === "*" ? Object.keys(parent) : Object.hasOwn(parent, head) ? [head] : []) {
    if (rest.length === 0) found(parent, key, [...at, key]);
    else collect(parent[key], rest, [...at, key], found);
  }
}

/** The secret values of a document (mutating `set` writes into the document itself). */
function secretSlots(doc: PipelineDocument): Slot[] {
  const slots: Slot[] = [];
  for (const [stage, index, ref] of refsOf(doc)) {
    for (const path of SECRET_PATHS[ref.handler] ?? []) {
      collect(ref.config, path, [], (parent, key, where) => {
        const value = parent[key];
        if (typeof value !== "string") return;
        const prefix = index < 0 ? `${stage}.config` : `${stage}.${index}.config`;
        slots.push({ where: `${prefix}.${where.join(".")}`, stage, index, handler: ref.handler, value, set: (v) => void (parent[key] = v) });
      });
    }
  }
  return slots;
}

const context = (projectId: string, ruleId: string, where: string) => `gateway-rule:${projectId}:${ruleId}:${where}`;

/** A copy with every secret encrypted, for storage. */
export async function sealSecrets<T extends PipelineDocument>(doc: T, projectId: string, ruleId: string): Promise<T> {
  const copy = structuredClone(doc);
  for (const slot of secretSlots(copy)) slot.set(SEALED + (await sealSecret(slot.value, context(projectId, ruleId, slot.where))));
  return copy;
}

/** A copy with every secret decrypted, for compiling (rules stored before encryption hold plaintext: kept as is). */
export async function openSecrets<T extends PipelineDocument>(doc: T, projectId: string, ruleId: string): Promise<T> {
  const copy = structuredClone(doc);
  for (const slot of secretSlots(copy)) {
    if (slot.value.startsWith(SEALED)) slot.set(await openSecret(slot.value.slice(SEALED.length), context(projectId, ruleId, slot.where)));
  }
  return copy;
}

/** A copy for the API: every secret replaced by REDACTED. */
export function redactSecrets<T extends PipelineDocument>(doc: T): T {
  const copy = structuredClone(doc);
  for (const slot of secretSlots(copy)) slot.set(REDACTED);
  return copy;
}

/**
 * Puts the stored secrets (`stored`: decrypted) back where a written document sends REDACTED (a rule read,
 * edited and written back), taking the secret at the same path of the same handler at the same position.
 * Returns the paths left REDACTED without a stored secret to take (an error for the caller).
 */
export function restoreRedacted(doc: PipelineDocument, stored: PipelineDocument | undefined): string[] {
  const previous = new Map((stored ? secretSlots(stored) : []).map((slot) => [`${slot.handler}|${slot.where}`, slot.value]));
  const missing: string[] = [];
  for (const slot of secretSlots(doc)) {
    if (slot.value !== REDACTED) continue;
    const value = previous.get(`${slot.handler}|${slot.where}`);
    if (value === undefined) missing.push(slot.where);
    else slot.set(value);
  }
  return missing;
}
