import assert from "node:assert/strict";
import type { Browser, BrowserContext } from "playwright-core";
import type { SpecContext } from "../support/types";
import { completeSetup, createProjectViaUi, signIn } from "../support/owner";

export const name = "screens: setup, login, console, project, keys — en/de × light/dark × desktop/mobile";

const locales = ["en", "de"] as const;
const schemes = ["light", "dark"] as const;
const viewports = { desktop: { width: 1280, height: 860 }, mobile: { width: 390, height: 844 } } as const;

type Variant = { locale: (typeof locales)[number]; scheme: (typeof schemes)[number]; device: keyof typeof viewports };
const variants: Variant[] = locales.flatMap((locale) =>
  schemes.flatMap((scheme) => (Object.keys(viewports) as Array<keyof typeof viewports>).map((device) => ({ locale, scheme, device }))),
);
const suffix = (v: Variant) => `${v.locale}-${v.scheme}-${v.device}`;

async function contextFor(browser: Browser, v: Variant, storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>) {
  return browser.newContext({
    locale: v.locale === "de" ? "de-DE" : "en-US",
    colorScheme: v.scheme,
    viewport: viewports[v.device],
    deviceScaleFactor: 1,
    isMobile: v.device === "mobile",
    hasTouch: v.device === "mobile",
    storageState,
  });
}

/** Pages in every locale, colour scheme and width, for looking at (and for spotting untranslated text). */
export async function run({ browser, screenshot, startFreshApp, log }: SpecContext): Promise<void> {
  // The setup page only exists before the first owner: use an app of our own.
  const app = await startFreshApp();
  const { baseUrl } = app;
  try {
    for (const v of variants) {
      const context = await contextFor(browser, v);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/setup`);
      assert.equal(await page.locator("html").getAttribute("lang"), v.locale);
      await screenshot(page, `setup-${suffix(v)}`);
      await context.close();
    }

    const owner = await browser.newContext({ locale: "en-US" });
    const ownerPage = await owner.newPage();
    await completeSetup(ownerPage, baseUrl);
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
      await screenshot(loginPage, `login-${suffix(v)}`);
      if (v.scheme === "light" && v.device === "desktop") {
        await signIn(loginPage, "owner@example.test", "not the password");
        await loginPage.getByRole("alert").waitFor();
        await screenshot(loginPage, `login-error-${suffix(v)}`);
      }
      await anonymous.close();

      const context = await contextFor(browser, v, session);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/console`);
      await screenshot(page, `console-${suffix(v)}`);
      await page.goto(`${baseUrl}/console/projects/${project.id}`);
      await page.getByTestId("health-status").getByText("OK").first().waitFor();
      await screenshot(page, `project-${suffix(v)}`);
      if (v.device === "mobile") {
        await page.getByText(v.locale === "de" ? "Menü" : "Menu").click();
        await screenshot(page, `project-menu-${suffix(v)}`, { fullPage: false });
      }
      await page.goto(`${baseUrl}/console/projects/${project.id}/api-keys`);
      await screenshot(page, `keys-${suffix(v)}`);
      await page.goto(`${baseUrl}/console/projects/${project.id}/audit`);
      await screenshot(page, `audit-${suffix(v)}`);
      await context.close();
    }
  } finally {
    await app.stop();
  }
}
