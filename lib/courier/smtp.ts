import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

/**
 * Kratos' SMTP connection URI → nodemailer options. `smtps://` is implicit TLS (RFC 8314 §3.3), `smtp://` upgrades
 * with STARTTLS (RFC 3207) unless `disable_starttls=true`; `skip_ssl_verify=true` accepts any certificate;
 * credentials come from the URI's user info.
 */
export function smtpOptions(connectionUri: string): SMTPTransport.Options {
  const uri = new URL(connectionUri);
  if (uri.protocol !== "smtp:" && uri.protocol !== "smtps:") {
    throw new Error(`Unsupported SMTP scheme ${uri.protocol} (use smtp:// or smtps://).`);
  }
  const implicitTls = uri.protocol === "smtps:";
  const params = uri.searchParams;
  const flag = (name: string) => params.get(name) === "true";
  return {
    host: uri.hostname,
    port: uri.port ? Number(uri.port) : implicitTls ? 465 : 25,
    secure: implicitTls,
    ignoreTLS: !implicitTls && flag("disable_starttls"),
    requireTLS: false,
    tls: { rejectUnauthorized: !flag("skip_ssl_verify"), servername: params.get("server_name") ?? undefined },
    auth: uri.username ? { user: decodeURIComponent(uri.username), pass: decodeURIComponent(uri.password) } : undefined,
    localAddress: undefined,
    name: params.get("local_name") ?? undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

const transports = new Map<string, Transporter>();

/** One pooled-less transport per connection URI (cached; a changed URI yields a new transport). */
export function transportFor(connectionUri: string): Transporter {
  let transport = transports.get(connectionUri);
  if (!transport) {
    if (transports.size > 1000) transports.clear();
    transport = nodemailer.createTransport(smtpOptions(connectionUri));
    transports.set(connectionUri, transport);
  }
  return transport;
}
