import { describe, expect, it } from "vitest";
import { oauth2Settings } from "./settings";
import { parseDuration } from "./duration";

describe("oauth2 settings", () => {
  it("fills Hydra's defaults and reads the project's values", () => {
    const defaults = oauth2Settings({ config: {} });
    expect(defaults.ttl.access_token).toBe(3_600_000);
    expect(defaults.urls.login).toBe("/ui/login");
    expect(defaults.strategies.access_token).toBe("opaque");
    const custom = oauth2Settings({ config: { services: { oauth2: { config: { ttl: { access_token: "5m" }, strategies: { access_token: "jwt" }, urls: { login: "https://login.example/l" } } } } } });
    expect(custom.ttl.access_token).toBe(300_000);
    expect(custom.ttl.id_token).toBe(3_600_000);
    expect(custom.strategies.access_token).toBe("jwt");
    expect(custom.urls.login).toBe("https://login.example/l");
    expect(custom.urls.device.verification).toBe("/ui/device");
  });

  it("parses Go durations", () => {
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("720h")).toBe(720 * 3_600_000);
    expect(parseDuration("10s")).toBe(10_000);
    expect(parseDuration("abc")).toBeUndefined();
  });
});
