import { Configuration, ElementsApi } from "@ory/client-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlowProject, startFlowTestEnv, type FlowTestEnv } from "../testing/setup";

/** Ory Elements' project configuration and the change-password well-known URL, read with Ory's own SDK. */
let env: FlowTestEnv;
beforeAll(async () => {
  env = await startFlowTestEnv();
});
afterAll(async () => env?.close());

describe("the account experience endpoints", () => {
  it("serves /elements/configuration in Ory Network's shape, from the project's flows and branding", async () => {
    const project = await createFlowProject(env, { selfservice: { flows: { registration: { enabled: false }, settings: { ui_url: "https://app.example/account" } } } });
    const base = `${env.server.url}/p/${project.slug}`;
    const config = await new ElementsApi(new Configuration({ basePath: base })).getConfiguration();
    expect(config).toMatchObject({
      name: `Project ${project.slug}`,
      registration_enabled: false,
      hide_registration_link: true,
      recovery_enabled: true,
      verification_enabled: true,
      login_ui_url: `${base}/ui/login`,
      settings_ui_url: "https://app.example/account",
      error_ui_url: `${base}/ui/error`,
      default_redirect_url: `${base}/ui/welcome`,
      hide_ory_branding: true,
    });
  });

  it("redirects /.well-known/change-password to the settings flow (303)", async () => {
    const project = await createFlowProject(env);
    const base = `${env.server.url}/p/${project.slug}`;
    const response = await fetch(`${base}/.well-known/change-password`, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${base}/self-service/settings/browser`);
    expect((await fetch(`${env.server.url}/p/no-such-project/elements/configuration`)).status).toBe(404);
  });
});
