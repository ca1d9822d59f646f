import { configAt } from "@/lib/courier";
import { extensionTraits, findIdentitySchema, type IdentityRecord } from "@/lib/identity";
import type { FlowContext } from "../../flows/types";

/** Kratos' `selfservice.methods.totp.config.issuer`: the name authenticator apps show; the project's name by default. */
export function totpIssuer(ctx: Pick<FlowContext, "project">): string {
  const issuer = configAt(ctx.project.config, ["services", "identity", "config", "selfservice", "methods", "totp", "config", "issuer"]);
  return typeof issuer === "string" && issuer.trim() ? issuer.trim().slice(0, 100) : ctx.project.name;
}

const traitAt = (traits: unknown, path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === "object" && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined), traits);

/**
 * The account name in the key URI: the trait the schema marks `credentials.totp.account_name` (Kratos), else the
 * first password identifier, else the identity's id.
 */
export function totpAccountName(ctx: Pick<FlowContext, "project">, identity: IdentityRecord): string {
  const schema = findIdentitySchema(ctx.project, identity.schemaId)?.schema;
  for (const trait of schema ? extensionTraits(schema) : []) {
    if (!trait.extension.credentials?.totp?.account_name || trait.path.includes("*")) continue;
    const value = traitAt(identity.traits, trait.path);
    if (typeof value === "string" && value) return value;
  }
  const identifier = identity.credentials.find((c) => c.type === "password")?.identifiers[0]?.identifier;
  return identifier || identity.id;
}
