import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

export interface DbOptions {
  url: string;
  /** The embedded database is one PostgreSQL session: its pool must hold exactly one connection. */
  poolSize: number;
}

/** How long a pooled PostgreSQL connection may sit idle before it is closed (both pools; see sql-runner.ts). */
export const IDLE_CONNECTION_MS = 300_000;

export function createPrismaClient({ url, poolSize }: DbOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize, idleTimeoutMillis: IDLE_CONNECTION_MS });
  return new PrismaClient({ adapter });
}
