/**
 * A session device's User-Agent as words ("Firefox", "macOS") for the console: the common browsers and operating
 * systems only, by their documented tokens (order matters: Edge and Opera also say "Chrome", Chrome also says
 * "Safari"). Anything else yields the first product token ("curl", "okhttp"), or nothing.
 */
export interface UserAgentSummary {
  browser?: string;
  os?: string;
}

const BROWSERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\bVivaldi\//, "Vivaldi"],
  [/\b(HeadlessChrome|Chrome|CriOS|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/\b(iPhone|iPad).*AppleWebKit\//, "Safari"],
];

const SYSTEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bWindows (NT|Phone)\b/, "Windows"],
  [/\b(iPhone|iPad|iPod)\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\b(Macintosh|Mac OS X)\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

const PRODUCT = /^([A-Za-z][\w.-]{0,39})\/[\w.]+/;

export function summarizeUserAgent(userAgent: string | undefined): UserAgentSummary {
  const ua = (userAgent ?? "").slice(0, 1024);
  if (!ua.trim()) return {};
  const os = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1];
  let browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1];
  if (!browser && !ua.startsWith("Mozilla/")) browser = PRODUCT.exec(ua)?.[1];
  return { ...(browser ? { browser } : {}), ...(os ? { os } : {}) };
}
