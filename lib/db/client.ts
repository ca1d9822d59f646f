import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

export interface DbOptions {
  url: string;
  /** The embedded database is one PostgreSQL session: its pool must hold exactly one connection. */
  poolSize: number;
}

export function createPrismaClient({ url, poolSize }: DbOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  return new PrismaClient({ adapter });
}
