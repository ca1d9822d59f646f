import assert from "node:assert/strict";
import path from "node:path";
import { Configuration, ProjectApi } from "@ory/client-fetch";
import { startAppServer } from "../support/app-server";
import { hosted } from "../support/hosted";
import { completeSetup } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "new user, first hour: fresh install → setup → first project → Get started → an end user signs up → the email in Courier → SDK call with a workspace key made in the console";

/** Its own fresh install (own data directory, embedded database), so the setup page is really the first thing seen. */
export async function run({ browser, screenshot, log }: SpecContext): Promise<void> {
  const app = await startAppServer(path.resolve(import.meta.dirname, "../.."));
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  try {
    const baseUrl = app.baseUrl;
    await page.goto(baseUrl);
    assert.equal(new URL(page.url()).pathname, "/setup");
    await completeSetup(page, baseUrl);
    log("fresh install set up; landed in the workspace");

    // The workspace's empty state points at the first project.
    await page.getByRole("link", { name: "Create your first project" }).click();
    await page.getByLabel("Project name").fill("Storefront");
    await page.getByLabel("Environment").selectOption("dev");
    await Promise.all([page.waitForURL(/\/console\/projects\/[0-9a-f-]+$/), page.getByRole("button", { name: "Create project" }).click()]);
    const projectId = new URL(page.url()).pathname.split("/").pop()!;
    const slug = (await page.getByTestId("project-slug").textContent())!.trim();
    const projectBase = `${baseUrl}/p/${slug}`;
    assert.match((await page.getByTestId("sdk-snippet").textContent()) ?? "", new RegExp(`basePath: "${projectBase}"`));
    await screenshot(page, "new-user-get-started", { fullPage: true });

    // Get started → Sign up: an end user registers on the hosted page.
    const signUp = await page.getByTestId("get-started-links").getByRole("link", { name: "Sign up" }).getAttribute("href");
    const endUser = await context.newPage();
    await endUser.goto(signUp!);
    await hosted.at(endUser, "registration");
    const email = `first-user-${Date.now().toString(36)}@example.test`;
    await endUser.locator('input[name="traits.email"]').fill(email);
    await endUser.locator('input[name="password"]').fill("a long and unusual passphrase 7");
    await hosted.submit(endUser, "password");
    log(`end user ${email} signed up`);
    await endUser.close();

    // Without SMTP the verification mail waits in Courier, where the Get started card pointed.
    await page.getByRole("link", { name: /See the emails the project sends in Courier/ }).click();
    await page.waitForURL(`${baseUrl}/console/projects/${projectId}/courier`);
    await page.getByTestId("no-smtp-notice").waitFor();
    await page.getByTestId("courier-table").getByRole("row").filter({ hasText: email }).first().waitFor();
    await screenshot(page, "new-user-courier", { fullPage: true });

    // A workspace key made in the console drives Ory's SDK.
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").nth(1).click();
    await page.waitForURL(/\/console\/workspaces\/[0-9a-f-]+$/);
    await page.getByRole("link", { name: "API keys" }).click();
    await page.getByLabel("Key name").fill("first SDK call");
    await page.getByRole("button", { name: "Create key" }).click();
    const token = await page.getByRole("dialog").getByTestId("new-api-key").inputValue();
    const projects = await new ProjectApi(new Configuration({ basePath: `${baseUrl}/api/console`, accessToken: token })).listProjects();
    assert.deepEqual(projects.map((p) => p.slug), [slug]);
    log("SDK listed the project with the console-made workspace key");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await app.stop();
  }
}
