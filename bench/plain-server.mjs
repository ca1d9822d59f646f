// The ceiling: a plain Node http server answering the same JSON as the health endpoint.
import http from "node:http";
const body = JSON.stringify({ status: "ok" });
http
  .createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
    res.end(body);
  })
  .listen(Number(process.argv[2]), "127.0.0.1", () => process.send?.("ready"));
