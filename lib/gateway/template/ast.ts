/** The parsed form of a template: text, outputs and the control structures if / with / range. */
export type Operand =
  | { kind: "field"; path: string[] }
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "func"; name: string }
  | { kind: "sub"; pipeline: Pipeline };

export type Command = Operand[];
export type Pipeline = Command[];

export type Node =
  | { kind: "text"; value: string }
  | { kind: "output"; pipeline: Pipeline }
  | { kind: "if"; branches: { condition: Pipeline; body: Node[] }[]; otherwise?: Node[] }
  | { kind: "with" | "range"; pipeline: Pipeline; body: Node[]; otherwise?: Node[] };
