import assert from "node:assert/strict";
import type { SpecContext } from "../support/types";
import { atConsoleLogin, createProjectViaUi, ensureSignedIn, signIn } from "../support/owner";
import { contextFor, suffix, variants } from "../support/variants";
import type { Page } from "playwright-core";

/** Nothing may make a phone-width page scroll sideways (wide tables scroll inside their own region). */
async function assertNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return Array.from(document.querySelectorAll<HTMLElement>("body *"))
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length > 0 && !el.closest("details:not([open])"))
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} → ${Math.round(el.getBoundingClientRect().right)}px`);
  });
  assert.deepEqual(overflow, [], `${label} scrolls sideways`);
}

export const name = "screens: login, console, project, keys, audit — en/de × light/dark × desktop/mobile, fr/ja project and audit";

/** Pages in every locale, colour scheme and width, for looking at (and for spotting untranslated text). */
export async function run({ browser, baseUrl, screenshot, log }: SpecContext): Promise<void> {
  const owner = await browser.newContext({ locale: "en-US" });
  const ownerPage = await owner.newPage();
  await ensureSignedIn(ownerPage, baseUrl);
  const project = await createProjectViaUi(ownerPage, baseUrl, "Storefront", "prod");
  await ownerPage.goto(`${baseUrl}/console/projects/${project.id}/api-keys`);
  for (const keyName of ["CI deploy", "Backend"]) {
    await ownerPage.getByLabel("Key name").fill(keyName);
    await ownerPage.getByRole("button", { name: "Create key" }).click();
    const dialog = ownerPage.getByRole("dialog");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "I have copied it" }).click();
    await dialog.waitFor({ state: "hidden" });
  }
  const session = await owner.storageState();
  await owner.close();
  log(`project ${project.slug} with two keys`);

  for (const v of variants) {
    const anonymous = await contextFor(browser, v);
    const loginPage = await anonymous.newPage();
    await loginPage.goto(`${baseUrl}/console/login`);
    await atConsoleLogin(loginPage);
    await screenshot(loginPage, `login-${suffix(v)}`);
    if (v.device === "mobile") await assertNoSidewaysScroll(loginPage, `login-${suffix(v)}`);
    if (v.scheme === "light" && v.device === "desktop") {
      await Promise.all([loginPage.waitForNavigation({ waitUntil: "load" }), signIn(loginPage, "someone@example.test", "not the password")]);
      await loginPage.locator('[data-message-id="4000006"]').filter({ hasText: /invalid|ungültig/ }).first().waitFor();
      await screenshot(loginPage, `login-error-${suffix(v)}`);
    }
    await anonymous.close();

    const context = await contextFor(browser, v, session);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/console`);
    await screenshot(page, `console-${suffix(v)}`);
    if (v.device === "mobile") await assertNoSidewaysScroll(page, `console-${suffix(v)}`);
    await page.goto(`${baseUrl}/console/projects/${project.id}`);
    await page.getByTestId("health-status").getByText("OK").first().waitFor();
    await screenshot(page, `project-${suffix(v)}`);
    if (v.device === "mobile") await assertNoSidewaysScroll(page, `project-${suffix(v)}`);
    if (v.device === "mobile") {
      await page.locator("header summary").click();
      await screenshot(page, `project-menu-${suffix(v)}`, { fullPage: false });
    }
    await page.goto(`${baseUrl}/console/projects/${project.id}/api-keys`);
    await screenshot(page, `keys-${suffix(v)}`);
    if (v.device === "mobile") await assertNoSidewaysScroll(page, `keys-${suffix(v)}`);
    await page.goto(`${baseUrl}/console/projects/${project.id}/audit`);
    await screenshot(page, `audit-${suffix(v)}`);
    if (v.device === "mobile") await assertNoSidewaysScroll(page, `audit-${suffix(v)}`);
    if (v.device === "mobile") {
      // The events stack under md: the table's own region does not scroll sideways either.
      const inner = await page.getByTestId("audit-table").evaluate((table) => (table.parentElement ? table.parentElement.scrollWidth - table.parentElement.clientWidth : 0));
      assert.ok(inner <= 0, `audit-${suffix(v)}: the events table scrolls sideways by ${inner}px`);
    }
    await context.close();
  }

  // The console in the other hosted locales: translated (not English fallback), and French's longer words
  // still fit a phone's width.
  for (const { locale, tag, overview, healthy } of translatedConsoles) {
    for (const device of ["desktop", "mobile"] as const) {
      const mobile = device === "mobile";
      const viewport = mobile ? { width: 390, height: 844 } : { width: 1280, height: 860 };
      const context = await browser.newContext({ locale: tag, viewport, isMobile: mobile, hasTouch: mobile, storageState: session });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/console/projects/${project.id}`);
      assert.equal(await page.locator("html").getAttribute("lang"), locale);
      await page.getByRole("heading", { name: overview }).first().waitFor();
      await page.getByTestId("health-status").getByText(healthy).first().waitFor();
      await screenshot(page, `project-${locale}-light-${device}`);
      if (mobile) await assertNoSidewaysScroll(page, `project-${locale}-light-${device}`);
      else {
        await page.goto(`${baseUrl}/console/projects/${project.id}/audit`);
        await screenshot(page, `audit-${locale}-light-${device}`);
      }
      await context.close();
    }
  }
  log("project and audit pages in fr and ja");
}

const translatedConsoles = [
  { locale: "fr", tag: "fr-FR", overview: "Vue d’ensemble", healthy: "OK" },
  { locale: "ja", tag: "ja-JP", overview: "概要", healthy: "正常" },
] as const;
