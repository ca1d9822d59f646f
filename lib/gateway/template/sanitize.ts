/**
 * Header values from templates: CR and LF would start a new header (response splitting, RFC 9112 §2.2
 * forbids bare CR/LF in field values) and other control characters are invalid there too (RFC 9110 §5.5),
 * so every C0 control except horizontal tab, and DEL, is removed, whatever the template produced.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

export const sanitizeHeaderValue = (value: string): string => value.replace(CONTROL, "").trim();

/** RFC 9110 §5.1: a field name is a token. */
export const isHeaderName = (name: string): boolean => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name) && name.length <= 256;

/** Headers a rule may not set: hop-by-hop and framing headers, whose forgery desynchronises the upstream. */
export const RESERVED_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "proxy-connection", "expect"]);

/** RFC 6265 §4.1.1 cookie-name (a token) and cookie-octets. */
export const isCookieName = (name: string): boolean => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name) && name.length <= 256;
export const sanitizeCookieValue = (value: string): string =>
  // eslint-disable-next-line no-control-regex -- controls are exactly what is encoded
  value.replace(/[\u0000-\u0020",;\\\u007f%]/g, (c) => "%" + c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase());
