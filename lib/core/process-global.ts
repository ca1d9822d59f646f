/**
 * One value per process, shared by every copy of the calling module. The server (compiled to dist/, or server.ts)
 * and Next's server bundle each load their own copy of lib/, so a module-level cache would exist twice and an
 * invalidation made by a console action (Next) would not reach the fast path. `Symbol.for` keys are process-wide;
 * between the processes of one instance, lib/core/instance-wide.ts relays the invalidations.
 */
export function processGlobal<T>(name: string, create: () => T): T {
  const key = Symbol.for(`portcullis.${name}`);
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  return (slots[key] ??= create());
}
