import type { Browser, Page } from "playwright-core";

export interface SpecContext {
  browser: Browser;
  /** Origin of the app under test, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** Saves a PNG to e2e/screenshots/<name>.png and returns its path. */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<string>;
  log(message: string): void;
}

/** A spec module exports a name and a run function; assertions use node:assert. */
export interface Spec {
  name: string;
  run(context: SpecContext): Promise<void>;
}
