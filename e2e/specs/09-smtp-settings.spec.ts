import assert from "node:assert/strict";
import { startMailCatcher } from "@/lib/courier/mail-catcher";
import { createProjectViaUi, ensureSignedIn, OWNER } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "courier: no-SMTP notice, SMTP settings saved (password never shown again), test email arrives at a real SMTP server";

export async function run({ browser, baseUrl, screenshot }: SpecContext): Promise<void> {
  const mail = await startMailCatcher();
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await ensureSignedIn(page, baseUrl);
    const project = await createProjectViaUi(page, baseUrl, "Mail", "dev");
    await page.goto(`${baseUrl}/console/projects/${project.id}/courier`);
    await page.getByTestId("no-smtp-notice").waitFor();
    // Breadcrumbs go down to the section.
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    assert.equal(await crumbs.locator('[aria-current="page"]').textContent(), "Courier");

    // A URI that is not SMTP is refused on the field.
    await page.getByLabel("Connection URI").fill("https://mail.example");
    await page.getByRole("button", { name: "Save mail settings" }).click();
    await page.getByText("Use a URI like smtps://").waitFor();

    const uri = new URL(mail.connectionUri);
    uri.username = "mailer";
    uri.password = "hunter2-secret";
    await page.getByLabel("Connection URI").fill(uri.toString());
    await page.getByLabel("Sender address").fill("auth@mail.example");
    await page.getByLabel("Sender name").fill("Mail project");
    await page.getByRole("button", { name: "Save mail settings" }).click();
    await page.getByRole("status").filter({ hasText: "Mail settings saved" }).waitFor();
    await page.reload();
    assert.equal(await page.getByTestId("no-smtp-notice").count(), 0);
    const shown = await page.getByLabel("Connection URI").inputValue();
    assert.ok(!shown.includes("hunter2"), `the stored password is never shown: ${shown}`);
    assert.ok(!(await page.content()).includes("hunter2"));

    await page.getByRole("button", { name: "Send test email" }).click();
    await page.getByTestId("smtp-test-result").getByText(`Sent to ${OWNER.email}`).waitFor();
    const received = await mail.waitFor(OWNER.email);
    assert.match(received.raw, /Subject: Test message from Mail/);
    assert.match(received.raw, /From: "?Mail project"? <auth@mail\.example>/);
    await screenshot(page, "courier-smtp-settings", { fullPage: true });
  } finally {
    await context.close();
    await mail.close();
  }
}
