import { headers } from "next/headers";
import { handOffToConsole } from "@/lib/console/handoff";
import { RateLimitedError } from "@/lib/ratelimit";
import { pageRequest } from "@/lib/selfservice";
import { setConsoleSessionCookie } from "@/app/_lib/console-auth";

export const dynamic = "force-dynamic";

const seeOther = (location: string, extra: Record<string, string> = {}) =>
  new Response(null, { status: 303, headers: { location, "cache-control": "no-store", ...extra } });

/**
 * The platform project's session becomes a console session here (lib/console/handoff.ts). It lives under
 * /p/{slug} because the project's session cookie is scoped to that path; other projects answer 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ project: string }> }) {
  const url = new URL(request.url);
  const list = await headers();
  let result: Awaited<ReturnType<typeof handOffToConsole>>;
  try {
    result = await handOffToConsole((await params).project, pageRequest(url, list), url.searchParams.get("return_to") ?? undefined);
  } catch (error) {
    if (error instanceof RateLimitedError) return new Response("Too many requests.", { status: 429, headers: { "retry-after": String(error.retryAfterSeconds) } });
    throw error;
  }
  switch (result.outcome) {
    case "not_found":
      return new Response("Not found.", { status: 404 });
    case "sign_in":
      return seeOther(result.location);
    case "refused":
      return seeOther(result.location, { "set-cookie": result.clearCookie });
    case "signed_in":
      await setConsoleSessionCookie(result.token, result.expiresAt);
      return seeOther(result.location);
  }
}
