import { describe, expect, it } from "vitest";
import { renderTemplate } from "./render";
import { catalogs, templateLocales } from "./strings";

const invitation = { project: "Portcullis", workspace: "Acme <Ops>", inviter: "Ada", role: "developer", days: 7, link: "https://id.example.test/console/invite/pc_inv_abc?x=1&y=2" };

describe("the workspace invitation email", () => {
  it("names the workspace, the inviter and the role, and carries the link in both parts", () => {
    const mail = renderTemplate("workspace_invitation", invitation, "en");
    expect(mail.subject).toBe("Ada invited you to Acme <Ops> on Portcullis");
    expect(mail.text).toContain("join the workspace Acme <Ops> as a developer.");
    expect(mail.text).toContain(`\n${invitation.link}\n`);
    expect(mail.html).toContain('href="https://id.example.test/console/invite/pc_inv_abc?x=1&amp;y=2"');
    expect(mail.html).toContain("Acme &lt;Ops&gt;");
    expect(mail.html).toContain(">Accept the invitation</a>");
  });

  it("is localized, role names included, in every template locale", () => {
    for (const locale of templateLocales) {
      const mail = renderTemplate("workspace_invitation", invitation, locale);
      expect(mail.locale).toBe(locale);
      expect(mail.text).toContain(catalogs[locale].roles.developer);
      expect(mail.text).not.toMatch(/\{\w+\}/);
    }
    expect(renderTemplate("workspace_invitation", invitation, "de-AT").subject).toBe("Ada hat dich zu Acme <Ops> auf Portcullis eingeladen");
  });

  it("drops a link that is no http(s) URL", () => {
    const mail = renderTemplate("workspace_invitation", { ...invitation, link: "javascript:alert(1)" }, "en");
    expect(mail.text).not.toContain("javascript:");
    expect(mail.html).not.toContain("javascript:");
  });
});
