/** A minimal browser for tests: a cookie jar (path-scoped) and manual redirect following. */
export class TestUserAgent {
  private cookies = new Map<string, { value: string; path: string }>();

  /** The Cookie header this agent would send to `url`. */
  cookieHeader(url: URL): string {
    return [...this.cookies.entries()].filter(([, c]) => url.pathname.startsWith(c.path)).map(([n, c]) => `${n}=${c.value}`).join("; ");
  }

  private store(response: Response): void {
    for (const line of response.headers.getSetCookie()) this.setCookie(line);
  }

  /** Takes a cookie as a Set-Cookie header line would set it (e.g. a session issued outside the browser). */
  setCookie(line: string): void {
    const [pair, ...attrs] = line.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const path = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith("path="))?.slice(5) ?? "/";
    const maxAge = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith("max-age="));
    if (maxAge && Number(maxAge.slice(8)) <= 0) this.cookies.delete(name);
    else this.cookies.set(name, { value, path });
  }

  /** Follows redirects until one leaves the given origins (returned unfollowed) or a non-redirect answers. */
  async navigate(start: string, stopAt: (url: URL) => boolean, init: RequestInit = {}): Promise<{ url: URL; response?: Response }> {
    let url = new URL(start);
    let request = init;
    for (let hops = 0; hops < 20; hops++) {
      if (stopAt(url)) return { url };
      const response = await fetch(url, { ...request, redirect: "manual", headers: { ...(request.headers as Record<string, string>), cookie: this.cookieHeader(url), accept: "text/html" } });
      this.store(response);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return { url, response };
      url = new URL(location, url);
      request = {};
    }
    throw new Error("Too many redirects");
  }

  forget(): void {
    this.cookies.clear();
  }
}
