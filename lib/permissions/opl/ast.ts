/**
 * The namespace model that the Ory Permission Language (OPL) compiles to. It follows Zanzibar's userset
 * rewrites (Zanzibar §2.3.1): a relation is either stored (tuples) or computed from a rewrite expression.
 */

/** A subject type a relation accepts: `User` (a subject in namespace User) or `SubjectSet<Group, "members">`. */
export interface SubjectType {
  namespace: string;
  /** Set for `SubjectSet<Namespace, "relation">`. */
  relation?: string;
}

export interface SourceRange {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/**
 * A rewrite expression of a permission:
 * - computed: `this.related.R.includes(ctx.subject)` or `this.permits.P(ctx)` (Zanzibar's computed_userset)
 * - traverse: `this.related.R.traverse((x) => x.permits.P(ctx))` (Zanzibar's tuple_to_userset)
 * - union `||`, intersection `&&`, not `!` (exclusion is `a && !b`).
 */
export type Rewrite =
  | { kind: "computed"; relation: string }
  | { kind: "traverse"; relation: string; computed: string }
  | { kind: "union"; children: Rewrite[] }
  | { kind: "intersection"; children: Rewrite[] }
  | { kind: "not"; child: Rewrite };

export interface RelationDefinition {
  name: string;
  types: SubjectType[];
}

export interface NamespaceDefinition {
  name: string;
  /** Stored relations (`related`): written as tuples. */
  relations: Map<string, RelationDefinition>;
  /** Computed permissions (`permits`): never stored, evaluated from their rewrite. */
  permits: Map<string, Rewrite>;
}

export interface NamespaceModel {
  namespaces: Map<string, NamespaceDefinition>;
  /**
   * Keto's `namespaces.experimental_strict_mode`: only what the OPL declares is written or evaluated (see
   * declarations.ts). Part of the model, so a model evaluated strictly is another model (and cache key).
   */
  strict?: boolean;
}

/** Keto's OPL parse error (`checkOplSyntaxResult.errors[]`): lines and columns are 1-based. */
export interface OplError {
  message: string;
  start: { Line: number; column: number };
  end: { Line: number; column: number };
}

/** A namespace that declares no relation and no permission: Keto's config-less namespace (`[{ name }]`). */
export const namespaceOnly = (name: string): NamespaceDefinition => ({ name, relations: new Map(), permits: new Map() });

export const declaresNothing = (ns: NamespaceDefinition): boolean => ns.relations.size === 0 && ns.permits.size === 0;
