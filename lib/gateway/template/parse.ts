import type { Command, Node, Operand, Pipeline } from "./ast";
import { TemplateError } from "./errors";
import { FUNCTIONS } from "./functions";
import { segment, type Segment, type Token } from "./lexer";

const MAX_SOURCE = 8192;
const MAX_DEPTH = 16;

/** Parses a template source into nodes; unknown functions and unbalanced blocks are errors. */
export function parseTemplate(source: string): Node[] {
  if (source.length > MAX_SOURCE) throw new TemplateError(`template longer than ${MAX_SOURCE} characters`);
  const parser = new BlockParser(segment(source));
  const nodes = parser.block(0);
  if (parser.pendingKeyword) throw new TemplateError(`unexpected {{${parser.pendingKeyword}}}`);
  return nodes;
}

type Closer = "end" | "else";

class BlockParser {
  private index = 0;
  /** The keyword that ended the last block (`end`, `else`, `else if …`). */
  pendingKeyword?: Closer;
  pendingElseIf?: Token[];

  constructor(private readonly segments: Segment[]) {}

  block(depth: number): Node[] {
    if (depth > MAX_DEPTH) throw new TemplateError("templates nest too deeply");
    const nodes: Node[] = [];
    this.pendingKeyword = undefined;
    this.pendingElseIf = undefined;
    while (this.index < this.segments.length) {
      const seg = this.segments[this.index++];
      if (seg.kind === "text") {
        nodes.push({ kind: "text", value: seg.value });
        continue;
      }
      const [head, ...rest] = seg.tokens;
      if (!head) throw new TemplateError("empty action {{}}");
      const keyword = head.kind === "ident" ? head.name : undefined;
      if (keyword === "end" || keyword === "else") {
        this.pendingKeyword = keyword;
        this.pendingElseIf = keyword === "else" && rest[0]?.kind === "ident" && rest[0].name === "if" ? rest.slice(1) : undefined;
        return nodes;
      }
      if (keyword === "if") nodes.push(this.ifNode(rest, depth));
      else if (keyword === "with" || keyword === "range") nodes.push(this.scoped(keyword, rest, depth));
      else if (keyword === "define" || keyword === "template" || keyword === "block") {
        throw new TemplateError(`{{${keyword}}} is not supported`);
      } else nodes.push({ kind: "output", pipeline: parsePipeline(seg.tokens) });
    }
    return nodes;
  }

  private ifNode(conditionTokens: Token[], depth: number): Node {
    const branches: { condition: Pipeline; body: Node[] }[] = [];
    let condition = conditionTokens;
    for (;;) {
      const body = this.block(depth + 1);
      branches.push({ condition: parsePipeline(condition), body });
      if (this.pendingKeyword === "else" && this.pendingElseIf) {
        condition = this.pendingElseIf;
        continue;
      }
      break;
    }
    return { kind: "if", branches, otherwise: this.otherwise(depth) };
  }

  private scoped(kind: "with" | "range", tokens: Token[], depth: number): Node {
    const pipeline = parsePipeline(tokens);
    const body = this.block(depth + 1);
    if (this.pendingElseIf) throw new TemplateError(`{{else if}} is only allowed after {{if}}`);
    return { kind, pipeline, body, otherwise: this.otherwise(depth) };
  }

  /** The keyword that closed the last block (a method, so control-flow narrowing does not stick). */
  private closer(): Closer | undefined {
    return this.pendingKeyword;
  }

  private otherwise(depth: number): Node[] | undefined {
    if (this.pendingKeyword === undefined) throw new TemplateError("missing {{end}}");
    if (this.pendingKeyword === "end") {
      this.pendingKeyword = undefined;
      return undefined;
    }
    const body = this.block(depth + 1);
    if (this.closer() !== "end") throw new TemplateError("missing {{end}}");
    this.pendingKeyword = undefined;
    return body;
  }
}

export function parsePipeline(tokens: Token[]): Pipeline {
  if (tokens.length === 0) throw new TemplateError("missing value in action");
  const commands: Command[] = [];
  let current: Operand[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === "pipe") {
      if (!current.length) throw new TemplateError("missing command before |");
      commands.push(current);
      current = [];
    } else if (token.kind === "lparen") {
      const close = matchingParen(tokens, i);
      current.push({ kind: "sub", pipeline: parsePipeline(tokens.slice(i + 1, close)) });
      i = close;
    } else if (token.kind === "rparen") throw new TemplateError("unexpected )");
    else current.push(operand(token));
  }
  if (!current.length) throw new TemplateError("missing command after |");
  commands.push(current);
  commands.forEach((command, i) => {
    if (i > 0 && command[0].kind !== "func" && !(command[0].kind === "field" && command.length > 1)) {
      throw new TemplateError("only a function can follow |");
    }
  });
  return commands;
}

function matchingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].kind === "lparen") depth++;
    else if (tokens[i].kind === "rparen" && --depth === 0) return i;
  }
  throw new TemplateError("unclosed (");
}

function operand(token: Token): Operand {
  switch (token.kind) {
    case "field":
      return { kind: "field", path: token.path };
    case "string":
    case "number":
      return { kind: "literal", value: token.value };
    case "ident":
      if (token.name === "true" || token.name === "false") return { kind: "literal", value: token.name === "true" };
      if (token.name === "nil") return { kind: "literal", value: null };
      if (!Object.hasOwn(FUNCTIONS, token.name)) throw new TemplateError(`function "${token.name}" not defined`);
      return { kind: "func", name: token.name };
    default:
      throw new TemplateError("unexpected token");
  }
}
