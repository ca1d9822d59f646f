import assert from "node:assert/strict";
import { createProjectViaUi, ensureSignedIn } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "console: keys for the tenant's API (issue with scopes and expiry, shown once, usage, revoke) in en and de";

export async function run({ browser, baseUrl, screenshot, log }: SpecContext): Promise<void> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let projectId = "";
  try {
    await ensureSignedIn(page, baseUrl);
    const project = await createProjectViaUi(page, baseUrl, "Service keys", "dev");
    projectId = project.id;
    log(`project ${project.slug}`);

    // A management key, to call the API key service's admin API from the test.
    await page.goto(`${baseUrl}/console/projects/${project.id}/api-keys`);
    await page.getByLabel("Key name").fill("admin");
    await page.getByRole("button", { name: "Create key" }).click();
    const adminDialog = page.getByRole("dialog", { name: /API key “admin” created/ });
    const adminKey = await adminDialog.getByTestId("new-api-key").inputValue();
    await adminDialog.getByRole("button", { name: "I have copied it" }).click();
    const verify = async (credential: string) => {
      const response = await fetch(`${baseUrl}/p/${project.slug}/v2alpha1/admin/apiKeys:verify`, {
        method: "POST", headers: { authorization: `Bearer ${adminKey}`, "content-type": "application/json" }, body: JSON.stringify({ credential }),
      });
      assert.equal(response.status, 200);
      return (await response.json()) as { is_valid: boolean; scopes?: string[]; error_code?: string };
    };

    // The page is its own, separate from the management keys.
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Keys for your API" }).click();
    await page.waitForURL(`${baseUrl}/console/projects/${project.id}/service-keys`);
    await page.getByText("No keys for your API yet").waitFor();
    await page.getByLabel("Key name").fill("Acme production");
    await page.getByLabel("Scopes").fill("orders:read orders:write");
    await page.getByLabel("Expires").selectOption("30d");
    await page.getByRole("button", { name: "Issue key" }).click();
    const dialog = page.getByRole("dialog", { name: /API key “Acme production” created/ });
    const secret = await dialog.getByTestId("new-api-key").inputValue();
    assert.match(secret, /^pc_sk_[0-9A-Za-z]{46}$/);
    await dialog.getByRole("button", { name: "I have copied it" }).click();
    await dialog.waitFor({ state: "hidden" });
    assert.equal(await page.getByTestId("new-api-key").count(), 0, "the secret is not on the page any more");

    const checked = await verify(secret);
    assert.equal(checked.is_valid, true);
    assert.deepEqual(checked.scopes, ["orders:read", "orders:write"]);
    await verify(secret);
    // Usage is written in batches (about a second): reload until the sparkline counts both verifications.
    const row = page.getByRole("row").filter({ hasText: "Acme production" });
    for (let i = 0; i < 20; i++) {
      await page.reload();
      if ((await row.getByRole("img", { name: /2 verifications in the last 14 days/ }).count()) > 0) break;
      await page.waitForTimeout(500);
    }
    await row.getByRole("img", { name: /2 verifications in the last 14 days/ }).waitFor();
    assert.match((await row.textContent()) ?? "", /orders:read orders:write/);
    assert.match((await row.textContent()) ?? "", /Active/);
    assert.match((await row.textContent()) ?? "", new RegExp(secret.slice(0, 10)));
    await screenshot(page, "service-keys-list");

    // Revoke with confirmation: the row stays, marked revoked; the key no longer verifies.
    await row.getByRole("button", { name: "Revoke API key Acme production" }).click();
    const confirm = page.getByRole("dialog", { name: /Revoke “Acme production”\?/ });
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await page.getByRole("status").filter({ hasText: "API key “Acme production” revoked" }).waitFor();
    await page.reload();
    await page.getByRole("row").filter({ hasText: "Acme production" }).getByText("Revoked").waitFor();
    let result = await verify(secret);
    // Another process may have cached the key for up to 5 s (README: revocation reaches other instances within the TTL).
    for (let i = 0; i < 14 && result.is_valid; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      result = await verify(secret);
    }
    assert.equal(result.error_code, "VERIFICATION_ERROR_REVOKED");
  } finally {
    await context.close();
  }

  // German.
  const de = await browser.newContext({ locale: "de-DE" });
  try {
    const page = await de.newPage();
    await ensureSignedIn(page, baseUrl);
    await page.goto(`${baseUrl}/console/projects/${projectId}`);
    await page.getByRole("navigation", { name: "Konsole" }).getByRole("link", { name: "Schlüssel für Ihre API" }).click();
    await page.getByRole("heading", { name: "Schlüssel für Ihre API ausstellen" }).waitFor();
    await page.getByRole("row").filter({ hasText: "Acme production" }).getByText("Widerrufen").waitFor();
    await screenshot(page, "service-keys-de");
  } finally {
    await de.close();
  }
}
