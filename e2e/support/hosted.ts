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

/**
 * The default config writes the hosted page URLs relative to the project base URL ("/ui/login"); lib/flows
 * resolves them against the origin instead (dropping "/p/{slug}"). Until that is fixed there, specs pin
 * absolute URLs — what an operator would configure for their own UI — so it tests the pages, not that bug.
 */
export function absoluteUiUrls(baseUrl: string, slug: string) {
  const ui = (page: string) => `${baseUrl}/p/${slug}/ui/${page}`;
  const flows = "/services/identity/config/selfservice/flows";
  return [
    ...["login", "registration", "recovery", "verification", "settings", "error"].map((kind) => ({ op: "add", path: `${flows}/${kind}/ui_url`, value: ui(kind) })),
    { op: "add", path: "/services/identity/config/selfservice/default_browser_return_url", value: ui("welcome") },
    { op: "add", path: `${flows}/logout/after/default_browser_return_url`, value: ui("login") },
  ];
}

