import { z } from "zod";
import { projectBaseUrl, type RequestOrigin } from "@/lib/request-origin";
import type { ProjectRecord } from "@/lib/projects/lookup";
import type { Verdict } from "../pipeline/decide";
import { decideForProject } from "./decide-for-project";
import { gatewayRequest } from "./request";

export const explainInputSchema = z
  .object({
    method: z.string().regex(/^[A-Za-z]{1,20}$/).default("GET"),
    url: z.string().url().max(8192).refine((u) => /^https?:/i.test(u), "must be an http(s) URL"),
    headers: z.record(z.string().max(256), z.string().max(8192)).default({}),
  })
  .strict();

export interface Explanation {
  allowed: boolean;
  rule_id?: string;
  status: number;
  subject?: string;
  headers: Record<string, string>;
  verdicts: Verdict[];
}

/** "Test a request": which rule matched and each handler's verdict, without forwarding anything. */
export async function explainDecision(project: ProjectRecord, input: z.input<typeof explainInputSchema>, own: RequestOrigin): Promise<Explanation> {
  const parsed = explainInputSchema.parse(input);
  const url = new URL(parsed.url);
  const headers = Object.fromEntries(Object.entries(parsed.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const request = gatewayRequest({
    method: parsed.method,
    pathAndQuery: url.pathname + url.search,
    scheme: url.protocol.replace(":", ""),
    host: url.host,
    header: (name) => headers[name.toLowerCase()],
    ip: "127.0.0.1",
  });
  if (!request) throw new z.ZodError([{ code: "custom", path: ["url"], message: "the URL cannot be matched", input: parsed.url }]);
  const decision = await decideForProject(project, request, projectBaseUrl(project.slug, own));
  return decision.allowed
    ? { allowed: true, rule_id: decision.ruleId, status: 200, subject: decision.subject, headers: decision.headers, verdicts: decision.trace }
    : { allowed: false, rule_id: decision.ruleId, status: decision.response.status, headers: decision.response.headers, verdicts: decision.trace };
}
