import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { codeInMail, type MailCatcher } from "@/lib/courier/mail-catcher";

/** Helpers for driving a project's hosted pages (/p/{slug}/ui/…) by their Ory node names. */
export const hosted = {
  url: (baseUrl: string, slug: string, page: string, query = "") => `${baseUrl}/p/${slug}/ui/${page}${query ? `?${query}` : ""}`,

  /** Waits until the browser shows hosted page `name` (after the self-service redirects). */
  async at(page: Page, name: string): Promise<URL> {
    await page.waitForURL((url) => url.pathname.endsWith(`/ui/${name}`), { waitUntil: "load" });
    return new URL(page.url());
  },

  /** Clicks the submit button of a method (`method=password`, `method=code`, `method=profile`) and waits for the 303 to land. */
  async submit(page: Page, method: string, section?: string): Promise<void> {
    const scope = section ? page.locator(`form[data-group="${section}"]`) : page;
    const button = scope.locator(`button[type="submit"][name="method"][value="${method}"]`).first();
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), button.click()]);
  },

  /** The flow-level messages' ids, e.g. [1080003]. */
  async messageIds(page: Page): Promise<number[]> {
    const ids = await page.locator("[data-message-id]").evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute("data-message-id"))));
    return ids;
  },

  async expectMessage(page: Page, id: number): Promise<void> {
    await page.locator(`[data-message-id="${id}"]`).first().waitFor({ timeout: 15_000 });
  },

  /** The newest mail with a code to `email` (after `since` mails), and the code in it. */
  async mailedCode(mail: MailCatcher, email: string, since: number): Promise<string> {
    const message = await mail.waitFor(email, (m) => mail.mails.indexOf(m) >= since && Boolean(codeInMail(m)), 60_000);
    const code = codeInMail(message);
    assert.ok(code, "the mail carries a code");
    return code;
  },
};
