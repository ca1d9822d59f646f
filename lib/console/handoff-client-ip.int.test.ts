import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageRequest } from "@/lib/selfservice";
import { FRONT_HEADER, frontHeaderValue } from "@/lib/request-origin";
import { RateLimitedError } from "@/lib/ratelimit";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { forgetPreparedPlatform, preparePlatform } from "./bootstrap";
import { handOffToConsole } from "./handoff";
import { PLATFORM_PROJECT_SLUG } from "./platform-project";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
  forgetPreparedPlatform();
  await preparePlatform();
}, 180_000);
afterAll(async () => database?.drop());

/** The handoff's request as Next hands it to the route: headers, with server.ts' front header for a loopback proxy. */
const fromProxy = (forwardedFor: string) => {
  const headers = new Map<string, string>([
    ["host", "localhost:3000"],
    [FRONT_HEADER, frontHeaderValue({ remoteAddress: "127.0.0.1", encrypted: false })],
    ["x-forwarded-for", forwardedFor],
  ]);
  return pageRequest("/p/console/ui/console-handoff", { get: (name) => headers.get(name) ?? null });
};

describe("the console handoff's rate limit (a Next-side rate limit keyed on the client IP)", () => {
  it("keys on the right-most untrusted address, so rotating X-Forwarded-For does not bypass it", async () => {
    expect(fromProxy("203.0.113.1, 198.51.100.20").ip).toBe("198.51.100.20");
    let limited = false;
    for (let i = 0; i < 70 && !limited; i++) {
      const rotated = `203.0.113.${i % 250}, ${randomBytes(2).join(".")}.1.1, 198.51.100.20`;
      try {
        await handOffToConsole(PLATFORM_PROJECT_SLUG, fromProxy(rotated), "/console");
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        limited = true;
      }
    }
    expect(limited).toBe(true);
  });
});
