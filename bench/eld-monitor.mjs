// --import'ed into a bench server when ELD_LOG=1: logs each second's worst event-loop delay and the server-side time
// of requests (arrival of the request's headers to the end of its response) over 5 ms, to stderr.
import http from "node:http";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { setInterval } from "node:timers";

if (process.env.ELD_LOG === "1") {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const t0 = performance.now();
  let slow = 0;
  let count = 0;
  let worst = 0;
  const original = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, ...args) {
    if (event === "request") {
      const started = performance.now();
      count++;
      args[1].once("finish", () => {
        const ms = performance.now() - started;
        if (ms > 5) slow++;
        worst = Math.max(worst, ms);
      });
    }
    return original.call(this, event, ...args);
  };
  setInterval(() => {
    const max = h.max / 1e6;
    if (max > 3 || slow) process.stderr.write(`[eld] t=${((performance.now() - t0) / 1000).toFixed(1)}s loop max=${max.toFixed(1)}ms; requests ${count}, server-side >5ms ${slow}, worst ${worst.toFixed(1)}ms\n`);
    h.reset();
    slow = count = worst = 0;
  }, 1000).unref();
}
