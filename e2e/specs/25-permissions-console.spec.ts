import assert from "node:assert/strict";
import { createProjectViaUi, ensureSignedIn } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "permissions console: starter model, add a relationship, list and object graph, check, delete (issue 18 item 9)";

export async function run({ browser, baseUrl, screenshot }: SpecContext): Promise<void> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await ensureSignedIn(page, baseUrl);
    const project = await createProjectViaUi(page, baseUrl, "Docs", "dev");
    const url = `${baseUrl}/console/projects/${project.id}/permissions`;
    await page.goto(url);

    // An empty editor offers the three starter models; picking one fills the editor, saving stores it.
    const starters = page.getByTestId("starter-models");
    await starters.waitFor();
    assert.equal(await starters.getByRole("button").count(), 3);
    await screenshot(page, "permissions-starters", { fullPage: true });
    await page.getByRole("button", { name: "Use this model: Documents, folders and groups" }).click();
    assert.match(await page.getByLabel("OPL document").inputValue(), /class Document implements Namespace/);
    assert.equal(await starters.count(), 0, "the starters go away once the editor has text");
    await page.getByRole("button", { name: "Save namespaces" }).click();
    await page.getByRole("status").filter({ hasText: "Namespaces saved." }).waitFor();

    // The add form validates, then writes Document:readme#owners@alice.
    const form = page.getByTestId("relationship-form");
    await form.waitFor();
    await form.getByLabel("Namespace", { exact: true }).selectOption("Document");
    await form.getByRole("button", { name: "Add relationship" }).click();
    await form.getByText("This field is required").first().waitFor();
    await form.getByLabel("Object", { exact: true }).fill("readme");
    await form.getByLabel("Relation", { exact: true }).fill("owners");
    await form.getByLabel("Subject id", { exact: true }).fill("alice");
    await form.getByRole("button", { name: "Add relationship" }).click();
    await page.getByTestId("relationship-added").filter({ hasText: "Document:readme#owners@alice" }).waitFor();

    // A subject set too: Group:eng#members may view it.
    await form.getByLabel("A subject set").check();
    await form.getByLabel("Relation", { exact: true }).fill("viewers");
    await form.getByLabel("Subject namespace").selectOption("Group");
    await form.getByLabel("Subject object").fill("eng");
    await form.getByLabel("Subject relation").fill("members");
    await form.getByRole("button", { name: "Add relationship" }).click();
    await page.getByTestId("relationship-added").filter({ hasText: "Document:readme#viewers@Group:eng#members" }).waitFor();

    // Both appear in the list.
    const table = page.getByTestId("relationships-table");
    await table.getByText("Group:eng#members").waitFor();
    assert.equal(await table.locator("tbody tr").count(), 2);

    // The object graph: from the list, one level out, with a table alternative.
    await table.getByRole("link", { name: "readme" }).first().click();
    await page.getByTestId("object-graph").waitFor();
    const graphTable = page.getByTestId("object-graph-table");
    assert.deepEqual(
      (await graphTable.locator("tbody tr").allInnerTexts()).map((row) => row.split("\t").map((cell) => cell.trim())),
      [["owners", "alice", "Subject id"], ["viewers", "Group:eng#members", "Subject set"]],
    );
    assert.equal(await page.getByRole("img", { name: "Relationships of Document:readme" }).count(), 1);
    const shot = await screenshot(page, "permissions-object-graph", { fullPage: true });
    await page.getByTestId("object-graph").screenshot({ path: shot.replace(/\.png$/, "-svg.png") });
    assert.equal(await page.getByLabel("Namespace", { exact: true }).last().inputValue(), "Document", "the picker shows the object from the list");

    // Check: alice may edit (owner), bob may not.
    await page.getByLabel("Question").fill("Document:readme#edit@alice");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.getByTestId("check-result").getByText("Allowed").waitFor();

    // Delete the owner relationship: gone from the list, and the check is denied.
    await page.getByRole("button", { name: "Delete Document:readme#owners@alice" }).click();
    await page.getByRole("button", { name: "Delete Document:readme#owners@alice" }).waitFor({ state: "detached" });
    assert.equal(await page.getByTestId("relationships-table").locator("tbody tr").count(), 1);
    await page.getByLabel("Question").fill("Document:readme#edit@alice");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.getByTestId("check-result").getByText("Denied").waitFor();
    await screenshot(page, "permissions-after-delete", { fullPage: true });

    // The writes are in the audit log with their human labels.
    await page.goto(`${baseUrl}/console/projects/${project.id}/audit`);
    await page.getByText("Relationship added").first().waitFor();

    // Dark and narrow: the same page.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}?graph_namespace=Document&graph_object=readme#object-graph`);
    await page.getByTestId("object-graph").waitFor();
    await screenshot(page, "permissions-phone-dark", { fullPage: true });
    await page.getByTestId("object-graph").screenshot({ path: shot.replace(/object-graph\.png$/, "phone-dark-svg.png") });
  } finally {
    await context.close();
  }
}
