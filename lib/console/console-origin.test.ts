import { afterEach, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { consoleOrigin, servesConsole } from "./console-origin";

const request = (headers: Record<string, string>) => ({ header: (name: string) => headers[name.toLowerCase()] });

function withEnv(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetConfig();
}

afterEach(() => withEnv({ BASE_DOMAIN: undefined, PUBLIC_URL: undefined }));

describe("the console's origin", () => {
  it("is the request's origin without subdomain mode", () => {
    withEnv({ BASE_DOMAIN: undefined, PUBLIC_URL: undefined });
    expect(consoleOrigin(request({ host: "id.example.test:3000" }))).toBe("http://id.example.test:3000");
    expect(servesConsole(request({ host: "console.example.test" }))).toBe(true);
  });

  it("is BASE_DOMAIN (scheme and port kept) when the request came in on a project subdomain", () => {
    withEnv({ BASE_DOMAIN: "example.test", PUBLIC_URL: undefined });
    const subdomain = request({ host: "console.example.test:3000", "x-forwarded-proto": "https" });
    expect(consoleOrigin(subdomain)).toBe("https://example.test:3000");
    expect(servesConsole(subdomain)).toBe(false);
    expect(servesConsole(request({ host: "example.test:3000" }))).toBe(true);
    // Only exactly http/https is believed.
    expect(consoleOrigin(request({ host: "console.example.test", "x-forwarded-proto": "javascript" }))).toBe("http://example.test");
  });

  it("is PUBLIC_URL when set, wherever the request came in", () => {
    withEnv({ BASE_DOMAIN: "example.test", PUBLIC_URL: "https://id.example.test/" });
    expect(consoleOrigin(request({ host: "console.example.test" }))).toBe("https://id.example.test");
    expect(servesConsole(request({ host: "console.example.test" }))).toBe(false);
    // A proxy that does not pass Host on is still the console's host (no redirect loop).
    expect(servesConsole(request({ host: "127.0.0.1:3000" }))).toBe(true);
  });
});
