import net from "node:net";

export interface Http1Response {
  status: number;
  body: Buffer;
}

interface Waiting {
  resolve(response: Http1Response): void;
  reject(error: Error): void;
}

const HEADER_END = Buffer.from("\r\n\r\n");
const LINE_END = Buffer.from("\r\n");

/**
 * One keep-alive HTTP/1.1 connection for load generators, one request at a time: a request is written as one
 * string and the response read by Content-Length or chunked framing (what a server answering JSON sends). It costs
 * a fraction of node:http's client CPU per request, which shares the cores with the server being measured.
 */
export class Http1Connection {
  private readonly socket: net.Socket;
  private received: Buffer = Buffer.alloc(0);
  private waiting: Waiting | undefined;
  /** False once the server or the network closed the connection, or the server asked to close it. */
  reusable = true;

  constructor(host: string, port: number) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on("data", (chunk: Buffer) => this.onData(chunk));
    this.socket.on("error", (error) => this.fail(error));
    this.socket.on("close", () => this.fail(new Error("the server closed the connection")));
  }

  request(head: string, body?: string): Promise<Http1Response> {
    if (this.waiting) return Promise.reject(new Error("a request is already running on this connection"));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(body === undefined ? head : head + body);
    });
  }

  close(): void {
    this.reusable = false;
    this.socket.destroy();
  }

  private fail(error: Error): void {
    this.reusable = false;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }

  private onData(chunk: Buffer): void {
    this.received = this.received.length ? Buffer.concat([this.received, chunk]) : chunk;
    let parsed: { response: Http1Response; end: number; close: boolean } | undefined;
    try {
      parsed = parseResponse(this.received);
    } catch (error) {
      this.fail(error as Error);
      this.socket.destroy();
      return;
    }
    if (!parsed) return;
    this.received = this.received.subarray(parsed.end);
    if (parsed.close) this.close();
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(parsed.response);
  }
}

/** A complete response at the start of `data` (and where it ends), or undefined while more bytes are needed. */
export function parseResponse(data: Buffer): { response: Http1Response; end: number; close: boolean } | undefined {
  const headerEnd = data.indexOf(HEADER_END);
  if (headerEnd < 0) return undefined;
  const lines = data.toString("latin1", 0, headerEnd).split("\r\n");
  const status = Number(lines[0]!.slice(9, 12));
  let length: number | undefined;
  let chunked = false;
  let close = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim().toLowerCase();
    if (name === "content-length") length = Number(value);
    else if (name === "transfer-encoding") chunked = value.split(",").map((s) => s.trim()).includes("chunked");
    else if (name === "connection") close = value === "close";
  }
  const start = headerEnd + HEADER_END.length;
  if (status === 204 || status === 304 || (status >= 100 && status < 200)) return { response: { status, body: Buffer.alloc(0) }, end: start, close };
  if (chunked) return parseChunked(data, start, status, close);
  if (length === undefined) throw new Error("response without Content-Length or chunked framing");
  if (data.length < start + length) return undefined;
  return { response: { status, body: data.subarray(start, start + length) }, end: start + length, close };
}

function parseChunked(data: Buffer, start: number, status: number, close: boolean) {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = data.indexOf(LINE_END, at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.toString("latin1", at, lineEnd).split(";")[0]!, 16);
    if (Number.isNaN(size)) throw new Error("malformed chunk size");
    if (size === 0) {
      // The last chunk, then trailer lines (if any) up to an empty line.
      const end = data.indexOf(HEADER_END, lineEnd);
      if (end < 0) return undefined;
      return { response: { status, body: Buffer.concat(parts) }, end: end + HEADER_END.length, close };
    }
    if (data.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
