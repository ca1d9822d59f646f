import { sqlRunner } from "../store/sql-runner";
import { writeStatement, type WriteRequest } from "./write-sql";

interface Queued extends WriteRequest {
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

interface ProjectQueue {
  queued: Queued[];
  running: boolean;
}

const MAX_TUPLES_PER_STATEMENT = 5_000;
const queues = new Map<string, ProjectQueue>();

async function runStatement(projectId: string, requests: WriteRequest[]): Promise<number> {
  const statement = writeStatement(projectId, requests);
  const [row] = await (await sqlRunner())("", statement.text, statement.values);
  return Number(row.seq);
}

function takeBatch(queue: ProjectQueue): Queued[] {
  let tuples = 0;
  let count = 0;
  while (count < queue.queued.length && (count === 0 || tuples + queue.queued[count].insert.length <= MAX_TUPLES_PER_STATEMENT)) {
    tuples += queue.queued[count].insert.length;
    count++;
  }
  return queue.queued.splice(0, count);
}

async function drain(projectId: string, queue: ProjectQueue): Promise<void> {
  queue.running = true;
  while (queue.queued.length) {
    const batch = takeBatch(queue);
    try {
      const seq = await runStatement(projectId, batch);
      for (const request of batch) request.resolve(seq);
    } catch (error) {
      if (batch.length === 1) batch[0].reject(error);
      // One request's failure must not fail the others: write them one by one.
      else for (const request of batch) await runStatement(projectId, [request]).then(request.resolve, request.reject);
    }
  }
  queue.running = false;
  queues.delete(projectId);
}

/**
 * Group commit for insert-only writes. Writes of one project serialize on its sequence row anyway, so while
 * one statement runs, this instance queues the project's next inserts and writes them together in the next
 * statement: one sequence bump, one commit (one WAL flush) for all of them, an audit event each. A lone write
 * waits for nothing. All requests of a statement get its sequence as their token.
 */
export function insertCoalesced(projectId: string, request: WriteRequest): Promise<number> {
  let queue = queues.get(projectId);
  if (!queue) {
    queue = { queued: [], running: false };
    queues.set(projectId, queue);
  }
  const promise = new Promise<number>((resolve, reject) => queue.queued.push({ ...request, resolve, reject }));
  if (!queue.running) void drain(projectId, queue);
  return promise;
}
