import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export interface Daemon {
  /** Stops the process (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  stderr(): string;
}

/** Starts a proxy binary in the foreground and waits until it accepts connections on 127.0.0.1:`port` (≤ 10 s). */
export async function startDaemon(name: string, binary: string, args: string[], port: number, env: NodeJS.ProcessEnv = process.env): Promise<Daemon> {
  const child: ChildProcess = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], env });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${output}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`${name} did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    stderr: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
