import assert from "node:assert/strict";
import { Configuration, ProjectApi } from "@ory/client-fetch";
import { ensureSignedIn } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "console: create a workspace API key with an expiry (shown once), use it with @ory/client-fetch, revoke it";

export async function run({ browser, baseUrl, screenshot }: SpecContext): Promise<void> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  try {
    await ensureSignedIn(page, baseUrl);
    await page.getByRole("list", { name: /workspaces/i }).getByRole("link").first().click();
    await page.waitForURL(/\/console\/workspaces\/[0-9a-f-]+$/);
    await page.getByRole("link", { name: "API keys" }).click();
    await page.waitForURL(/\/api-keys$/);
    await page.getByText("No API keys").waitFor();
    await screenshot(page, "workspace-api-keys-empty", { fullPage: true });

    await page.getByLabel("Key name").fill("CI deploy");
    await page.getByLabel("Expires").selectOption("30");
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    const token = await dialog.getByTestId("new-api-key").inputValue();
    assert.match(token, /^pc_wak_/);
    await screenshot(page, "workspace-api-keys-created");
    await dialog.getByRole("button", { name: "I have copied it" }).click();
    const row = page.getByTestId("workspace-api-keys-table").getByRole("row").filter({ hasText: "CI deploy" });
    await row.waitFor();
    const expires = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" });
    await row.getByText(expires).waitFor();

    // The key works with Ory's SDK against the console API …
    const api = new ProjectApi(new Configuration({ basePath: `${baseUrl}/api/console`, accessToken: token }));
    const projects = await api.listProjects();
    assert.ok(Array.isArray(projects));

    // … until it is revoked.
    await row.getByRole("button", { name: "Revoke API key CI deploy" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await page.getByText("No API keys").waitFor();
    await assert.rejects(api.listProjects());
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}
