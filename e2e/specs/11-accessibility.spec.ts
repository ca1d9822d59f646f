import assert from "node:assert/strict";
import { seriousViolations } from "../support/axe";
import { createProjectViaUi, ensureSignedIn } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "accessibility: axe-core finds no serious or critical violation on any console or hosted page, light and dark";

const projectSections = ["", "/identities", "/identities/new", "/identities/settings", "/authentication", "/oauth2", "/branding", "/courier", "/api-keys", "/service-keys", "/members", "/permissions", "/gateway", "/audit"];

export async function run({ browser, baseUrl, log }: SpecContext): Promise<void> {
  const setup = await browser.newContext({ locale: "en-US" });
  const first = await setup.newPage();
  await ensureSignedIn(first, baseUrl);
  const project = await createProjectViaUi(first, baseUrl, "Accessible", "dev");
  const workspace = (await first.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").nth(1).getAttribute("href"))!;
  const cookies = await setup.cookies();
  await setup.close();

  const pages = [
    "/console", workspace, `${workspace}/members`, `${workspace}/api-keys`, `${workspace}/audit`,
    ...projectSections.map((section) => `/console/projects/${project.id}${section}`),
    "/console/no-such-page",
    ...["login", "registration", "recovery", "verification", "welcome"].map((page) => `/p/${project.slug}/ui/${page}`),
    `/p/${project.slug}/ui/error?error=invalid_client&error_description=The%20client%20does%20not%20exist.`,
    "/p/console/ui/settings",
  ];
  const problems: string[] = [];
  // A context per colour scheme, set before the first paint: no colour transition is caught half-way.
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ locale: "en-US", colorScheme, reducedMotion: "reduce", viewport: { width: 1280, height: 900 } });
    await context.addCookies(cookies);
    const page = await context.newPage();
    try {
      for (const path of pages) {
        await page.goto(`${baseUrl}${path}`);
        await page.waitForLoadState("networkidle");
        for (const violation of await seriousViolations(page)) problems.push(`${colorScheme} ${path}: ${violation}`);
      }
    } finally {
      await context.close();
    }
  }
  log(`${pages.length} pages × 2 colour schemes checked`);
  assert.deepEqual(problems, []);
}
