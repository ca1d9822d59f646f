import type { SignKeyObjectInput } from "node:crypto";
import { Worker } from "node:worker_threads";

/** One key as the worker uses it: the KeyObject (cloned by postMessage) with its digest and sign options. */
export interface SignerKey {
  hash: string | null;
  options: SignKeyObjectInput;
}

interface Waiter {
  resolve(signature: string): void;
  reject(error: Error): void;
}

interface Batch {
  inputs: string[];
  keyIndexes: number[];
  keys: SignerKey[];
  waiters: Waiter[];
}

/** Signatures come back in input order: a base64url string, or `{ error }` for an input that failed. */
type BatchResult = (string | { error: string })[];

// Plain CommonJS evaluated in the worker: no loader, no bundler, nothing from this project's modules.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { sign } = require("node:crypto");
parentPort.on("message", ({ inputs, keyIndexes, keys }) => {
  const out = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const key = keys[keyIndexes[i]];
    try { out[i] = sign(key.hash, Buffer.from(inputs[i]), key.options).toString("base64url"); }
    catch (error) { out[i] = { error: String(error && error.message || error) }; }
  }
  parentPort.postMessage(out);
});`;

/**
 * Signs on one worker thread, fed in batches: the signatures requested during a turn go over in messages of up
 * to FLUSH_AT inputs (the last one flushed by setImmediate, after the turn's I/O callbacks), each answered by
 * one message. A per-token libuv job costs the JS thread ~10–15 µs (job setup, a pool wake-up, a completion
 * callback); a batch costs about one message each way. The worker is unref'd (never keeps the process alive), answers batches in
 * order, and is replaced after a crash, failing only the batches it held.
 */
/**
 * A batch also goes over as soon as it holds this many inputs, so the worker signs while the JS thread is still
 * handling the rest of a busy turn's requests. Flushing only at the end of the turn made the two threads take
 * turns, one idle while the other worked: with 16 clients on 2 cores the token endpoint went from 9,200/s to
 * 11,300–13,200/s at 4 (2, 3, 6 and 8 gave 11,500–11,900/s).
 */
export const FLUSH_AT = 4;

/** A worker thread and the batches it holds, answered in order. */
interface SignerThread {
  worker: Worker;
  inflight: Waiter[][];
}

export class BatchSigner {
  private thread?: SignerThread;
  private batch?: Batch;
  private readonly keyIndex = new Map<SignKeyObjectInput, number>();

  sign(input: string, key: SignerKey): Promise<string> {
    return new Promise((resolve, reject) => {
      const batch = this.batch ?? this.startBatch();
      let index = this.keyIndex.get(key.options);
      if (index === undefined) {
        index = batch.keys.push(key) - 1;
        this.keyIndex.set(key.options, index);
      }
      batch.inputs.push(input);
      batch.keyIndexes.push(index);
      batch.waiters.push({ resolve, reject });
      if (batch.inputs.length >= FLUSH_AT) this.flush(batch);
    });
  }

  /** Inputs waiting for the next message to the worker. */
  get queued(): number {
    return this.batch?.inputs.length ?? 0;
  }

  private startBatch(): Batch {
    const batch: Batch = { inputs: [], keyIndexes: [], keys: [], waiters: [] };
    this.batch = batch;
    setImmediate(() => this.batch === batch && this.flush(batch));
    return batch;
  }

  private flush(batch: Batch): void {
    this.batch = undefined;
    this.keyIndex.clear();
    const { waiters, ...message } = batch;
    try {
      const thread = this.signerThread();
      thread.worker.postMessage(message);
      thread.inflight.push(waiters);
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /**
   * Stops the worker; batches it still held are signed if it answers before it stops and rejected otherwise.
   * The worker is let go at once, not when its 'exit' event comes: a signature requested meanwhile starts a new
   * one instead of going to a thread that is already stopping (on Node 24 a terminated worker's answers are
   * delivered before its 'exit', so awaiting one of them left the next batch on the dying thread).
   */
  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    await thread?.worker.terminate();
  }

  private signerThread(): SignerThread {
    if (this.thread) return this.thread;
    // execArgv: [] keeps the parent's loader (tsx) and profiling flags out of this plain-JS thread.
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
    const thread: SignerThread = { worker, inflight: [] };
    worker.on("message", (results: BatchResult) => settle(thread, results));
    worker.on("error", (error) => this.abandon(thread, error));
    worker.on("exit", (code) => this.abandon(thread, new Error(`The signing worker exited (code ${code}).`)));
    worker.unref();
    this.thread = thread;
    return thread;
  }

  /** A crashed or stopped worker fails the batches it still held; the next signature starts a new one. */
  private abandon(thread: SignerThread, error: Error): void {
    if (this.thread === thread) this.thread = undefined;
    for (const waiters of thread.inflight.splice(0)) for (const waiter of waiters) waiter.reject(error);
  }
}

function settle(thread: SignerThread, results: BatchResult): void {
  const waiters = thread.inflight.shift() ?? [];
  waiters.forEach((waiter, i) => {
    const result = results[i];
    if (typeof result === "string") waiter.resolve(result);
    else waiter.reject(new Error(result?.error ?? "The signing worker returned no signature."));
  });
}
