import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedDatabase {
  url: string;
  /** True when this process owns the PGlite instance (false when it joined another process's server). */
  owner: boolean;
  close(): Promise<void>;
}

const portFile = (dataDir: string) => path.join(dataDir, "pglite.port");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
    socket.setTimeout(500, () => { socket.destroy(); resolve(false); });
  });
}

const urlFor = (port: number) => `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

/**
 * The embedded default: PGlite persisted under the data dir, served over the PostgreSQL wire protocol on a
 * loopback port so that the same driver adapter and SQL serve both modes. PGlite is one backend (one session),
 * so a process that finds another live server on the data dir (e.g. the CLI next to a running app) joins it.
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  const existing = await readFile(portFile(dataDir), "utf8").then(Number, () => NaN);
  if (Number.isInteger(existing) && (await canConnect(existing))) {
    return { url: urlFor(existing), owner: false, close: async () => {} };
  }
  const db = await PGlite.create({ dataDir: path.join(dataDir, "pglite") });
  const port = await freePort();
  // Several clients may connect (pool, migrator, CLI); the socket server runs their queries one at a time.
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 16 });
  await server.start();
  await writeFile(portFile(dataDir), String(port));
  return {
    url: urlFor(port),
    owner: true,
    close: async () => {
      await server.stop();
      await db.close();
      await rm(portFile(dataDir), { force: true });
    },
  };
}
