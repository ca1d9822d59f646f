import ts from "typescript";
import type { Rewrite } from "./ast";
import type { ErrorSink } from "./errors";

/** A reference to a relation or permission, kept with its node for later validation. */
export interface Reference {
  node: ts.Node;
  /** Relation/permission name in the namespace being defined (computed) or the traversed relation. */
  relation: string;
  /** For traverse: the relation/permission looked up on the traversed objects. */
  computed?: string;
}

export interface ParsedPermit {
  name: string;
  node: ts.Node;
  rewrite: Rewrite;
  references: Reference[];
}

/** `permits = { view: (ctx: Context): boolean => … }` → one rewrite per permission. */
export function parsePermits(declaration: ts.PropertyDeclaration, sink: ErrorSink): ParsedPermit[] {
  const initializer = declaration.initializer;
  if (!initializer || !ts.isObjectLiteralExpression(initializer)) {
    sink.at(declaration, "`permits` must be an object: permits = { name: (ctx: Context): boolean => … }");
    return [];
  }
  const permits: ParsedPermit[] = [];
  for (const property of initializer.properties) {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
      sink.at(property, "expected a permission like `view: (ctx: Context): boolean => …`");
      continue;
    }
    const fn = property.initializer;
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters.length !== 1 || !ts.isIdentifier(fn.parameters[0].name)) {
      sink.at(fn, "a permission must be a function of one parameter: (ctx: Context): boolean => …");
      continue;
    }
    const body = functionBody(fn.body, sink);
    if (!body) continue;
    const references: Reference[] = [];
    const rewrite = convert(body, fn.parameters[0].name.text, references, sink);
    if (rewrite) permits.push({ name: property.name.text, node: property.name, rewrite, references });
  }
  return permits;
}

function functionBody(body: ts.ConciseBody, sink: ErrorSink): ts.Expression | undefined {
  if (!ts.isBlock(body)) return body;
  const [statement] = body.statements;
  if (body.statements.length === 1 && ts.isReturnStatement(statement) && statement.expression) return statement.expression;
  sink.at(body, "a permission's body must be a single expression or `{ return … }`");
  return undefined;
}

function convert(expr: ts.Expression, ctx: string, refs: Reference[], sink: ErrorSink): Rewrite | undefined {
  if (ts.isParenthesizedExpression(expr)) return convert(expr.expression, ctx, refs, sink);
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) {
    const child = convert(expr.operand, ctx, refs, sink);
    return child && { kind: "not", child };
  }
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) {
      const kind = op === ts.SyntaxKind.BarBarToken ? "union" : "intersection";
      const left = convert(expr.left, ctx, refs, sink);
      const right = convert(expr.right, ctx, refs, sink);
      if (!left || !right) return undefined;
      const children = [left, right].flatMap((c) => (c.kind === kind ? c.children : [c]));
      return { kind, children };
    }
  }
  if (ts.isCallExpression(expr)) return convertCall(expr, ctx, refs, sink);
  sink.at(expr, "unsupported expression: use this.related.R.includes(ctx.subject), this.permits.P(ctx), this.related.R.traverse(…), ||, && and !");
  return undefined;
}

/** Matches `<root>.related.<R>.<method>` or `<root>.permits.<P>`; returns the names. */
function memberPath(expr: ts.Expression): string[] | undefined {
  const path: string[] = [];
  let current: ts.Expression = expr;
  while (ts.isPropertyAccessExpression(current)) {
    path.unshift(current.name.text);
    current = current.expression;
  }
  if (current.kind === ts.SyntaxKind.ThisKeyword) path.unshift("this");
  else if (ts.isIdentifier(current)) path.unshift(current.text);
  else return undefined;
  return path;
}

const isSubjectArg = (arg: ts.Expression | undefined, ctx: string) =>
  arg !== undefined && ts.isPropertyAccessExpression(arg) && ts.isIdentifier(arg.expression) && arg.expression.text === ctx && arg.name.text === "subject";
const isCtxArg = (arg: ts.Expression | undefined, ctx: string) => arg !== undefined && ts.isIdentifier(arg) && arg.text === ctx;

/** `root.related.R.includes(ctx.subject)` or `root.permits.P(ctx)` → the referenced name. */
function simpleReference(call: ts.CallExpression, root: string, ctx: string): string | undefined {
  const path = memberPath(call.expression);
  if (!path || path[0] !== root || call.arguments.length !== 1) return undefined;
  if (path.length === 4 && path[1] === "related" && path[3] === "includes" && isSubjectArg(call.arguments[0], ctx)) return path[2];
  if (path.length === 3 && path[1] === "permits" && isCtxArg(call.arguments[0], ctx)) return path[2];
  return undefined;
}

function convertCall(call: ts.CallExpression, ctx: string, refs: Reference[], sink: ErrorSink): Rewrite | undefined {
  const direct = simpleReference(call, "this", ctx);
  if (direct) {
    refs.push({ node: call, relation: direct });
    return { kind: "computed", relation: direct };
  }
  const path = memberPath(call.expression);
  if (path?.length === 4 && path[0] === "this" && path[1] === "related" && path[3] === "traverse") {
    const fn = call.arguments[0];
    if (call.arguments.length === 1 && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters.length === 1 && ts.isIdentifier(fn.parameters[0].name)) {
      const body = ts.isBlock(fn.body) ? undefined : fn.body;
      const inner = body && ts.isCallExpression(body) ? simpleReference(body, fn.parameters[0].name.text, ctx) : undefined;
      if (inner) {
        refs.push({ node: call, relation: path[2], computed: inner });
        return { kind: "traverse", relation: path[2], computed: inner };
      }
    }
    sink.at(call, "traverse takes one function like (x) => x.permits.P(ctx) or (x) => x.related.R.includes(ctx.subject)");
    return undefined;
  }
  sink.at(call, "unsupported call: use this.related.R.includes(ctx.subject), this.permits.P(ctx) or this.related.R.traverse(…)");
  return undefined;
}
