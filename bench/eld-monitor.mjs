// --import'ed into a bench server when ELD_LOG=1: logs each second's worst event-loop delay (ms) to stderr.
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { setInterval } from "node:timers";
if (process.env.ELD_LOG === "1") {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const t0 = performance.now();
  setInterval(() => {
    const max = h.max / 1e6;
    if (max > 3) process.stderr.write(`[eld] t=${((performance.now() - t0) / 1000).toFixed(1)}s max=${max.toFixed(1)}ms p99=${(h.percentile(99) / 1e6).toFixed(1)}\n`);
    h.reset();
  }, 1000).unref();
}
