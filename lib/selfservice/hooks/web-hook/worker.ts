import { config } from "@/lib/config";
import { createLogger } from "@/lib/core/log";
import { deliverWebhooks } from "./queue";

/** The webhook retry loop started by server.ts (like the courier's). */
export function startWebhookWorker(options: { intervalMs?: number } = {}): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? 5_000;
  const log = createLogger(config().LOG_LEVEL, { component: "webhooks" });
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => (running = tick()), delay);
    timer.unref?.();
  };
  const tick = async () => {
    try {
      const report = await deliverWebhooks(new Date());
      schedule(report.delivered + report.retried + report.failed >= 50 ? 0 : intervalMs);
    } catch (error) {
      log.warn("webhook delivery failed", { error: error instanceof Error ? error.message : String(error) });
      schedule(intervalMs * 5);
    }
  };
  schedule(intervalMs);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
