import { config } from "@/lib/config";
import type { Membership } from "./engine/membership";

interface Entry {
  seq: number;
  membership: Membership;
}

/**
 * The in-process check cache: an LRU keyed by project, model, depth and the question, tagged with the write
 * sequence it was computed at. An entry answers only reads at or below its sequence, so a write (which raises
 * the sequence every reader requires) invalidates every older entry of the project at once, across instances.
 */
export class CheckCache {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly capacity: number) {}

  get(key: string, minimumSeq: number): Membership | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.seq < minimumSeq) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.membership;
  }

  set(key: string, seq: number, membership: Membership): void {
    if (this.capacity === 0) return;
    const existing = this.entries.get(key);
    if (existing && existing.seq > seq) return;
    this.entries.delete(key);
    this.entries.set(key, { seq, membership });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

let shared: CheckCache | undefined;
export const checkCache = () => (shared ??= new CheckCache(config().PERMISSION_CHECK_CACHE_SIZE));
