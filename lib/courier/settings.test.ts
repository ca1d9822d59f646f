import { afterEach, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { courierSettings } from "./settings";

const withSmtp = (smtp: Record<string, string>) => ({ services: { identity: { config: { courier: { smtp } } } } });

afterEach(() => {
  delete process.env.COURIER_SMTP_URL;
  delete process.env.COURIER_SMTP_FROM;
  resetConfig();
});

describe("courier settings", () => {
  it("has no SMTP server when neither the project nor the operator names one", () => {
    expect(courierSettings({}, "Acme")).toMatchObject({ connectionUri: undefined, fromAddress: "no-reply@portcullis.local", fromName: "Acme" });
  });

  it("falls back to the operator's SMTP server and sender for projects without their own", () => {
    process.env.COURIER_SMTP_URL = "smtps://mailer:secret@smtp.example.com:465";
    process.env.COURIER_SMTP_FROM = "accounts@example.com";
    resetConfig();
    expect(courierSettings({}, "Portcullis console")).toMatchObject({ connectionUri: "smtps://mailer:secret@smtp.example.com:465", fromAddress: "accounts@example.com" });
  });

  it("keeps a project's own SMTP server and sender over the operator's", () => {
    process.env.COURIER_SMTP_URL = "smtps://mailer:secret@smtp.example.com:465";
    process.env.COURIER_SMTP_FROM = "accounts@example.com";
    resetConfig();
    expect(courierSettings(withSmtp({ connection_uri: "smtp://mail.acme.test:25" }))).toMatchObject({ connectionUri: "smtp://mail.acme.test:25", fromAddress: "no-reply@portcullis.local" });
    expect(courierSettings(withSmtp({ connection_uri: "smtp://mail.acme.test:25", from_address: "hi@acme.test" }))).toMatchObject({ fromAddress: "hi@acme.test" });
  });
});
