import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Configuration, CourierApi } from "@ory/client-fetch";
import { platformDb, projectDb } from "@/lib/db";
import { invalidateAllProjects } from "@/lib/projects/lookup";
import { createTestProject, type TestProject } from "@/lib/testing/fixtures";
import { startApiServer, type TestServer } from "@/lib/testing/server";
import { useTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { deliverPending, enqueueEmail } from "./index";
import { codeInMail, startMailCatcher, type MailCatcher } from "./mail-catcher";

let database: TestDatabase;
let server: TestServer;
let mail: MailCatcher;
let withSmtp: TestProject;
let withoutSmtp: TestProject;

const courierApi = (project: TestProject) =>
  new CourierApi(new Configuration({ basePath: `${server.url}/p/${project.slug}`, accessToken: project.apiKey }));

beforeAll(async () => {
  database = await useTestDatabase();
  server = await startApiServer();
  mail = await startMailCatcher();
  withSmtp = await createTestProject({ services: { identity: { config: { courier: { smtp: { connection_uri: mail.connectionUri, from_address: "auth@example.test" } } } } } });
  withoutSmtp = await createTestProject();
});
afterAll(async () => {
  await mail?.close();
  await server?.close();
  await database?.drop();
});

async function queue(project: TestProject, recipient: string, locale = "en") {
  const db = await projectDb(project.projectId);
  return enqueueEmail(db, project.projectId, { recipient, templateType: "recovery_code_valid", data: { project: "Acme", code: "482913", minutes: 15 }, locale });
}

describe("courier", () => {
  it("delivers queued mail over SMTP and records the dispatch", async () => {
    const message = await queue(withSmtp, "alice@example.test");
    const report = await deliverPending(new Date());
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const caught = await mail.waitFor("alice@example.test");
    expect(codeInMail(caught)).toBe("482913");
    expect(caught.raw).toContain("multipart/alternative");
    const api = courierApi(withSmtp);
    const fetched = await api.getCourierMessage({ id: message.id });
    expect(fetched.status).toBe("sent");
    expect(fetched.send_count).toBe(1);
    expect(fetched.dispatches?.[0]?.status).toBe("success");
  });

  it("keeps messages queued and visible when no SMTP server is configured", async () => {
    const message = await queue(withoutSmtp, "bob@example.test");
    const report = await deliverPending(new Date());
    expect(report.held).toBeGreaterThanOrEqual(1);
    const listed = await courierApi(withoutSmtp).listCourierMessages({ status: "queued" });
    expect(listed.map((m) => m.id)).toContain(message.id);
    expect(listed[0].send_count).toBe(0);
  });

  it("retries failed sends with backoff and abandons after message_retries", async () => {
    const db = await platformDb();
    await db.project.update({
      where: { id: withSmtp.projectId },
      data: { config: { services: { identity: { config: { courier: { message_retries: 1, smtp: { connection_uri: mail.connectionUri } } } } } } },
    });
    invalidateAllProjects();
    const message = await queue(withSmtp, "carol@example.test");
    mail.failNext(2);
    let now = new Date();
    expect((await deliverPending(now)).failed).toBe(1);
    const scoped = await projectDb(withSmtp.projectId);
    const afterFirst = await scoped.courierMessage.findFirstOrThrow({ where: { id: message.id } });
    expect(afterFirst.status).toBe("queued");
    expect(afterFirst.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime() + 5_000);
    expect((await deliverPending(now)).failed).toBe(0); // not due yet
    now = new Date(afterFirst.nextAttemptAt.getTime() + 1);
    expect((await deliverPending(now)).abandoned).toBe(1);
    const final = await courierApi(withSmtp).getCourierMessage({ id: message.id });
    expect(final.status).toBe("abandoned");
    expect(final.dispatches?.map((d) => d.status)).toEqual(["failed", "failed"]);
  });

  it("localizes templates", async () => {
    await queue(withoutSmtp, "dora@example.test", "de-AT");
    const [message] = await courierApi(withoutSmtp).listCourierMessages({ recipient: "dora@example.test" });
    expect(message.subject).toContain("wiederherstellen");
  });

  it("paginates with page tokens and isolates projects", async () => {
    for (let i = 0; i < 3; i++) await queue(withoutSmtp, `page${i}@example.test`);
    const response = await fetch(`${server.url}/p/${withoutSmtp.slug}/admin/courier/messages?page_size=2`, { headers: { authorization: `Bearer ${withoutSmtp.apiKey}` } });
    expect(response.status).toBe(200);
    const link = response.headers.get("link") ?? "";
    expect(link).toContain('rel="next"');
    const next = link.slice(1, link.indexOf(">"));
    const second = await fetch(server.url + next, { headers: { authorization: `Bearer ${withoutSmtp.apiKey}` } });
    const firstIds = ((await response.json()) as { id: string }[]).map((m) => m.id);
    const secondIds = ((await second.json()) as { id: string }[]).map((m) => m.id);
    expect(secondIds.some((id) => firstIds.includes(id))).toBe(false);

    const bMessage = (await courierApi(withoutSmtp).listCourierMessages({}))[0];
    const crossProject = await fetch(`${server.url}/p/${withSmtp.slug}/admin/courier/messages/${bMessage.id}`, { headers: { authorization: `Bearer ${withSmtp.apiKey}` } });
    expect(crossProject.status).toBe(404);
    const wrongKey = await fetch(`${server.url}/p/${withSmtp.slug}/admin/courier/messages`, { headers: { authorization: `Bearer ${withoutSmtp.apiKey}` } });
    expect(wrongKey.status).toBe(401);
    const badToken = await fetch(`${server.url}/p/${withSmtp.slug}/admin/courier/messages?page_token=zzz`, { headers: { authorization: `Bearer ${withSmtp.apiKey}` } });
    expect(badToken.status).toBe(400);
    const badStatus = await fetch(`${server.url}/p/${withSmtp.slug}/admin/courier/messages?status=nope`, { headers: { authorization: `Bearer ${withSmtp.apiKey}` } });
    expect(badStatus.status).toBe(400);
  });
});
