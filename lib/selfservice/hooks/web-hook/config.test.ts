import { describe, expect, it } from "vitest";
import { webHooksFor } from "./config";

const configWith = (url: string) => ({
  services: { identity: { config: { selfservice: { flows: { login: {
    before: { hooks: [{ hook: "web_hook", config: { url: `${url}/before` } }] },
    after: { hooks: [{ hook: "session" }], password: { hooks: [{ hook: "web_hook", config: { url: `${url}/password`, can_interrupt: true } }] } },
  } } } } } },
});

describe("webHooksFor", () => {
  it("reads the phase's and the method's web hooks with defaults, once per config object", () => {
    const config = configWith("https://hooks.example");
    const after = webHooksFor(config, "login", "after", "password");
    expect(after).toEqual([expect.objectContaining({ url: "https://hooks.example/password", can_interrupt: true, method: "POST", timeout_ms: 10_000 })]);
    expect(webHooksFor(config, "login", "after", "password")).toBe(after);
    expect(webHooksFor(config, "login", "after", "code")).toEqual([]);
    expect(webHooksFor(config, "login", "before")).toEqual([expect.objectContaining({ url: "https://hooks.example/before", can_interrupt: false })]);
    expect(webHooksFor(configWith("https://other.example"), "login", "after", "password")[0]?.url).toBe("https://other.example/password");
    expect(webHooksFor(undefined, "login", "before")).toEqual([]);
  });
});
