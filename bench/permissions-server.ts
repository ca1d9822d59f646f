import http from "node:http";
import { initDatabase } from "@/lib/db";
import { machineListener } from "@/lib/http/node-listener";

/** The machine API and gateway fast path alone (server.ts without Next), for benchmarks' child processes. */
const port = Number(process.argv[2]);
await initDatabase();
const server = http.createServer(machineListener((_req, res) => { res.statusCode = 404; res.end(); }));
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => process.send?.("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
