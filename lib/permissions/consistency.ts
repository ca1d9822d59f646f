import { badRequest } from "@/lib/core/errors";
import { config } from "@/lib/config";
import type { SqlRunner } from "./store/sql-runner";

/**
 * Consistency tokens (Zanzibar's zookies, §2.2): every write bumps the project's write sequence in its
 * transaction and returns it as an opaque token. A read given a token is answered from a state at least as
 * fresh as that write: the instance re-reads the sequence when its own view is older than the token. Reads
 * without a token may use this instance's view for up to PERMISSION_VERSION_TTL_MS (bounded staleness, as
 * Zanzibar's default); writes made through this instance are visible to it at once.
 */
export const CONSISTENCY_HEADER = "x-ory-consistency-token";
const PREFIX = "pct1_";

interface KnownVersion {
  seq: number;
  readAt: number;
}
const known = new Map<string, KnownVersion>();

export function encodeToken(projectId: string, seq: number): string {
  return PREFIX + Buffer.from(`${projectId}:${seq}`, "utf8").toString("base64url");
}

/** The sequence a token stands for; tokens of another project or malformed ones are a 400. */
export function decodeToken(projectId: string, token: string): number {
  const invalid = () => badRequest("The consistency token is invalid.", { id: "invalid_consistency_token", reason: "The token is malformed or belongs to another project." });
  if (!token.startsWith(PREFIX) || token.length > 200) throw invalid();
  const [owner, seqText] = Buffer.from(token.slice(PREFIX.length), "base64url").toString("utf8").split(":");
  const seq = Number(seqText);
  if (owner !== projectId || !Number.isSafeInteger(seq) || seq < 0) throw invalid();
  return seq;
}

export function noteWrite(projectId: string, seq: number): void {
  const entry = known.get(projectId);
  if (!entry || entry.seq < seq) known.set(projectId, { seq, readAt: Date.now() });
}

async function readSequence(run: SqlRunner, projectId: string): Promise<number> {
  const rows = await run("pc_perm_sequence", "SELECT seq FROM permission_sequences WHERE project_id = $1", [projectId]);
  return rows.length ? Number(rows[0].seq) : 0;
}

/** Sequence reads in flight, per project: when the view expires under load, one query serves every waiting check. */
const inFlight = new Map<string, Promise<number>>();

function refresh(run: SqlRunner, projectId: string): Promise<number> {
  let pending = inFlight.get(projectId);
  if (!pending) {
    const startedAt = Date.now();
    pending = readSequence(run, projectId).then((seq) => {
      if (known.size > 100_000) known.clear();
      const latest = Math.max(seq, known.get(projectId)?.seq ?? 0);
      known.set(projectId, { seq: latest, readAt: startedAt });
      return latest;
    }).finally(() => inFlight.delete(projectId));
    inFlight.set(projectId, pending);
  }
  return pending;
}

/**
 * The write sequence a read will be answered at: at least `minimum` (from a token), and never older than
 * PERMISSION_VERSION_TTL_MS. Results cached at a lower sequence must not be used. No database round trip while
 * this instance's view is fresh enough; a token newer than the view makes it re-read the sequence.
 */
export async function readVersion(run: SqlRunner, projectId: string, minimum = 0): Promise<number> {
  const entry = known.get(projectId);
  const ttl = config().PERMISSION_VERSION_TTL_MS;
  const age = entry ? Date.now() - entry.readAt : Infinity;
  if (entry && entry.seq >= minimum && age < ttl) {
    // Refresh-ahead: a busy project's view is renewed in the background, so checks never queue behind the read.
    if (age > ttl / 2) refresh(run, projectId).catch(() => undefined);
    return entry.seq;
  }
  let seq = await refresh(run, projectId);
  // A read that was already in flight may predate the write the token stands for: read once more.
  if (seq < minimum) seq = await refresh(run, projectId);
  if (seq < minimum) {
    throw badRequest("The consistency token is newer than any write of this project.", { id: "invalid_consistency_token" });
  }
  return seq;
}

export function forgetVersions(): void {
  known.clear();
  inFlight.clear();
}
