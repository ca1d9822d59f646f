import { z } from "zod";

const withClient = z.object({ oauth2_login_request: z.object({ client: z.object({ client_name: z.string().optional(), client_id: z.string() }) }) });

/** The name of the OAuth2 client a login or registration flow signs in for (Kratos' `oauth2_login_request`), if any. */
export function oauth2ClientName(flow: unknown): string | undefined {
  const parsed = withClient.safeParse(flow);
  if (!parsed.success) return undefined;
  const { client } = parsed.data.oauth2_login_request;
  return client.client_name || client.client_id;
}
