import { describe, expect, it } from "vitest";
import { MASKED_PASSWORD, maskPassword, smtpFormValues, smtpSettingsPatch, smtpSettingsSchema, withStoredPassword } from "./smtp-settings";

const stored = { services: { identity: { config: { courier: { smtp: { connection_uri: "smtps://mailer:s3cr%2Ft@mail.acme.test:465", from_address: "auth@acme.test" } } } } } };

describe("SMTP settings in the console", () => {
  it("never shows the stored password, and keeps it when the mask comes back", () => {
    const form = smtpFormValues(stored);
    expect(form.connectionUri).toBe(`smtps://mailer:${encodeURIComponent(MASKED_PASSWORD)}@mail.acme.test:465`);
    expect(form.connectionUri).not.toContain("s3cr");
    expect(withStoredPassword(form.connectionUri, stored)).toBe("smtps://mailer:s3cr%2Ft@mail.acme.test:465");
    expect(withStoredPassword("smtps://mailer:new@mail.acme.test:465", stored)).toBe("smtps://mailer:new@mail.acme.test:465");
    expect(maskPassword("smtp://mail.acme.test:25")).toBe("smtp://mail.acme.test:25");
  });

  it("accepts Kratos' URIs and refuses anything else", () => {
    const parse = (connectionUri: string, fromAddress = "") => smtpSettingsSchema.safeParse({ connectionUri, fromAddress, fromName: "" }).success;
    expect(parse("")).toBe(true);
    expect(parse("smtp://127.0.0.1:2525/?disable_starttls=true")).toBe(true);
    expect(parse("smtps://u:p@mail.example:465", "no-reply@example.com")).toBe(true);
    expect(parse("http://mail.example")).toBe(false);
    expect(parse("not a uri")).toBe(false);
    expect(parse("smtp://mail.example", "not-an-address")).toBe(false);
  });

  it("writes one patch under courier.smtp", () => {
    const patch = smtpSettingsPatch({}, { connectionUri: "smtp://mail.example:25", fromAddress: "a@example.com", fromName: "Acme" });
    expect(patch).toEqual([
      { op: "add", path: "/services", value: { identity: { config: { courier: { smtp: { connection_uri: "smtp://mail.example:25" } } } } } },
      { op: "add", path: "/services/identity/config/courier/smtp/from_address", value: "a@example.com" },
      { op: "add", path: "/services/identity/config/courier/smtp/from_name", value: "Acme" },
    ]);
  });
});
