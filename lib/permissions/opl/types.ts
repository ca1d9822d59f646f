import ts from "typescript";
import type { RelationDefinition, SubjectType } from "./ast";
import type { ErrorSink } from "./errors";

/** `related: { viewers: (User | SubjectSet<Group, "members">)[] }` → relation definitions. */
export function parseRelated(type: ts.TypeNode | undefined, sink: ErrorSink): RelationDefinition[] {
  if (!type || !ts.isTypeLiteralNode(type)) {
    if (type) sink.at(type, "`related` must be an object type: related: { name: Type[] }");
    return [];
  }
  const relations: RelationDefinition[] = [];
  for (const member of type.members) {
    if (!ts.isPropertySignature(member) || !member.type || !isSimpleName(member.name)) {
      sink.at(member, "expected a relation declaration like `viewers: User[]`");
      continue;
    }
    const element = arrayElement(member.type);
    if (!element) {
      sink.at(member.type, "a relation's type must be an array, like `User[]` or `(User | SubjectSet<Group, \"members\">)[]`");
      continue;
    }
    const types: SubjectType[] = [];
    for (const alternative of unionMembers(element)) {
      const subjectType = parseSubjectType(alternative, sink);
      if (subjectType) types.push(subjectType);
    }
    relations.push({ name: member.name.text, types });
  }
  return relations;
}

function isSimpleName(name: ts.PropertyName): name is ts.Identifier | ts.StringLiteral {
  return ts.isIdentifier(name) || ts.isStringLiteral(name);
}

function arrayElement(type: ts.TypeNode): ts.TypeNode | undefined {
  if (ts.isArrayTypeNode(type)) return type.elementType;
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === "Array" && type.typeArguments?.length === 1) {
    return type.typeArguments[0];
  }
  return undefined;
}

function unionMembers(type: ts.TypeNode): ts.TypeNode[] {
  if (ts.isParenthesizedTypeNode(type)) return unionMembers(type.type);
  if (ts.isUnionTypeNode(type)) return type.types.flatMap(unionMembers);
  return [type];
}

function parseSubjectType(type: ts.TypeNode, sink: ErrorSink): SubjectType | undefined {
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) {
    sink.at(type, "expected a namespace name or SubjectSet<Namespace, \"relation\">");
    return undefined;
  }
  const name = type.typeName.text;
  if (name !== "SubjectSet") {
    if (type.typeArguments?.length) sink.at(type, `unexpected type arguments on ${name}`);
    return { namespace: name };
  }
  const [target, relation] = type.typeArguments ?? [];
  if (
    type.typeArguments?.length !== 2 || !ts.isTypeReferenceNode(target) || !ts.isIdentifier(target.typeName) ||
    !ts.isLiteralTypeNode(relation) || !ts.isStringLiteral(relation.literal)
  ) {
    sink.at(type, "SubjectSet takes a namespace and a relation name: SubjectSet<Group, \"members\">");
    return undefined;
  }
  return { namespace: target.typeName.text, relation: relation.literal.text };
}
