import { instanceWide } from "@/lib/core/instance-wide";
import { platformDb, type Db } from "@/lib/db";

const KEY = "setup_host";
/** When no host is known yet, the database is asked again at most this often (another instance may have set up). */
const RECHECK_MS = 5_000;

interface SetupHostState {
  host: string | undefined;
  checkedAt: number;
  loading?: Promise<string | undefined>;
}

// server.ts and Next's bundle load separate copies of this module: the state lives on globalThis so a setup
// finished through a page is seen by the fast path at once.
const STATE = Symbol.for("portcullis.request-origin.setup-host");
const globalRef = globalThis as typeof globalThis & { [STATE]?: SetupHostState };
const state = (): SetupHostState => (globalRef[STATE] ??= { host: undefined, checkedAt: 0 });

/** The host (`host[:port]`) the install was set up on, as last read; no database access. */
export function knownSetupHost(): string | undefined {
  return state().host;
}

/** Reads the recorded set-up host (at startup, and when a refused host might have been recorded meanwhile). */
export function loadSetupHost(options: { force?: boolean } = {}): Promise<string | undefined> {
  const current = state();
  if (current.host) return Promise.resolve(current.host);
  if (!options.force && Date.now() - current.checkedAt < RECHECK_MS) return Promise.resolve(undefined);
  current.loading ??= (async () => {
    try {
      const row = await (await platformDb()).platformSetting.findUnique({ where: { key: KEY } });
      current.host = row?.value;
      current.checkedAt = Date.now();
      return current.host;
    } finally {
      current.loading = undefined;
    }
  })();
  return current.loading;
}

/** After the setup's commit: every process of the instance reads the recorded host again (this one awaits it). */
const rereadSetupHost = instanceWide("request-origin/setup-host#reread", (): void => {
  loadSetupHost({ force: true }).catch(() => undefined);
});

export async function setupHostRecorded(): Promise<void> {
  rereadSetupHost();
  await loadSetupHost({ force: true });
}

/**
 * Records the host the owner was created on, unless one is recorded already (in the setup's transaction).
 * Call `setupHostRecorded()` after the commit so this process serves it at once.
 */
export async function recordSetupHost(tx: Pick<Db, "platformSetting">, host: string): Promise<void> {
  await tx.platformSetting.createMany({ data: [{ key: KEY, value: host.toLowerCase() }], skipDuplicates: true });
}

/** For tests: forget what was read. */
export function forgetSetupHost(): void {
  globalRef[STATE] = { host: undefined, checkedAt: 0 };
}
