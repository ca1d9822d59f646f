import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import type { SpecContext } from "../support/types";
import { atConsoleLogin, createProjectViaUi, ensureSignedIn, signIn } from "../support/owner";

export const name = "keyboard and accessibility: tab order, focus visible, dialogs, labels, no-JS forms";

interface Focused {
  key: string;
  visible: boolean;
  outline: string;
}

/** Tabs through the page from the top; returns a description of every element that got focus. */
async function tabThrough(page: Page, max = 80): Promise<Focused[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const seen: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      const text = (el.getAttribute("aria-label") || el.textContent || (el as HTMLInputElement).name || el.id || el.tagName).trim().slice(0, 40);
      return {
        key: `${el.tagName.toLowerCase()}:${text}`,
        visible: rect.width > 0 && rect.height > 0,
        outline: `${style.outlineStyle} ${style.outlineWidth}`,
        marker: el.dataset.tabMarker ?? "",
      };
    });
    if (!focused) break;
    if (seen.some((s) => s.key === focused.key) && seen[0]?.key === focused.key) break;
    seen.push(focused);
    await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (el) el.dataset.tabMarker = "1";
    });
  }
  return seen;
}

/** Every enabled, visible interactive element of the page, as tabThrough describes them. */
async function interactive(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>("a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, summary, [tabindex='0']"))
      .filter((el) => {
        const rect = el.getBoundingClientRect();
        return rect.width > 0 && rect.height > 0 && !el.closest("dialog:not([open])") && getComputedStyle(el).visibility !== "hidden";
      })
      .map((el) => `${el.tagName.toLowerCase()}:${(el.getAttribute("aria-label") || el.textContent || (el as HTMLInputElement).name || el.id || el.tagName).trim().slice(0, 40)}`),
  );
}

async function assertKeyboardReachesEverything(page: Page, label: string): Promise<void> {
  const reached = await tabThrough(page);
  const keys = reached.map((r) => r.key);
  const missing = (await interactive(page)).filter((key) => !keys.includes(key));
  assert.deepEqual(missing, [], `${label}: not reachable with Tab: ${missing.join(", ")}`);
  const invisible = reached.filter((r) => !r.visible && !r.key.startsWith("a:Skip")).map((r) => r.key);
  assert.deepEqual(invisible, [], `${label}: focus went to invisible elements`);
  const noOutline = reached.filter((r) => r.outline.startsWith("none")).map((r) => r.key);
  assert.deepEqual(noOutline, [], `${label}: focused without a visible focus indicator`);
}

async function assertLabelled(page: Page, label: string): Promise<void> {
  const unlabelled = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input:not([type=hidden]), select, textarea"))
      .filter((el) => !(el.labels && el.labels.length > 0) && !el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby"))
      .map((el) => el.name || el.id),
  );
  assert.deepEqual(unlabelled, [], `${label}: inputs without a label`);
}

export async function run({ browser, baseUrl, log }: SpecContext): Promise<void> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await ensureSignedIn(page, baseUrl);
    const project = await createProjectViaUi(page, baseUrl, "Keyboard", "dev");

    // The skip link comes first and moves focus to the main region.
    await page.goto(`${baseUrl}/console/projects/${project.id}`);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
    assert.ok(await page.evaluate(() => (document.activeElement as HTMLElement).getBoundingClientRect().width > 0), "skip link visible on focus");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");

    for (const path of ["", "/api-keys", "/members", "/audit"]) {
      await page.goto(`${baseUrl}/console/projects/${project.id}${path}`);
      await assertLabelled(page, path || "overview");
      await assertKeyboardReachesEverything(page, path || "overview");
    }
    await page.goto(`${baseUrl}/console`);
    await assertLabelled(page, "console home");
    await assertKeyboardReachesEverything(page, "console home");
    log("tab order reaches every control on the console pages");

    // Keyboard only: create a key, close the dialog with Escape, open the revoke dialog, cancel, confirm.
    await page.goto(`${baseUrl}/console/projects/${project.id}/api-keys`);
    await page.getByLabel("Key name").focus();
    await page.keyboard.type("keyboard key");
    await page.keyboard.press("Enter");
    const created = page.getByRole("dialog", { name: /created/ });
    await created.waitFor();
    // Focus starts on the new key, selected, so Ctrl+C copies it.
    assert.equal(await page.evaluate(() => document.activeElement?.id), "new-api-key", "focus starts in the dialog");
    assert.match(await page.evaluate(() => String(window.getSelection()) || (document.activeElement as HTMLInputElement).value.slice((document.activeElement as HTMLInputElement).selectionStart ?? 0, (document.activeElement as HTMLInputElement).selectionEnd ?? 0)), /^pc_pat_/);
    await page.keyboard.press("Escape");
    await created.waitFor({ state: "hidden" });
    assert.equal(await page.evaluate(() => document.activeElement?.id), "api-key-name", "focus returns to the form");

    const revoke = page.getByRole("button", { name: "Revoke API key keyboard key" });
    await revoke.focus();
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("dialog", { name: /Revoke/ });
    await confirm.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Cancel", "the safe choice has focus");
    await page.keyboard.press("Escape");
    await confirm.waitFor({ state: "hidden" });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Revoke API key keyboard key", "focus returns to the trigger");
    // The dialog's owner learns of the Escape from the `close` event, a task after the element closed.
    await page.waitForFunction(() => !document.querySelector('dialog[data-open="true"]'));
    await page.keyboard.press("Enter");
    await confirm.waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "revoked" }).waitFor();
    log("dialogs: focus moves in, Escape closes, focus returns");

    // Mobile: the sidebar becomes a menu that opens with the keyboard.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/console/projects/${project.id}`);
    const menu = page.locator("summary", { hasText: "Menu" });
    await menu.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Members" }).click();
    await page.waitForURL(`${baseUrl}/console/projects/${project.id}/members`);
  } finally {
    await context.close();
  }

  // Without scripts the console's sign-in (the platform project's hosted login) still works and reports errors.
  const noScript = await browser.newContext({ locale: "en-US", javaScriptEnabled: false });
  try {
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}/console/login`);
    await atConsoleLogin(page);
    await assertLabelled(page, "login");
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), signIn(page, "no-script@example.test", "definitely wrong")]);
    await page.locator('[data-message-id="4000006"]').filter({ hasText: "The provided credentials are invalid" }).first().waitFor();
    assert.equal(await page.locator('input[name="identifier"]').inputValue(), "no-script@example.test");
    await Promise.all([page.waitForURL(`${baseUrl}/console`), signIn(page)]);
    log("no-JS login reports the error, then signs in through the handoff");
  } finally {
    await noScript.close();
  }
}
