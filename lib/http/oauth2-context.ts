import type { OAuth2Context } from "@/lib/oauth2/context";
import { invalidRequest } from "@/lib/oauth2/errors";
import { projectBaseUrl, requestOrigin } from "@/lib/request-origin";
import type { ProjectContext } from "./context";
import { storableFormText } from "./input-guard";
import type { ApiRequest } from "./types";

/** The OAuth2 provider's view of a project request: the project context plus its issuer URL. */
export const oauth2Context = (ctx: ProjectContext): OAuth2Context => ({ ...ctx, issuer: projectBaseUrl(ctx.project.slug, requestOrigin(ctx.request)) });

/** RFC 6749 §3.2 / RFC 7009 §2.1 / RFC 7662 §2.1: parameters arrive form-encoded in the body. */
export async function readOAuth2Form(request: ApiRequest): Promise<URLSearchParams> {
  const type = request.header("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) throw invalidRequest("The body must be application/x-www-form-urlencoded.");
  return new URLSearchParams(storableFormText(await request.body()));
}
