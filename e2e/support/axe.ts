import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string | null;
  nodes: Array<{ html: string; failureSummary?: string }>;
}

/**
 * Runs axe-core (WCAG 2.x rules) on the page as it is and returns its serious and critical violations, readable.
 * The script is evaluated through the DevTools protocol, so the pages' strict CSP needs no exception.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  }) as Violation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => `${n.html.slice(0, 140)} — ${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 200)}`).join(" | ")}`);
}
