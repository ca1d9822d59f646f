import { z } from "zod";
import { storableString } from "@/lib/core/storable-text";

/** The key-create form shared by project and workspace API keys: a name and an optional lifetime. */
export interface CreatedKey {
  name: string;
  prefix: string;
  /** The key itself: in this response only, never stored or shown again. */
  token: string;
}

/** Lifetimes offered in the form; an empty choice means the key does not expire. */
export const KEY_EXPIRY_DAYS = [7, 30, 90, 365] as const;
const DAY_MS = 86_400_000;

export const createKeyFormSchema = z
  .object({
    name: storableString().trim().min(1, "required").max(100, "tooLong"),
    expiresInDays: z.union([z.literal(""), z.enum(KEY_EXPIRY_DAYS.map(String) as [string, ...string[]], "invalid")]),
  })
  .transform(({ name, expiresInDays }) => ({
    name,
    expiresAt: expiresInDays ? new Date(Date.now() + Number(expiresInDays) * DAY_MS) : undefined,
  }));

export const CREATE_KEY_FIELDS = ["name", "expiresInDays"] as const;
