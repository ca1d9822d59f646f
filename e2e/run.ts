import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { startAppServer, type AppServer } from "./support/app-server";
import type { Spec, SpecContext } from "./support/types";

/**
 * The end-to-end runner: starts the app as `npm start` runs it, drives Debian's Chromium through every
 * e2e/specs/*.spec.ts (optionally filtered by the names given as arguments), and prints
 * "N passed, N failed". Exits non-zero on any failure; always stops the server.
 */
const root = path.resolve(import.meta.dirname, "..");
const specDir = path.join(import.meta.dirname, "specs");
const screenshotDir = path.join(import.meta.dirname, "screenshots");
const SPEC_TIMEOUT_MS = 15 * 60_000;
/** E2E_DEV=1 runs the specs against `next dev` (for working on the UI); CI uses the production path. */
const dev = process.env.E2E_DEV === "1";
let currentSpec = "setup";

async function loadSpecs(filters: string[]): Promise<Array<Spec & { file: string }>> {
  const files = readdirSync(specDir).filter((f) => f.endsWith(".spec.ts")).sort();
  const chosen = filters.length ? files.filter((f) => filters.some((filter) => f.includes(filter))) : files;
  const specs = [];
  for (const file of chosen) {
    const mod = (await import(pathToFileURL(path.join(specDir, file)).href)) as Partial<Spec>;
    if (typeof mod.name !== "string" || typeof mod.run !== "function") throw new Error(`${file} must export name and run()`);
    specs.push({ name: mod.name, run: mod.run, file });
  }
  return specs;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000}s`)), ms);
    }),
  ]);
}

async function main(): Promise<number> {
  mkdirSync(screenshotDir, { recursive: true });
  const specs = await loadSpecs(process.argv.slice(2));
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  let passed = 0;
  let failed = 0;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
  };
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    console.log("e2e: starting the app (builds first when sources changed)…");
    const started = Date.now();
    server = await startAppServer(root, { dev });
    console.log(`e2e: app ready at ${server.baseUrl} after ${Math.round((Date.now() - started) / 1000)}s`);
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });
    // Generous timeouts: the machine is shared, and under `next dev` every first visit compiles a page.
    const timeout = dev ? 240_000 : 60_000;
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (options) => {
      const created = await newContext(options);
      created.setDefaultTimeout(timeout);
      created.setDefaultNavigationTimeout(timeout);
      // The last state of every page, for looking into failures (specs close their contexts in finally).
      const close = created.close.bind(created);
      created.close = async (closeOptions) => {
        const pages = created.pages();
        for (const [i, page] of pages.entries()) {
          await page.screenshot({ path: path.join(screenshotDir, `last-${currentSpec}-${i}.png`), timeout: 10_000 }).catch(() => undefined);
        }
        return close(closeOptions);
      };
      return created;
    };
    const context: SpecContext = {
      browser,
      baseUrl: server.baseUrl,
      screenshot: async (page, name, options) => {
        const file = path.join(screenshotDir, `${name}.png`);
        await page.screenshot({ path: file, fullPage: options?.fullPage ?? true });
        return file;
      },
      log: (message) => console.log(`    ${message}`),
    };
    for (const spec of specs) {
      currentSpec = spec.file.replace(/\.spec\.ts$/, "");
      const began = Date.now();
      try {
        await withTimeout(spec.run(context), SPEC_TIMEOUT_MS, spec.name);
        passed++;
        console.log(`✓ ${spec.name} (${((Date.now() - began) / 1000).toFixed(1)}s)`);
      } catch (error) {
        failed++;
        console.log(`✗ ${spec.name} (${spec.file})`);
        console.log(String(error instanceof Error ? error.stack ?? error.message : error).replace(/^/gm, "    "));
      }
    }
  } catch (error) {
    failed++;
    console.log(`✗ e2e setup: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (failed > 0 && server) console.log(`--- last app output ---\n${server.output().slice(-3000)}`);
    await stopAll();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
