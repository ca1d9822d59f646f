import { hashToken, issueToken } from "@/lib/apikeys/tokens";
import { INVITE_TOKEN_PREFIX, inviteTokenSchema } from "./schema";

/** A new invitation token (shown once: in the email and to the inviter) and the SHA-256 digest that is stored. */
export function newInviteToken(): { token: string; hash: string } {
  const { token, hash } = issueToken(INVITE_TOKEN_PREFIX);
  return { token, hash };
}

/** The stored digest of a presented token, or undefined when it cannot be one of ours. */
export function inviteTokenHash(token: unknown): string | undefined {
  return inviteTokenSchema.safeParse(token).success ? hashToken(token as string) : undefined;
}

export const inviteLink = (origin: string, token: string): string => `${origin}/console/invite/${token}`;
