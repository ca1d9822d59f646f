import ts from "typescript";
import type { OplError } from "./ast";

/** Collects OPL errors with 1-based line and column positions (Keto's `ParseError`). */
export class ErrorSink {
  readonly errors: OplError[] = [];
  constructor(private readonly source: ts.SourceFile) {}

  at(node: ts.Node, message: string): void {
    this.range(node.getStart(this.source), node.getEnd(), message);
  }

  range(startOffset: number, endOffset: number, message: string): void {
    const start = this.source.getLineAndCharacterOfPosition(startOffset);
    const end = this.source.getLineAndCharacterOfPosition(Math.max(startOffset, endOffset));
    this.errors.push({
      message,
      start: { Line: start.line + 1, column: start.character + 1 },
      end: { Line: end.line + 1, column: end.character + 1 },
    });
  }
}

/** Syntax errors as the TypeScript parser reports them. */
export function syntaxErrors(text: string, source: ts.SourceFile): OplError[] {
  const output = ts.transpileModule(text, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  const sink = new ErrorSink(source);
  for (const diagnostic of output.diagnostics ?? []) {
    const start = diagnostic.start ?? 0;
    sink.range(start, start + (diagnostic.length ?? 0), ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
  }
  return sink.errors;
}
