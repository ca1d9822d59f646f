import { fork, type ChildProcess } from "node:child_process";
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import { isRelayMessage } from "@/lib/core/instance-wide";
import { config } from "@/lib/config";
import { createLogger } from "@/lib/core/log";
import { isFromChild, siblingEntry, type FromChild, type ToChild } from "./messages";

type Child = ChildProcess | Worker;
const STOP_GRACE_MS = 10_000;

/**
 * The supervisor of one instance (`npm start` with WORKERS ≥ 1; README, Architecture): it loads no application
 * code. It starts the Next process (database, migrations, background work, pages on a loopback port), then
 * `workers` machine-API processes as node:cluster workers sharing the public listening socket, relays cache drops
 * between them (lib/core/instance-wide) and stops them all on SIGTERM/SIGINT. A machine process that dies is
 * replaced; if the Next process dies the instance exits, for its own supervisor (systemd, the orchestrator) to
 * restart it.
 */
export function runCluster(workers: number): void {
  const log = createLogger(config().LOG_LEVEL);
  const secret = randomBytes(24).toString("base64url");
  const children = new Set<Child>();
  let stopping = false;
  let publicPort: number | undefined;
  let nextPort: number | undefined;
  let nextReady = false;
  const listening = new Set<Worker>();

  const relay = (from: Child, message: unknown) => {
    for (const child of children) {
      const proc = childProcess(child);
      if (child !== from && proc.connected) proc.send(message as ToChild);
    }
  };
  let announced = false;
  const announceWhenReady = () => {
    if (announced || !nextReady || listening.size < workers) return;
    announced = true;
    log.info("portcullis listening", { url: `http://localhost:${publicPort}`, workers });
  };

  const nextProcess = fork(siblingEntry(import.meta.url, "next-process"), { serialization: "advanced", stdio: "inherit" });
  const nextChild: Child = nextProcess;
  children.add(nextChild);
  nextProcess.send({ type: "start", secret } satisfies ToChild);
  nextProcess.on("message", (message: unknown) => {
    if (isRelayMessage(message)) return relay(nextChild, message);
    if (!isFromChild(message)) return;
    if (message.type === "db-ready") {
      nextPort = message.port;
      for (let i = 0; i < workers; i++) forkWorker();
    } else if (message.type === "next-ready") {
      nextReady = true;
      announceWhenReady();
    }
  });
  nextProcess.on("exit", (code, signal) => {
    children.delete(nextChild);
    if (stopping) return;
    log.error("the Next process exited; stopping the instance", { code, signal });
    void stop(1);
  });

  cluster.setupPrimary({ exec: siblingEntry(import.meta.url, "machine-process"), serialization: "advanced" });
  function forkWorker(): void {
    const worker = cluster.fork();
    children.add(worker);
    worker.send({ type: "start", secret, nextPort } satisfies ToChild);
    worker.on("message", (message: unknown) => {
      if (isRelayMessage(message)) return relay(worker, message);
      if (isFromChild(message) && message.type === "listening") onListening(worker, message);
    });
    let served = false;
    worker.on("exit", (code, signal) => {
      children.delete(worker);
      listening.delete(worker);
      if (stopping) return;
      if (!served) {
        // It never served (the port is taken, the database unreachable): another would fail the same way.
        log.error("a machine-API process failed to start; stopping the instance", { code, signal });
        return void stop(1);
      }
      log.error("a machine-API process exited; starting another", { code, signal });
      setTimeout(forkWorker, 1_000).unref();
    });
    worker.on("message", (message: unknown) => {
      if (isFromChild(message) && message.type === "listening") served = true;
    });
  }
  function onListening(worker: Worker, message: Extract<FromChild, { type: "listening" }>): void {
    listening.add(worker);
    if (publicPort === undefined) {
      publicPort = message.port;
      nextProcess.send({ type: "public-port", port: publicPort } satisfies ToChild);
    }
    announceWhenReady();
  }

  let stopped: Promise<void> | undefined;
  const stop = (code: number): Promise<void> => (stopped ??= stopAll(code));
  async function stopAll(code: number): Promise<void> {
    stopping = true;
    // Machine processes first (they drain their requests, some of which wait on Next), then Next.
    const exited = (child: Child) => new Promise<void>((resolve) => (isGone(child) ? resolve() : child.once("exit", () => resolve())));
    const timer = setTimeout(() => {
      for (const child of children) childProcess(child).kill("SIGKILL");
    }, STOP_GRACE_MS);
    const machines = [...children].filter((child) => child !== nextChild);
    for (const child of machines) childProcess(child).kill("SIGTERM");
    await Promise.all(machines.map(exited));
    childProcess(nextChild).kill("SIGTERM");
    await exited(nextChild);
    clearTimeout(timer);
    process.exit(code);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop(0));
}

function childProcess(child: Child): ChildProcess {
  return "process" in child ? child.process : child;
}

function isGone(child: Child): boolean {
  const proc = childProcess(child);
  return proc.exitCode !== null || proc.signalCode !== null;
}
