import { isAppError } from "@/lib/core/errors";
import { runInit, type CommandIo } from "./init";
import { runMigrate } from "./migrate";
import { USAGE, UsageError } from "./usage";

const io: CommandIo = {
  stdout: (line) => process.stdout.write(line + "\n"),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

const commands: Record<string, (args: string[], io: CommandIo) => Promise<void>> = { init: runInit, migrate: runMigrate };

/** Runs one CLI invocation and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(USAGE + "\n");
    return command ? 0 : 2;
  }
  const run = commands[command];
  if (!run) {
    process.stderr.write(`portcullis: unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  try {
    await run(args, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`portcullis ${command}: ${error.message}\nRun "portcullis --help" for usage.\n`);
      return 2;
    }
    const message = isAppError(error) ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`portcullis ${command}: ${message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
