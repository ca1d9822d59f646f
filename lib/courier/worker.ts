import { config } from "@/lib/config";
import { createLogger } from "@/lib/core/log";
import { deliverPending } from "./deliver";

export interface CourierWorker {
  stop(): Promise<void>;
}

const BATCH = 50;

/**
 * The courier loop started by server.ts: delivers due messages every `intervalMs`, and immediately again while a
 * full batch came back (a backlog drains quickly, an idle queue costs one cheap query per interval).
 */
export function startCourierWorker(options: { intervalMs?: number } = {}): CourierWorker {
  const intervalMs = options.intervalMs ?? 2_000;
  const log = createLogger(config().LOG_LEVEL, { component: "courier" });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => (running = tick()), delay);
    timer.unref?.();
  };
  const tick = async () => {
    try {
      const report = await deliverPending(new Date(), BATCH);
      if (report.sent + report.failed + report.abandoned > 0) log.info("courier delivered", { ...report });
      schedule(report.sent + report.failed + report.abandoned + report.held >= BATCH ? 0 : intervalMs);
    } catch (error) {
      log.warn("courier delivery failed", { error: error instanceof Error ? error.message : String(error) });
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
