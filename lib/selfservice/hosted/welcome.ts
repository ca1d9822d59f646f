import { createLogoutToken, sessionFromRequest } from "@/lib/sessions";
import { methodsOf } from "@/lib/sessions/record";
import type { HostedContext } from "./context";

export interface WelcomeAddress {
  value: string;
  verified: boolean;
}

export interface WelcomeView {
  identityId: string;
  /** The best human label: email, username, or the identity id. */
  displayName: string;
  traits: Record<string, unknown>;
  addresses: WelcomeAddress[];
  aal: string;
  methods: string[];
  authenticatedAt: Date;
  expiresAt: Date;
  /** Kratos' browser logout URL: `{base}/self-service/logout?token=…`. */
  logoutUrl: string;
}

function displayNameOf(traits: Record<string, unknown>, fallback: string): string {
  for (const key of ["email", "username", "phone"]) {
    const value = traits[key];
    if (typeof value === "string" && value) return value;
  }
  return fallback;
}

/** The signed-in landing page's data: who is signed in, how, until when, and a one-click sign-out URL. */
export async function welcomeView(ctx: HostedContext, basePath: string, returnTo?: string): Promise<WelcomeView | undefined> {
  const found = await sessionFromRequest(ctx);
  if (!found) return undefined;
  const { session, identity } = found;
  const traits = (identity.traits ?? {}) as Record<string, unknown>;
  const token = await createLogoutToken(ctx, session.id);
  const logout = new URLSearchParams({ token });
  if (returnTo) logout.set("return_to", returnTo);
  const addresses = (identity.verifiableAddresses ?? []).map((address) => ({ value: address.value, verified: address.verified }));
  return {
    identityId: identity.id,
    displayName: displayNameOf(traits, identity.id),
    traits,
    addresses,
    aal: session.aal,
    methods: [...new Set(methodsOf(session).map((m) => m.method))],
    authenticatedAt: session.authenticatedAt,
    expiresAt: session.expiresAt,
    logoutUrl: `${basePath}/self-service/logout?${logout}`,
  };
}
