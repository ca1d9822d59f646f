import assert from "node:assert/strict";
import { createProjectViaUi, ensureSignedIn } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "get started card; errors: favicon, branded 404s, project base URL, OAuth2 authorize errors on the localized hosted error page";

export async function run({ browser, baseUrl, screenshot }: SpecContext): Promise<void> {
  const favicon = await fetch(`${baseUrl}/favicon.ico`);
  assert.equal(favicon.status, 200);
  assert.match(favicon.headers.get("content-type") ?? "", /image\//);

  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await ensureSignedIn(page, baseUrl);
    const project = await createProjectViaUi(page, baseUrl, "Error pages", "dev");
    // The overview's Get started card: hosted pages and an SDK snippet with the real base URL.
    const projectBase = `${baseUrl}/p/${project.slug}`;
    assert.match((await page.getByTestId("sdk-snippet").textContent()) ?? "", new RegExp(`basePath: "${projectBase}"`));
    assert.equal(await page.getByTestId("get-started-links").getByRole("link", { name: "Sign up" }).getAttribute("href"), `${projectBase}/self-service/registration/browser`);
    await page.getByRole("link", { name: /See the emails the project sends in Courier/ }).waitFor();
    await screenshot(page, "project-get-started", { fullPage: true });

    for (const path of ["/console/no-such-page", "/no-such-page"]) {
      const response = await page.goto(`${baseUrl}${path}`);
      assert.equal(response?.status(), 404, path);
      await page.getByRole("heading", { name: "Not found" }).waitFor();
      await page.getByRole("link", { name: "Back to the console" }).waitFor();
    }
    await screenshot(page, "error-404");

    // Hosted pages: the tab title names the project; the password field can be shown.
    await page.goto(`${projectBase}/self-service/registration/browser`);
    await page.waitForURL(/\/ui\/registration\?flow=/);
    assert.equal(await page.title(), "Create your account · Error pages");
    const password = page.locator('input[name="password"]');
    await password.fill("visible secret 42");
    await page.getByRole("button", { name: "Show password" }).click();
    assert.equal(await password.getAttribute("type"), "text");
    await page.getByRole("button", { name: "Hide password" }).click();
    assert.equal(await password.getAttribute("type"), "password");

    // The project base URL in a browser: the account experience's welcome page.
    await page.goto(`${baseUrl}/p/${project.slug}`);
    assert.equal(new URL(page.url()).pathname, `/p/${project.slug}/ui/welcome`);

    // An authorization request that cannot be answered to the client lands on the hosted error page.
    const authorize = `${baseUrl}/p/${project.slug}/oauth2/auth?client_id=unknown-client&response_type=code&scope=openid`;
    await page.goto(authorize);
    assert.equal(new URL(page.url()).pathname, `/p/${project.slug}/ui/error`);
    await page.getByRole("alert").filter({ hasText: "The application’s request could not be completed: The client does not exist." }).waitFor();
    await screenshot(page, "error-oauth2-en");
    const german = await browser.newContext({ locale: "de-DE" });
    try {
      const dePage = await german.newPage();
      await dePage.goto(authorize);
      await dePage.getByRole("alert").filter({ hasText: "Die Anfrage der Anwendung konnte nicht ausgeführt werden" }).waitFor();
      await screenshot(dePage, "error-oauth2-de");
    } finally {
      await german.close();
    }
  } finally {
    await context.close();
  }
}
