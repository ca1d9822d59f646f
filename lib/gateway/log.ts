import { config } from "@/lib/config";
import { createLogger, type Logger } from "@/lib/core/log";

let log: Logger | undefined;
/** The gateway's logger (lib/gateway sits below lib/http and so does not use its logger). */
export const gatewayLog = (): Logger => (log ??= createLogger(config().LOG_LEVEL, { module: "gateway" }));
