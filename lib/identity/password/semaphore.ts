import { AppError } from "@/lib/core/errors";

/**
 * Bounds how many CPU-heavy jobs run at once; the rest wait in FIFO order. A full queue fails fast (503)
 * rather than letting a login storm hold unbounded memory (each argon2id job holds its memory cost).
 */
export class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number, private readonly maxQueue = 10_000) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.maxQueue) throw new AppError("unavailable", "The server is busy, please retry shortly.");
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
