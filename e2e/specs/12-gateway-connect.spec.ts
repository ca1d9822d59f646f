import assert from "node:assert/strict";
import { createProjectViaUi, ensureSignedIn } from "../support/owner";
import type { SpecContext } from "../support/types";

export const name = "gateway: the console shows the decisions API and reverse-proxy URLs and copyable ingress configs with them";

export async function run({ browser, baseUrl, screenshot }: SpecContext): Promise<void> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await ensureSignedIn(page, baseUrl);
    const project = await createProjectViaUi(page, baseUrl, "Gateway", "dev");
    await page.goto(`${baseUrl}/console/projects/${project.id}/gateway`);
    const decisions = `${baseUrl}/p/${project.slug}/decisions`;
    assert.equal(await page.getByTestId("gateway-decision-url").textContent(), decisions);
    assert.equal(await page.getByTestId("gateway-proxy-url").textContent(), `${baseUrl}/p/${project.slug}/gateway/`);
    const snippets = page.getByTestId("ingress-snippets");
    await snippets.getByText("nginx auth_request").click();
    assert.match((await snippets.getByLabel("nginx auth_request", { exact: true }).textContent()) ?? "", new RegExp(`proxy_pass ${decisions.replace(/[.]/g, "\\.")}\\$request_uri;`));
    await snippets.getByText("Kubernetes ingress-nginx").click();
    assert.match((await snippets.getByLabel("Kubernetes ingress-nginx", { exact: true }).textContent()) ?? "", /auth-url: "http:\/\/127\.0\.0\.1:\d+\/p\/[a-z0-9-]+\/decisions"/);
    await screenshot(page, "gateway-connect", { fullPage: true });
  } finally {
    await context.close();
  }
}
