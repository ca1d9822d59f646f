import assert from "node:assert/strict";
import type { SpecContext } from "../support/types";
import { contextFor, suffix, variants } from "../support/variants";

export const name = "screens: setup page — en/de × light/dark × desktop/mobile";

/** Runs first: the setup page exists only until the first owner is created (by the next spec). */
export async function run({ browser, baseUrl, screenshot, log }: SpecContext): Promise<void> {
  for (const v of variants) {
    const context = await contextFor(browser, v);
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/setup`);
      if (new URL(page.url()).pathname !== "/setup") {
        log("Portcullis is already set up on this app; the setup page cannot be shown");
        return;
      }
      assert.equal(await page.locator("html").getAttribute("lang"), v.locale);
      assert.equal(await page.locator("h1").textContent(), v.locale === "de" ? "Portcullis einrichten" : "Set up Portcullis");
      await page.getByLabel(v.locale === "de" ? "Passwort" : "Password").fill("tulipsunrise");
      await screenshot(page, `setup-${suffix(v)}`);
    } finally {
      await context.close();
    }
  }
}
