import type { Node } from "./ast";
import { TemplateError } from "./errors";
import { evaluate } from "./evaluate";
import { parseTemplate } from "./parse";

export { TemplateError } from "./errors";
export { ValueBag } from "./values";

export interface Template {
  readonly source: string;
  render(data: unknown): string;
}

/** A compiled template (a safe subset of Go's text/template as Oathkeeper rule authors write it). */
export function compileTemplate(source: string): Template {
  if (!source.includes("{{")) return { source, render: () => source };
  const nodes: Node[] = parseTemplate(source);
  return { source, render: (data) => evaluate(nodes, data) };
}

/** The parse error of a template source, or undefined when it compiles. */
export function templateError(source: string): string | undefined {
  try {
    compileTemplate(source);
    return undefined;
  } catch (error) {
    if (error instanceof TemplateError) return error.message;
    throw error;
  }
}
