import ts from "typescript";
import type { NamespaceDefinition, NamespaceModel, OplError, RelationDefinition } from "./ast";
import { ErrorSink, syntaxErrors } from "./errors";
import { parsePermits, type ParsedPermit } from "./permits";
import { parseRelated } from "./types";
import { validateModel } from "./validate";

export interface ParsedClass {
  node: ts.ClassDeclaration;
  name: string;
  relations: RelationDefinition[];
  permits: ParsedPermit[];
}

export interface OplParseResult {
  model: NamespaceModel;
  errors: OplError[];
}

/**
 * Parses an Ory Permission Language document (the TypeScript subset Keto accepts) with the TypeScript
 * compiler's parser, then checks that every referenced namespace, relation and permission exists.
 */
export function parseOpl(text: string): OplParseResult {
  try {
    return parseOplText(text);
  } catch (error) {
    // TypeScript's parser recurses once per nesting level: a hostile document overflows the stack (issue 12 §4).
    if (!(error instanceof RangeError)) throw error;
    const at = { Line: 1, column: 1 };
    return { model: { namespaces: new Map() }, errors: [{ message: "the document is nested too deeply to parse", start: at, end: at }] };
  }
}

function parseOplText(text: string): OplParseResult {
  const source = ts.createSourceFile("namespaces.ts", text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const syntax = syntaxErrors(text, source);
  if (syntax.length) return { model: { namespaces: new Map() }, errors: syntax };

  const sink = new ErrorSink(source);
  const classes: ParsedClass[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) || ts.isEmptyStatement(statement)) continue;
    if (ts.isClassDeclaration(statement) && statement.name) classes.push(parseClass(statement, statement.name.text, sink));
    else sink.at(statement, "only `class Name implements Namespace { … }` declarations (and imports) are allowed");
  }
  validateModel(classes, sink);
  const namespaces = new Map<string, NamespaceDefinition>();
  for (const c of classes) {
    namespaces.set(c.name, {
      name: c.name,
      relations: new Map(c.relations.map((r) => [r.name, r])),
      permits: new Map(c.permits.map((p) => [p.name, p.rewrite])),
    });
  }
  return { model: { namespaces }, errors: sink.errors };
}

function parseClass(node: ts.ClassDeclaration, name: string, sink: ErrorSink): ParsedClass {
  const parsed: ParsedClass = { node, name, relations: [], permits: [] };
  for (const clause of node.heritageClauses ?? []) {
    if (clause.token === ts.SyntaxKind.ExtendsKeyword) sink.at(clause, "a namespace class cannot extend another class; use `implements Namespace`");
  }
  for (const member of node.members) {
    const memberName = member.name && ts.isIdentifier(member.name) ? member.name.text : undefined;
    if (ts.isPropertyDeclaration(member) && memberName === "related") {
      parsed.relations.push(...parseRelated(member.type, sink));
    } else if (ts.isPropertyDeclaration(member) && memberName === "permits") {
      parsed.permits.push(...parsePermits(member, sink));
    } else {
      sink.at(member, "a namespace class may only declare `related` and `permits`");
    }
  }
  return parsed;
}
