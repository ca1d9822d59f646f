const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * OIDC Front-Channel Logout §4: one invisible iframe per client logout URI; when they have loaded (or after
 * a timeout) the browser continues to the post-logout target. Works without JavaScript via meta refresh.
 */
export function frontChannelPage(urls: string[], next: string): string {
  const frames = urls.map((u) => `<iframe src="${escapeHtml(u)}" style="display:none" title="logout"></iframe>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3;url=${escapeHtml(next)}"><title>Signing out…</title></head><body style="font-family:system-ui,sans-serif;margin:3rem"><p>Signing out… <a href="${escapeHtml(next)}">Continue</a></p>${frames}</body></html>`;
}
