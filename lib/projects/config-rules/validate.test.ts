import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { defaultProjectConfig } from "../default-config";
import type { ProjectConfig } from "../config-schema";
import { assertValidProjectConfig } from "./validate";

/** A default config with one value set at a dotted path below `services`. */
function withValue(path: string, value: unknown): ProjectConfig {
  const config = defaultProjectConfig() as unknown as Record<string, unknown>;
  const keys = path.split(".");
  let node = config;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
  return config as unknown as ProjectConfig;
}

function problem(config: ProjectConfig, stored: unknown = defaultProjectConfig()): { path: string; message: string } | undefined {
  try {
    assertValidProjectConfig(config, stored);
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.status).toBe(400);
    const issues = error.details?.issues as { path: string }[];
    expect(error.message).toContain(issues[0]!.path);
    return { path: issues[0]!.path, message: error.message };
  }
}

const identity = "services.identity.config";
const oauth2 = "services.oauth2.config";

describe("project configuration rules (issue 12 §5)", () => {
  it("accepts the default configuration", () => {
    expect(problem(defaultProjectConfig())).toBeUndefined();
  });

  it.each([
    [`${identity}.selfservice.methods.password.config.min_password_length`, -5],
    [`${identity}.selfservice.methods.password.config.min_password_length`, "8"],
    [`${identity}.session.lifespan`, "-1h"],
    [`${identity}.session.lifespan`, "0s"],
    [`${identity}.selfservice.flows.login.lifespan`, "5 minutes"],
    [`${oauth2}.ttl.access_token`, "forever"],
    [`${oauth2}.ttl.refresh_token`, "876001h"],
    [`${oauth2}.urls.login`, "javascript:alert(1)"],
    [`${oauth2}.urls.consent`, "//evil.example/consent"],
    [`${oauth2}.device.interval`, 0],
    [`${oauth2}.strategies.access_token`, "plain"],
    [`${identity}.selfservice.allowed_return_urls.0`, "javascript:alert(1)"],
    [`${identity}.selfservice.flows.registration.ui_url`, "data:text/html,<script>"],
    [`${identity}.session.cookie.same_site`, "Sometimes"],
    [`${identity}.hashers.argon2.iterations`, 1000],
    [`${identity}.rate_limits.login:ip.limit`, 0],
  ])("refuses %s = %j, naming the path", (path, value) => {
    const config = path.endsWith(".0") ? withValue(path.slice(0, -2), [value]) : withValue(path, value);
    expect(problem(config)?.path).toBe(path);
  });

  it("refuses a default_schema_id naming no schema, and schema URLs that are not inline or built in", () => {
    expect(problem(withValue(`${identity}.identity.default_schema_id`, "nope"))?.path).toBe(`${identity}.identity.default_schema_id`);
    for (const url of ["file:///etc/passwd", "http://169.254.169.254/latest/meta-data/", "https://127.0.0.1/schema.json", "https://schemas.example/person.json"]) {
      expect(problem(withValue(`${identity}.identity.schemas`, [{ id: "x", url }]))?.path).toBe(`${identity}.identity.schemas.0.url`);
    }
    expect(problem(withValue(`${identity}.identity.schemas`, [{ id: "x", url: "base64://bm90IGpzb24" }]))?.path).toBe(`${identity}.identity.schemas.0.url`);
    expect(problem(withValue(`${identity}.identity.schemas`, [{ id: "x", url: "preset://nope" }]))?.path).toBe(`${identity}.identity.schemas.0.url`);
    const inline = `base64://${Buffer.from(JSON.stringify({ type: "object", properties: { traits: { type: "object" } } })).toString("base64")}`;
    const custom = withValue(`${identity}.identity`, { default_schema_id: "person", schemas: [{ id: "person", url: inline }, { id: "preset://email", url: "preset://email" }] });
    expect(problem(custom)).toBeUndefined();
  });

  it("accepts relative paths and http(s) URLs, wildcard return URLs and unknown keys", () => {
    expect(problem(withValue(`${oauth2}.urls.login`, "https://login.example/sign-in"))).toBeUndefined();
    expect(problem(withValue(`${identity}.selfservice.allowed_return_urls`, ["https://*.example.com", "/ui/welcome", "http://localhost:3000/cb"]))).toBeUndefined();
    expect(problem(withValue(`${identity}.some_future_setting`, { anything: true }))).toBeUndefined();
  });

  it("lets a value stored before the rules stay while other settings change, but not be written anew", () => {
    const legacy = withValue(`${identity}.session.lifespan`, "forever");
    const change = withValue(`${identity}.session.lifespan`, "forever");
    (change.services.oauth2.config.ttl as Record<string, unknown>).access_token = "2h";
    expect(problem(change, legacy)).toBeUndefined();
    expect(problem(change)?.path).toBe(`${identity}.session.lifespan`);
  });
});
