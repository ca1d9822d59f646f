import { catalogs, templateLocales, type TemplateLocale, type TemplateType } from "./strings";

export interface TemplateData {
  project: string;
  code?: string;
  minutes?: number;
  time?: string;
  ip?: string;
  agent?: string;
  workspace?: string;
  inviter?: string;
  /** A workspace role (owner, admin, developer, viewer), named in the message's language. */
  role?: string;
  days?: number;
  /** An http(s) URL the message asks to open (an invitation): its own line, and a button in the HTML part. */
  link?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  locale: TemplateLocale;
}

/** Best supported template locale for a BCP 47 tag ("pt" → "pt-BR", "de-AT" → "de"), English otherwise. */
export function templateLocale(tag: string | undefined): TemplateLocale {
  if (!tag) return "en";
  const lower = tag.toLowerCase();
  const exact = templateLocales.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split("-")[0];
  return templateLocales.find((l) => l.toLowerCase().split("-")[0] === base) ?? "en";
}

const fill = (template: string, data: TemplateData) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = (data as unknown as Record<string, unknown>)[key];
    return value === undefined ? whole : String(value);
  });

const isWebLink = (value: string | undefined): value is string => Boolean(value && /^https?:\/\/[^\s]+$/i.test(value));

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** Renders a courier template as plain text plus a simple, inline-styled HTML alternative. */
export function renderTemplate(type: TemplateType, data: TemplateData, tag?: string): RenderedEmail {
  const locale = templateLocale(tag);
  const catalog = catalogs[locale];
  const copy = catalog[type];
  const role = data.role && data.role in catalog.roles ? catalog.roles[data.role as keyof typeof catalog.roles] : data.role;
  const filled = { ...data, role };
  const lines = copy.lines.map((line) => fill(line, filled));
  const footer = fill(catalog.footer, filled);
  const link = isWebLink(data.link) ? data.link : undefined;
  const highlight = data.code ?? link;
  const text = [lines[0], ...(highlight ? ["", highlight, ""] : [""]), ...lines.slice(1), "", "--", footer].join("\n");
  const paragraphs = lines.map((line) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`);
  if (data.code) {
    paragraphs.splice(1, 0, `<p style="margin:0 0 16px;font-size:28px;font-weight:600;letter-spacing:6px;font-family:ui-monospace,monospace">${escapeHtml(data.code)}</p>`);
  } else if (link) {
    const label = escapeHtml(catalog.linkLabel[type] ?? link);
    paragraphs.splice(1, 0,
      `<p style="margin:0 0 16px"><a href="${escapeHtml(link)}" style="display:inline-block;background:#2853e0;color:#ffffff;text-decoration:none;font-weight:600;padding:10px 18px;border-radius:6px">${label}</a></p>` +
      `<p style="margin:0 0 16px;font-size:12px;color:#6b7280;word-break:break-all">${escapeHtml(link)}</p>`);
  }
  const html = `<!doctype html><html lang="${locale}"><body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111827">` +
    `<div style="max-width:480px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">${paragraphs.join("")}` +
    `<p style="margin:24px 0 0;font-size:12px;color:#6b7280">${escapeHtml(footer)}</p></div></body></html>`;
  return { subject: fill(copy.subject, filled), text, html, locale };
}

/** The short text of an SMS: the message's first line with the code (no footer, no HTML). */
export function renderSms(type: TemplateType, data: TemplateData, tag?: string): { text: string; locale: TemplateLocale } {
  const locale = templateLocale(tag);
  const first = fill(catalogs[locale][type].lines[0] ?? "", data);
  return { text: data.code ? `${first} ${data.code}` : first, locale };
}
