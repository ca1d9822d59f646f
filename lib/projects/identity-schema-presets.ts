/**
 * Ory Network's `preset://email` identity schema: one email trait that is the password and code identifier
 * and the verification and recovery address (Kratos identity schema extensions `ory.sh/kratos`).
 */
export const EMAIL_PRESET_SCHEMA = {
  $id: "https://schemas.ory.sh/presets/kratos/identity.email.schema.json",
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Person",
  type: "object",
  properties: {
    traits: {
      type: "object",
      properties: {
        email: {
          type: "string",
          format: "email",
          title: "E-Mail",
          maxLength: 320,
          "ory.sh/kratos": {
            credentials: { password: { identifier: true }, webauthn: { identifier: true }, totp: { account_name: true }, code: { identifier: true, via: "email" }, passkey: { display_name: true } },
            recovery: { via: "email" },
            verification: { via: "email" },
          },
        },
      },
      required: ["email"],
      additionalProperties: false,
    },
  },
} as const;

export const EMAIL_PRESET_ID = "preset://email";

/** Kratos accepts schema URLs with the `base64://` scheme carrying the schema inline. */
export const toBase64SchemaUrl = (schema: unknown): string => "base64://" + Buffer.from(JSON.stringify(schema)).toString("base64");
