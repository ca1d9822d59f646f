import assert from "node:assert/strict";
import type { Cookie, Page } from "playwright-core";

export const OWNER = {
  name: "Ada Lovelace",
  email: "owner@example.test",
  password: "correct horse battery staple",
  workspace: "Acme Corp",
};

/** Fills and submits the setup form; lands in the new workspace. */
export async function completeSetup(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/setup`);
  await page.getByLabel(/^(Your name|Ihr Name)$/).fill(OWNER.name);
  await page.getByLabel(/^(Email address|E-Mail-Adresse)$/).fill(OWNER.email);
  await page.getByLabel(/^(Password|Passwort)$/).fill(OWNER.password);
  await page.getByLabel(/^(Workspace name|Name des Workspace)$/).fill(OWNER.workspace);
  await Promise.all([page.waitForURL(/\/console\/workspaces\/[0-9a-f-]{36}$/), page.getByRole("button", { name: /Create owner|Eigentümer/ }).click()]);
}

/** Where the console's sign-in happens: the built-in platform project's hosted login page. */
export const CONSOLE_LOGIN_PATH = "/p/console/ui/login";

/** Waits until the browser shows the console's sign-in (after /console/login and the self-service redirects). */
export async function atConsoleLogin(page: Page): Promise<URL> {
  await page.waitForURL((url) => url.pathname === CONSOLE_LOGIN_PATH && url.searchParams.has("flow"), { waitUntil: "load" });
  return new URL(page.url());
}

/** Signs in on the console's sign-in page (the page must show it); does not wait for where it lands. */
export async function signIn(page: Page, email = OWNER.email, password = OWNER.password): Promise<void> {
  await page.locator('input[name="identifier"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"][name="method"][value="password"]').click();
}

// The owner's console session, kept for the next spec: every sign-in counts against the hosted login's
// per-identifier rate limit (lib/ratelimit: 10 per 5 minutes), which a whole e2e run would otherwise exceed.
let ownerCookies: Cookie[] = [];

/** Ensures this page's browser context has a console session: sets up the owner when needed, else signs in. */
export async function ensureSignedIn(page: Page, baseUrl: string): Promise<void> {
  if (ownerCookies.length) await page.context().addCookies(ownerCookies);
  await page.goto(`${baseUrl}/console`);
  if (new URL(page.url()).pathname === "/console") return;
  if (new URL(page.url()).pathname === "/setup") await completeSetup(page, baseUrl);
  else {
    assert.equal(new URL(page.url()).pathname, CONSOLE_LOGIN_PATH);
    await Promise.all([page.waitForURL(`${baseUrl}/console`), signIn(page)]);
  }
  ownerCookies = (await page.context().cookies()).filter((cookie) => cookie.name === "pc_console_session");
}

/** Creates a project through the console UI in the first workspace; returns its id and slug. */
export async function createProjectViaUi(page: Page, baseUrl: string, name: string, environment: "prod" | "stage" | "dev"): Promise<{ id: string; slug: string }> {
  await page.goto(`${baseUrl}/console`);
  await page.getByRole("list", { name: /workspaces/i }).getByRole("link").first().click();
  await page.waitForURL(/\/console\/workspaces\/[0-9a-f-]+$/);
  await page.getByLabel(/^(Project name|Projektname)$/).fill(name);
  await page.getByLabel(/^(Environment|Umgebung)$/).selectOption(environment);
  await Promise.all([page.waitForURL(/\/console\/projects\/[0-9a-f-]+$/), page.getByRole("button", { name: /^(Create project|Projekt anlegen)$/ }).click()]);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const slug = (await page.getByTestId("project-slug").textContent())!.trim();
  return { id, slug };
}
