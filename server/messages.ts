/**
 * What the supervisor (server/cluster.ts) and its children say to each other over the IPC channel. Relayed cache
 * drops (lib/core/instance-wide) travel on the same channel in their own shape.
 */
export type ToChild =
  /** The front-header secret every process of the instance shares; the Next process's private port for workers. */
  | { type: "start"; secret: string; nextPort?: number }
  /** To the Next process: the public port, which Next needs for its own requests to the app (server actions). */
  | { type: "public-port"; port: number };

export type FromChild =
  /** The Next process migrated the database, prepared the platform and listens on its private loopback port. */
  | { type: "db-ready"; port: number }
  | { type: "next-ready" }
  | { type: "listening"; port: number };

export function isFromChild(message: unknown): message is FromChild {
  const type = (message as { type?: unknown } | null)?.type;
  return type === "db-ready" || type === "next-ready" || type === "listening";
}

export function isToChild(message: unknown): message is ToChild {
  const type = (message as { type?: unknown } | null)?.type;
  return type === "start" || type === "public-port";
}

/** Sibling modules of the running entry, in the form it runs in (compiled `.js` in dist/, `.ts` under tsx). */
export function siblingEntry(currentUrl: string, name: string): string {
  const extension = currentUrl.endsWith(".ts") ? ".ts" : ".js";
  return new URL(`./${name}${extension}`, currentUrl).pathname;
}
