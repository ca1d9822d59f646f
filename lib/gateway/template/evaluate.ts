import type { Command, Node, Operand, Pipeline } from "./ast";
import { TemplateError } from "./errors";
import { FUNCTIONS } from "./functions";
import { formatValue, isPlainObject, truthy, ValueBag } from "./values";

const MAX_OUTPUT = 16 * 1024;
const MAX_STEPS = 10_000;

interface State {
  out: string;
  steps: number;
}

/** Renders parsed nodes against data. Bounded in output size and work; never calls anything but FUNCTIONS and ValueBag.get. */
export function evaluate(nodes: Node[], data: unknown): string {
  const state: State = { out: "", steps: 0 };
  run(nodes, data, state);
  return state.out;
}

function run(nodes: Node[], dot: unknown, state: State): void {
  for (const node of nodes) {
    if (++state.steps > MAX_STEPS) throw new TemplateError("template evaluation exceeded its step limit");
    switch (node.kind) {
      case "text":
        emit(state, node.value);
        break;
      case "output":
        emit(state, formatValue(pipeline(node.pipeline, dot)));
        break;
      case "if": {
        const branch = node.branches.find((b) => truthy(pipeline(b.condition, dot)));
        if (branch) run(branch.body, dot, state);
        else if (node.otherwise) run(node.otherwise, dot, state);
        break;
      }
      case "with": {
        const value = pipeline(node.pipeline, dot);
        if (truthy(value)) run(node.body, value, state);
        else if (node.otherwise) run(node.otherwise, dot, state);
        break;
      }
      case "range": {
        const value = pipeline(node.pipeline, dot);
        const items = Array.isArray(value) ? value : isPlainObject(value) ? Object.keys(value).sort().map((k) => value[k]) : [];
        if (items.length === 0 && node.otherwise) run(node.otherwise, dot, state);
        for (const item of items) run(node.body, item, state);
        break;
      }
    }
  }
}

function emit(state: State, text: string): void {
  state.out += text;
  if (state.out.length > MAX_OUTPUT) throw new TemplateError(`template output longer than ${MAX_OUTPUT} characters`);
}

function pipeline(commands: Pipeline, dot: unknown): unknown {
  let value: unknown;
  commands.forEach((command, i) => {
    value = execute(command, dot, i === 0 ? [] : [value]);
  });
  return value;
}

function execute(command: Command, dot: unknown, piped: unknown[]): unknown {
  const [head, ...rest] = command;
  if (head.kind === "func") {
    return FUNCTIONS[head.name](...rest.map((arg) => operandValue(arg, dot)), ...piped);
  }
  if (head.kind === "field" && (rest.length > 0 || piped.length > 0)) return methodCall(head.path, dot, [...rest.map((a) => operandValue(a, dot)), ...piped]);
  if (rest.length > 0) throw new TemplateError("can't give arguments to a non-function");
  return operandValue(head, dot);
}

/** `.MatchContext.Header.Get "X-Foo"`: the only method call there is. */
function methodCall(path: string[], dot: unknown, args: unknown[]): unknown {
  const method = path[path.length - 1];
  const receiver = resolve(path.slice(0, -1), dot);
  if (method === "Get" && receiver instanceof ValueBag && args.length === 1) return receiver.get(formatValue(args[0]));
  throw new TemplateError(`can't call .${path.join(".")}`);
}

function operandValue(operand: Operand, dot: unknown): unknown {
  switch (operand.kind) {
    case "literal":
      return operand.value;
    case "field":
      return resolve(operand.path, dot);
    case "sub":
      return pipeline(operand.pipeline, dot);
    case "func":
      return FUNCTIONS[operand.name]();
  }
}

/** Field access on own properties of plain objects only (missing keys are nil, as `missingkey=zero`). */
function resolve(path: string[], dot: unknown): unknown {
  let value = dot;
  for (const name of path) {
    if (value instanceof ValueBag) throw new TemplateError(`use .Get to read .${name}`);
    if (!isPlainObject(value)) return undefined;
    value = Object.hasOwn(value, name) ? value[name] : undefined;
  }
  return value;
}
