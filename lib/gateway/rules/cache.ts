import { instanceWide } from "@/lib/core/instance-wide";
import type { ProjectDb } from "@/lib/db";
import { loadRuleSet, type RuleSet } from "./ruleset";
import { readSettings } from "./store";

/**
 * Compiled rule sets per project. A write in this process invalidates at once — also in the other module
 * copy Next bundles into the same process (the epoch map lives on globalThis). Other instances notice a
 * write within RECHECK_MS: after that, a cached set is revalidated by its version (one indexed read) and
 * recompiled only when the version moved.
 */
export const RECHECK_MS = 5_000;

interface Entry {
  set: Promise<RuleSet>;
  checkedAt: number;
  epoch: number;
}

const EPOCHS = Symbol.for("portcullis.gateway.epochs");
type GlobalWithEpochs = typeof globalThis & { [EPOCHS]?: Map<string, number> };
const epochs = ((globalThis as GlobalWithEpochs)[EPOCHS] ??= new Map<string, number>());
const entries = new Map<string, Entry>();
const MAX_PROJECTS = 10_000;

export const invalidateRuleSet = instanceWide("gateway/rules/cache#invalidateRuleSet", (projectId: string): void => {
  epochs.set(projectId, (epochs.get(projectId) ?? 0) + 1);
  entries.delete(projectId);
});

export const clearRuleSets = instanceWide("gateway/rules/cache#clearRuleSets", (): void => {
  entries.clear();
});

/**
 * The project's compiled rule set. A hit costs a map lookup; past RECHECK_MS the version is re-read in the
 * background (the current set keeps serving meanwhile) and the set recompiled only when it moved.
 */
export function ruleSetFor(projectId: string, db: () => Promise<ProjectDb>): Promise<RuleSet> {
  const now = Date.now();
  const epoch = epochs.get(projectId) ?? 0;
  const entry = entries.get(projectId);
  if (entry && entry.epoch === epoch) {
    if (now - entry.checkedAt >= RECHECK_MS) {
      entry.checkedAt = now;
      void revalidate(projectId, entry, db);
    }
    return entry.set;
  }
  return load(projectId, db, epoch, now);
}

function load(projectId: string, db: () => Promise<ProjectDb>, epoch: number, now: number): Promise<RuleSet> {
  const set = (async () => loadRuleSet(projectId, await db()))();
  if (entries.size >= MAX_PROJECTS) entries.delete(entries.keys().next().value!);
  entries.set(projectId, { set, checkedAt: now, epoch });
  set.catch(() => entries.delete(projectId));
  return set;
}

async function revalidate(projectId: string, entry: Entry, db: () => Promise<ProjectDb>): Promise<void> {
  try {
    const current = await entry.set;
    if ((await readSettings(await db())).version === current.version) return;
  } catch {
    // unreadable: reload below
  }
  if (entries.get(projectId) === entry) void load(projectId, db, entry.epoch, Date.now()).catch(() => undefined);
}
