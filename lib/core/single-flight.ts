/**
 * One load per key at a time: concurrent callers of a missing cache entry share the in-flight promise
 * instead of each querying the database (a cache expiry under load would otherwise send one query per
 * concurrent request — the thundering herd).
 */
export class SingleFlight<K, V> {
  private readonly inflight = new Map<K, Promise<V>>();

  run(key: K, load: () => Promise<V>): Promise<V> {
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const promise = load().finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }

  /** Starts a load in the background unless one is running; failures are left to the next caller. */
  refresh(key: K, load: () => Promise<V>): void {
    if (!this.inflight.has(key)) this.run(key, load).catch(() => undefined);
  }
}
