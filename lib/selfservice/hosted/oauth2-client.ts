import { z } from "zod";

const client = z.object({ client_name: z.string().optional(), client_id: z.string(), logo_uri: z.string().optional() });
const withClient = z.object({ oauth2_login_request: z.object({ client }) });
const httpUrl = /^https?:\/\//i;

/** The OAuth2 client a login or registration flow signs in for (Kratos' `oauth2_login_request`): name and logo. */
export function oauth2Client(flow: unknown): { name: string; logoUri?: string } | undefined {
  const parsed = withClient.safeParse(flow);
  if (!parsed.success) return undefined;
  const { client_name, client_id, logo_uri } = parsed.data.oauth2_login_request.client;
  return { name: client_name || client_id, ...(logo_uri && httpUrl.test(logo_uri) ? { logoUri: logo_uri } : {}) };
}

/** The name of the OAuth2 client a login or registration flow signs in for, if any. */
export const oauth2ClientName = (flow: unknown): string | undefined => oauth2Client(flow)?.name;

/** Whether a login flow is at the OAuth2 account chooser (its `select_account` choices) rather than a sign-in form. */
export const isAccountChooser = (flow: { ui: { nodes: { attributes: { node_type: string; name?: string } }[] } }): boolean =>
  flow.ui.nodes.some((node) => node.attributes.node_type === "input" && node.attributes.name === "select_account");
