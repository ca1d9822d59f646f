import { AppError } from "@/lib/core/errors";

/**
 * Request bodies (web hooks, the courier's HTTP channel) are JSON templates: every string `"{{ ctx.identity.traits.email }}"` is replaced by the value at that
 * path (any JSON type), and placeholders inside longer strings are interpolated as text. Without a body the whole
 * `ctx` is sent. Jsonnet (Kratos' template language) is NOT supported: a Jsonnet body is rejected with a clear error.
 */
export function renderBody(template: unknown, ctx: Record<string, unknown>): unknown {
  if (template === undefined) return ctx;
  if (typeof template === "string") return renderBody(parseTemplateString(template), ctx);
  return substitute(template, { ctx });
}

function parseTemplateString(source: string): unknown {
  let text = source;
  if (source.startsWith("base64://")) text = Buffer.from(source.slice("base64://".length), "base64").toString("utf8");
  else if (/^(file|https?):\/\//.test(source)) throw unsupported(`Web hook bodies referenced by URL (${source.slice(0, 80)}) are not supported; inline a JSON template.`);
  try {
    return JSON.parse(text);
  } catch {
    throw unsupported("The web hook body is not JSON. Jsonnet templates are not supported: use a JSON template with {{ ctx.… }} placeholders.");
  }
}

const unsupported = (reason: string) => new AppError("bad_request", reason, { id: "webhook_body_unsupported", reason });

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][\w]*(?:\.[\w-]+)*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([a-zA-Z_][\w]*(?:\.[\w-]+)*)\s*\}\}$/;

function lookup(scope: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), scope);
}

function substitute(node: unknown, scope: Record<string, unknown>): unknown {
  if (typeof node === "string") {
    const whole = WHOLE.exec(node);
    if (whole) return lookup(scope, whole[1]) ?? null;
    return node.replace(PLACEHOLDER, (_, path: string) => {
      const value = lookup(scope, path);
      return value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
    });
  }
  if (Array.isArray(node)) return node.map((item) => substitute(item, scope));
  if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, substitute(v, scope)]));
  return node;
}
