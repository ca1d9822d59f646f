import { z } from "zod";

const at = (root: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === "object" && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined), root);

const SELFSERVICE = ["services", "identity", "config", "selfservice"] as const;

/** Where each passwordless setting lives in the project config (Kratos' own keys). */
const paths = {
  passwordless: [...SELFSERVICE, "methods", "code", "passwordless_enabled"],
  link: [...SELFSERVICE, "methods", "link", "enabled"],
  recoveryUse: [...SELFSERVICE, "flows", "recovery", "use"],
  verificationUse: [...SELFSERVICE, "flows", "verification", "use"],
  loginStyle: [...SELFSERVICE, "flows", "login", "style"],
} as const;

const use = z.enum(["code", "link"]);

/**
 * The Authentication page's passwordless part: code login and registration, the link method (magic links) and which
 * method recovery and verification use, and identifier-first login. `use: link` needs the link method switched on.
 */
export const passwordlessSettingsSchema = z
  .object({
    passwordless: z.boolean(),
    link: z.boolean(),
    recoveryUse: use,
    verificationUse: use,
    loginStyle: z.enum(["unified", "identifier_first"]),
  })
  .superRefine((value, issue) => {
    for (const key of ["recoveryUse", "verificationUse"] as const) {
      if (value[key] === "link" && !value.link) issue.addIssue({ code: "custom", path: [key], message: "linkDisabled" });
    }
  });
export type PasswordlessSettings = z.infer<typeof passwordlessSettingsSchema>;

export function readPasswordlessSettings(config: unknown): PasswordlessSettings {
  return {
    passwordless: at(config, paths.passwordless) === true,
    link: at(config, paths.link) === true,
    recoveryUse: at(config, paths.recoveryUse) === "link" ? "link" : "code",
    verificationUse: at(config, paths.verificationUse) === "link" ? "link" : "code",
    loginStyle: at(config, paths.loginStyle) === "identifier_first" ? "identifier_first" : "unified",
  };
}

/** The config entries (path, value) of what changed; unchanged settings are left alone. */
export function passwordlessSettingsEntries(config: unknown, input: PasswordlessSettings): (readonly [readonly string[], unknown])[] {
  const current = readPasswordlessSettings(config);
  return (Object.keys(paths) as (keyof typeof paths)[]).filter((key) => input[key] !== current[key]).map((key) => [paths[key], input[key]] as const);
}
