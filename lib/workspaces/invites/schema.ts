import { z } from "zod";
import { storableString } from "@/lib/core/storable-text";
import { hasControlCharacter } from "@/lib/console/return-to";
import { workspaceRoleSchema } from "../members";

/** How long an invitation link works. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const INVITE_TTL_DAYS = INVITE_TTL_MS / 86_400_000;

/** Invitation tokens: a recognizable prefix and 256 random bits (base64url, 43 characters). */
export const INVITE_TOKEN_PREFIX = "pc_inv_";
export const inviteTokenSchema = z.string().regex(/^pc_inv_[A-Za-z0-9_-]{43}$/);

export const inviteInputSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  role: workspaceRoleSchema,
});
export type InviteInput = z.input<typeof inviteInputSchema>;

/** Where the invitation link points: the console's origin (no path), and the email's language. */
export const inviteDeliverySchema = z.object({
  origin: z.string().url().regex(/^https?:\/\/[^/?#]+$/, "an origin without a path"),
  locale: z.string().max(35).optional(),
});
export type InviteDelivery = z.input<typeof inviteDeliverySchema>;

/** A new console account made by accepting an invitation. The password policy is the platform project's. */
export const newAccountSchema = z.object({
  name: storableString().trim().max(200).refine((name) => !hasControlCharacter(name)).default(""),
  password: z.string().min(1).max(4096),
});
export type NewAccountInput = z.input<typeof newAccountSchema>;
