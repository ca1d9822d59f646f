export const USAGE = `Usage: portcullis <command> [options]

Commands:
  init       Create the owner account and the first workspace (once), print a workspace API key.
               --email E          owner's email address (required)
               --password P       owner's password, at least 8 characters (or --password-stdin)
               --password-stdin   read the password from standard input
               --workspace NAME   name of the first workspace (required)
               --name N           owner's display name
               --json             print {"workspace_id": "...", "api_key": "..."} only
  migrate    Apply pending database migrations and list what was applied.
               --json             print {"applied": [...], "already_applied": [...]}
  help       Show this help (also --help, -h).

The database is DATABASE_URL when set, otherwise the embedded PGlite under DATA_DIR (default .data);
a running Portcullis on the same DATA_DIR is joined rather than opened twice.

Exit codes: 0 success, 1 failure (e.g. already initialized, database unreachable), 2 invalid usage or input.`;

/** A mistake in how the command was called: exit code 2 and the usage hint. */
export class UsageError extends Error {}
