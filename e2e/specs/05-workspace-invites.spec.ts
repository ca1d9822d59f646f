import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { atConsoleLogin, ensureSignedIn, signIn } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "console: invite a workspace member (link shown once, email queued), accept with a new account, sign in; revoked link refused";

async function shots(page: Page, shot: SpecContext["screenshot"], name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await shot(page, `invite-${name}-${scheme}`, { fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Invites `email` as `role` on the members page; returns the link from the dialog and closes it. */
async function invite(page: Page, email: string, role: string): Promise<string> {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role").selectOption(role);
  await page.getByRole("button", { name: "Send invitation" }).click();
  const dialog = page.getByRole("dialog", { name: `Invitation for ${email}` });
  await dialog.waitFor();
  const link = await dialog.getByTestId("invite-link").inputValue();
  assert.match(link, /\/console\/invite\/pc_inv_[\w-]{43}$/);
  assert.match((await dialog.getByTestId("invite-email-status").textContent()) ?? "", /No mail server is configured/);
  return link;
}

export async function run({ browser, baseUrl, screenshot, log }: SpecContext): Promise<void> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  try {
    await ensureSignedIn(page, baseUrl);
    await page.getByRole("list", { name: /workspaces/i }).getByRole("link").first().click();
    await page.waitForURL(/\/console\/workspaces\/[0-9a-f-]+$/);
    await page.getByRole("link", { name: "Members" }).click();
    await page.waitForURL(/\/members$/);
    const membersUrl = page.url();

    const stamp = Date.now().toString(36);
    const newcomer = `dev-${stamp}@example.test`;
    const firstLink = await invite(page, newcomer, "developer");
    await shots(page, screenshot, "link-dialog");
    await page.getByRole("button", { name: "Done" }).click();
    const row = page.getByTestId("pending-invites").getByRole("row").filter({ hasText: newcomer });
    await row.getByText("Not sent (no SMTP)").waitFor();
    await row.getByText("Developer").waitFor();
    // Resending makes a new link (shown once); the first one stops working.
    await page.getByRole("button", { name: `Resend the invitation to ${newcomer}` }).click();
    const resent = page.getByRole("dialog", { name: `Invitation for ${newcomer}` });
    const link = await resent.getByTestId("invite-link").inputValue();
    assert.notEqual(link, firstLink);
    await resent.getByRole("button", { name: "Done" }).click();

    const revokedEmail = `gone-${stamp}@example.test`;
    const revokedLink = await invite(page, revokedEmail, "viewer");
    await page.getByRole("button", { name: "Done" }).click();
    await shots(page, screenshot, "members-page");
    await page.getByRole("button", { name: `Revoke the invitation to ${revokedEmail}` }).click();
    await page.getByRole("dialog", { name: `Revoke the invitation to ${revokedEmail}?` }).getByRole("button", { name: "Revoke invitation" }).click();
    await page.getByTestId("pending-invites").getByRole("cell", { name: revokedEmail, exact: true }).waitFor({ state: "detached" });

    // The invitee, in their own browser: the accept page, a new account, straight into the workspace.
    const invitee = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    try {
      const guest = await invitee.newPage();
      guest.on("pageerror", (error) => problems.push(`invitee page error: ${error.message}`));
      await guest.goto(link);
      await guest.getByRole("heading", { name: /^Join / }).waitFor();
      await guest.getByText(newcomer).first().waitFor();
      await shots(guest, screenshot, "accept-page");
      const german = await browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 } });
      try {
        const seite = await german.newPage();
        await seite.goto(link);
        await seite.getByRole("heading", { name: /beitreten$/ }).waitFor();
        await shots(seite, screenshot, "accept-page-de-mobile");
      } finally {
        await german.close();
      }
      await guest.getByLabel("Your name").fill("Grace Hopper");
      await guest.getByLabel("Password", { exact: true }).fill(newcomer);
      await guest.getByRole("button", { name: "Create account and join" }).click();
      await guest.getByText("too similar").waitFor();
      await shots(guest, screenshot, "accept-policy-error");
      await guest.getByLabel("Password", { exact: true }).fill("a long and unusual passphrase 42");
      await Promise.all([guest.waitForURL(/\/console\/workspaces\/[0-9a-f-]+$/), guest.getByRole("button", { name: "Create account and join" }).click()]);
      await guest.getByText("Developer").first().waitFor();

      // The link is used now; a replaced one is unknown, a revoked one says so.
      await guest.goto(firstLink);
      await guest.getByRole("heading", { name: "This invitation link is not valid" }).waitFor();
      await guest.goto(revokedLink);
      await guest.getByRole("heading", { name: "This invitation was revoked" }).waitFor();
      await shots(guest, screenshot, "revoked");

      // The new member signs in through the console's hosted login with the chosen password.
      await invitee.clearCookies();
      await guest.goto(`${baseUrl}/console/login`);
      await atConsoleLogin(guest);
      await Promise.all([guest.waitForURL(`${baseUrl}/console`), signIn(guest, newcomer, "a long and unusual passphrase 42")]);
      log(`${newcomer} signed in after accepting`);
    } finally {
      await invitee.close();
    }

    await page.goto(membersUrl);
    await page.getByTestId("workspace-members").getByText(newcomer).waitFor();
    await context.addCookies([{ name: "pc_locale", value: "de", url: baseUrl }]);
    await page.reload();
    await page.getByRole("heading", { name: "Mitglieder", level: 1 }).waitFor();
    await shots(page, screenshot, "members-page-de");
    assert.equal(await page.getByRole("cell", { name: newcomer, exact: true }).count(), 1);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}
