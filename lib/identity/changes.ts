import { processGlobal } from "@/lib/core/process-global";

/**
 * "An identity changed" (traits, state, addresses, credentials, deletion), for caches kept by the modules that build
 * on identities — lib/sessions' whoami cache drops the identity's sessions. They subscribe; lib/identity names none of
 * them (no import loop). Per process, shared by every copy of lib/ (server.ts and Next's bundle; see processGlobal).
 */
type Listener = (projectId: string, identityId: string) => void;
const listeners = processGlobal("identity.change-listeners", () => new Map<string, Listener>());

/** Subscribes under a name (a module loaded twice subscribes once). */
export function onIdentityChanged(name: string, listener: Listener): void {
  listeners.set(name, listener);
}

export function identityChanged(projectId: string, identityId: string): void {
  for (const listener of listeners.values()) listener(projectId, identityId);
}
