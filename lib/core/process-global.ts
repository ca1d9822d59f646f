/**
 * One value per process, shared by every copy of the calling module. server.ts (run by tsx) and Next's server
 * bundle each load their own copy of lib/, so a module-level cache would exist twice and an invalidation made by
 * a console action (Next) would not reach the fast path (server.ts). `Symbol.for` keys are process-wide.
 */
export function processGlobal<T>(name: string, create: () => T): T {
  const key = Symbol.for(`portcullis.${name}`);
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  return (slots[key] ??= create());
}
