import { courierSettings } from "./settings";
import { transportFor } from "./smtp";

export type TestEmailResult = { sent: true; via: string } | { sent: false; reason: "no_smtp" | "failed"; detail?: string };

/**
 * Sends one message through the project's SMTP settings right now (not through the queue), so an operator sees at
 * once whether the server accepts it, and the server's own answer when it does not.
 */
export async function sendTestEmail(projectConfig: unknown, projectName: string, to: string, text: { subject: string; body: string }): Promise<TestEmailResult> {
  const settings = courierSettings(projectConfig, projectName);
  if (!settings.connectionUri) return { sent: false, reason: "no_smtp" };
  try {
    const host = new URL(settings.connectionUri).host;
    await transportFor(settings.connectionUri).sendMail({
      from: { name: settings.fromName, address: settings.fromAddress },
      to,
      subject: text.subject,
      text: text.body,
      headers: settings.headers,
    });
    return { sent: true, via: host };
  } catch (error) {
    return { sent: false, reason: "failed", detail: error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300) };
  }
}
