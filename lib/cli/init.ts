import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { closeDatabase, initDatabase } from "@/lib/db";
import { createOwner } from "@/lib/workspaces/setup";
import { UsageError } from "./usage";

export interface CommandIo {
  stdout(line: string): void;
  readStdin(): Promise<string>;
}

function parseInitArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        email: { type: "string" },
        password: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
        workspace: { type: "string" },
        name: { type: "string" },
        json: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `portcullis init`: migrates, then creates the owner and first workspace with a workspace API key. */
export async function runInit(args: string[], io: CommandIo): Promise<void> {
  const options = parseInitArgs(args);
  if (options.password !== undefined && options["password-stdin"]) throw new UsageError("Use either --password or --password-stdin, not both.");
  const password = options["password-stdin"] ? (await io.readStdin()).replace(/\r?\n$/, "") : options.password;
  const missing = [!options.email && "--email", !password && "--password", !options.workspace && "--workspace"].filter(Boolean);
  if (missing.length) throw new UsageError(`Missing ${missing.join(", ")}.`);
  try {
    await initDatabase({ migrate: true });
    const result = await createOwner({ email: options.email!, password: password!, name: options.name, workspaceName: options.workspace!, withApiKey: true });
    if (options.json) {
      io.stdout(JSON.stringify({ workspace_id: result.workspaceId, api_key: result.apiKey }));
    } else {
      io.stdout(`Created the owner ${options.email!.trim().toLowerCase()} and the workspace "${options.workspace!.trim()}" (${result.workspaceId}).`);
      io.stdout(`Workspace API key (shown once, keep it secret): ${result.apiKey}`);
    }
  } catch (error) {
    if (error instanceof ZodError) {
      throw new UsageError(error.issues.map((issue) => `${cliName(issue.path.join("."))}: ${issue.message}`).join("\n"));
    }
    throw error;
  } finally {
    await closeDatabase();
  }
}

const cliNames: Record<string, string> = { email: "--email", password: "--password", workspaceName: "--workspace", name: "--name" };
const cliName = (field: string) => cliNames[field] ?? field;
