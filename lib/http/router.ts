import type { Handler, RouteDefinition, RouteParams } from "./types";

interface Node {
  statics: Map<string, Node>;
  param?: { name: string; node: Node };
  rest?: { name: string; handlers: Map<string, Handler> };
  handlers: Map<string, Handler>;
}

const newNode = (): Node => ({ statics: new Map(), handlers: new Map() });

export interface RouteMatch {
  handler: Handler;
  params: RouteParams;
}

/** Segment trie: static segments win over `:params`, which win over a trailing `*rest`. */
export class Router {
  private readonly root = newNode();

  constructor(routes: RouteDefinition[] = []) {
    for (const route of routes) this.add(route);
  }

  add({ method, path, handler }: RouteDefinition): void {
    let node = this.root;
    const segments = path.split("/").filter(Boolean);
    for (const [index, segment] of segments.entries()) {
      if (segment.startsWith("*")) {
        if (index !== segments.length - 1) throw new Error(`Wildcard must be last: ${path}`);
        node.rest ??= { name: segment.slice(1) || "rest", handlers: new Map() };
        setHandler(node.rest.handlers, method, handler, path);
        return;
      }
      if (segment.startsWith(":")) {
        node.param ??= { name: segment.slice(1), node: newNode() };
        if (node.param.name !== segment.slice(1)) throw new Error(`Conflicting parameter names at ${path}`);
        node = node.param.node;
      } else {
        let next = node.statics.get(segment);
        if (!next) node.statics.set(segment, (next = newNode()));
        node = next;
      }
    }
    setHandler(node.handlers, method, handler, path);
  }

  /** Returns the match, `"method"` when the path exists with other methods, or undefined. */
  match(method: string, path: string): RouteMatch | "method" | undefined {
    const segments = path.split("/").filter(Boolean);
    const params: RouteParams = {};
    const found = this.walk(this.root, segments, 0, params);
    if (!found) return undefined;
    const handler = found.get(method) ?? (method === "HEAD" ? found.get("GET") : undefined) ?? found.get("*");
    return handler ? { handler, params } : "method";
  }

  private walk(node: Node, segments: string[], index: number, params: RouteParams): Map<string, Handler> | undefined {
    if (index === segments.length) {
      if (node.handlers.size) return node.handlers;
      if (node.rest) { params[node.rest.name] = ""; return node.rest.handlers; }
      return undefined;
    }
    const segment = segments[index];
    const exact = node.statics.get(segment);
    if (exact) {
      const found = this.walk(exact, segments, index + 1, params);
      if (found) return found;
    }
    if (node.param) {
      const found = this.walk(node.param.node, segments, index + 1, params);
      if (found) {
        params[node.param.name] = safeDecode(segment);
        return found;
      }
    }
    if (node.rest) {
      params[node.rest.name] = segments.slice(index).map(safeDecode).join("/");
      return node.rest.handlers;
    }
    return undefined;
  }
}

function setHandler(map: Map<string, Handler>, method: string, handler: Handler, path: string) {
  if (map.has(method)) throw new Error(`Duplicate route ${method} ${path}`);
  map.set(method, handler);
}

function safeDecode(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
