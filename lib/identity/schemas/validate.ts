import type { ConfigHolder } from "../config";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { badRequest } from "@/lib/core/errors";
import { extensionTraits, valuesAt } from "./extension";
import { requireSchemaForWrite, type JsonSchema } from "./registry";

export type IdentifierCredentialType = "password" | "code" | "webauthn" | "passkey";

export interface IdentityAddress {
  via: string;
  value: string;
}

/** Traits that passed their schema, and what the `ory.sh/kratos` extension extracts from them. */
export interface ValidatedTraits {
  schemaId: string;
  traits: Record<string, unknown>;
  /** Normalized identifiers per credential type (unique, lower-cased, trimmed). */
  identifiers: Record<IdentifierCredentialType, string[]>;
  verifiableAddresses: IdentityAddress[];
  recoveryAddresses: IdentityAddress[];
  /** Code-credential identifiers with their delivery channel. */
  codeAddresses: IdentityAddress[];
  totpAccountName?: string;
  passkeyDisplayName?: string;
}

function makeAjv<T extends Ajv>(ajv: T): T {
  addFormats.default(ajv);
  return ajv;
}
// strict: false lets `ory.sh/kratos` (and UI hints such as `title`) pass as annotations.
const draft7 = makeAjv(new Ajv({ allErrors: true, strict: false }));
const draft2020 = makeAjv(new Ajv2020({ allErrors: true, strict: false }));
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    // Projects may share a `$id` (e.g. copies of one preset); ids are irrelevant to local `#/` refs.
    const { $id: _ignored, ...anonymous } = schema;
    const ajv = typeof schema.$schema === "string" && /2020-12|2019-09/.test(schema.$schema) ? draft2020 : draft7;
    validate = ajv.compile(anonymous);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Kratos' identifier normalization: trimmed and lower-cased (emails and usernames compare case-insensitively). */
export const normalizeIdentifier = (value: string): string => value.trim().toLowerCase();

function schemaError(errors: ErrorObject[]): Error {
  const list = errors.map((e) => ({ instance_ptr: `#${e.instancePath}`, schema_ptr: `#${e.schemaPath.replace(/^#/, "")}`, message: e.message ?? "is invalid" }));
  const first = list[0];
  return badRequest("The request was malformed or contained invalid parameters", {
    reason: first ? `I[${first.instance_ptr}] S[${first.schema_ptr}] ${first.message}` : "The traits do not match the identity schema.",
    details: { errors: list },
  });
}

const unique = (values: string[]) => [...new Set(values)];
const uniqueAddresses = (list: IdentityAddress[]) =>
  list.filter((a, i) => list.findIndex((b) => b.via === a.via && b.value === a.value) === i);

/**
 * Validates traits against a project's identity schema (`schemaId` empty = the default schema) and extracts
 * identifiers and addresses from the `ory.sh/kratos` extension. Invalid traits are a 400 Ory error whose
 * details list every violation (`instance_ptr`, `schema_ptr`, `message`).
 */
export function validateTraits(project: ConfigHolder, schemaId: string | undefined, traits: unknown): ValidatedTraits {
  const entry = requireSchemaForWrite(project, schemaId);
  if (!traits || typeof traits !== "object" || Array.isArray(traits)) {
    throw badRequest("The request was malformed or contained invalid parameters", { reason: "traits must be a JSON object." });
  }
  const validate = validatorFor(entry.schema);
  if (!validate({ traits })) throw schemaError(validate.errors ?? []);

  const result: ValidatedTraits = {
    schemaId: entry.id,
    traits: traits as Record<string, unknown>,
    identifiers: { password: [], code: [], webauthn: [], passkey: [] },
    verifiableAddresses: [],
    recoveryAddresses: [],
    codeAddresses: [],
  };
  for (const { path, extension } of extensionTraits(entry.schema)) {
    const values = valuesAt(traits, path).map(normalizeIdentifier).filter(Boolean);
    const credentials = extension.credentials ?? {};
    if (credentials.password?.identifier) result.identifiers.password.push(...values);
    if (credentials.webauthn?.identifier) result.identifiers.webauthn.push(...values);
    if (credentials.code?.identifier) {
      result.identifiers.code.push(...values);
      result.codeAddresses.push(...values.map((value) => ({ via: credentials.code?.via ?? "email", value })));
    }
    if (credentials.passkey?.display_name) result.passkeyDisplayName ??= valuesAt(traits, path)[0];
    if (credentials.totp?.account_name) result.totpAccountName ??= valuesAt(traits, path)[0];
    if (extension.verification?.via) result.verifiableAddresses.push(...values.map((value) => ({ via: extension.verification!.via!, value })));
    if (extension.recovery?.via) result.recoveryAddresses.push(...values.map((value) => ({ via: extension.recovery!.via!, value })));
  }
  for (const key of Object.keys(result.identifiers) as IdentifierCredentialType[]) result.identifiers[key] = unique(result.identifiers[key]);
  result.verifiableAddresses = uniqueAddresses(result.verifiableAddresses);
  result.recoveryAddresses = uniqueAddresses(result.recoveryAddresses);
  result.codeAddresses = uniqueAddresses(result.codeAddresses);
  return result;
}
