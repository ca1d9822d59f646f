/**
 * Built-in identity schemas, addressed with the `preset://` scheme as on Ory Network. `preset://email` is the
 * default: an email address that is the password/code/webauthn/passkey identifier and the verification and
 * recovery address, plus an optional name (first, last).
 */
const kratosEmail = {
  credentials: {
    password: { identifier: true },
    webauthn: { identifier: true },
    passkey: { display_name: true },
    totp: { account_name: true },
    code: { identifier: true, via: "email" },
  },
  verification: { via: "email" },
  recovery: { via: "email" },
};

export const EMAIL_PRESET_ID = "preset://email";

export const EMAIL_PRESET_SCHEMA = {
  $id: "https://schemas.ory.sh/presets/kratos/identity.email.schema.json",
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Person",
  type: "object",
  properties: {
    traits: {
      type: "object",
      properties: {
        email: { type: "string", format: "email", title: "E-Mail", minLength: 3, maxLength: 320, "ory.sh/kratos": kratosEmail },
        name: {
          type: "object",
          properties: {
            first: { type: "string", title: "First name", maxLength: 256 },
            last: { type: "string", title: "Last name", maxLength: 256 },
          },
          additionalProperties: false,
        },
      },
      required: ["email"],
      additionalProperties: false,
    },
  },
} as const;

export const PRESET_SCHEMAS: Record<string, unknown> = { [EMAIL_PRESET_ID]: EMAIL_PRESET_SCHEMA };
