import { z } from "zod";
import { storableString } from "@/lib/core/storable-text";

// Messages are i18n keys of the `errors` namespace.
export const setupFormSchema = z.object({
  name: storableString().trim().max(200, "tooLong"),
  email: z.string().trim().toLowerCase().min(1, "required").max(320, "tooLong").email("emailInvalid"),
  password: z.string().min(8, "passwordTooShort").max(1024, "tooLong"),
  workspaceName: storableString().trim().min(1, "required").max(100, "tooLong"),
});

export const SETUP_FIELDS = ["name", "email", "workspaceName"] as const;
