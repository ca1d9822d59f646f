import http from "node:http";
import { initDatabase } from "@/lib/db";
import { dispatch, toApiRequest, writeApiResponse } from "@/lib/http";

/** The machine API alone (server.ts's fast path, without Next), for the permission benchmark's child process. */
const port = Number(process.argv[2]);
await initDatabase();
const server = http.createServer((req, res) => {
  dispatch(toApiRequest(req)).then(
    (response) => writeApiResponse(res, response ?? { status: 404 }),
    () => { res.statusCode = 500; res.end(); },
  );
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => process.send?.("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
