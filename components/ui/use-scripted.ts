"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False in the server render and during hydration, true afterwards — and true at once for components
 * mounted later. Lets a component render a no-script fallback without a flash once scripts run.
 */
export function useScripted(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
