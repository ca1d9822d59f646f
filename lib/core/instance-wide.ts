import { processGlobal } from "./process-global";

/**
 * One instance of Portcullis can be several processes (`WORKERS` machine-API processes next to one Next process;
 * server/cluster.ts). An in-process cache drop — a revoked API key, an ended session, a changed project — must
 * reach every process of the instance at once, not after the cache's TTL: `instanceWide` wraps such a function so
 * a call runs it here and has the supervising process relay `{ name, args }` over the IPC channel to the
 * instance's other processes, which run their own registered copy. Outside such a process tree (tests, `next
 * dev`, the CLI) a call only runs locally. Arguments must survive structured cloning (strings, numbers).
 */
type Drop<A extends unknown[]> = (...args: A) => void;

interface RelayMessage {
  portcullisInstanceWide: { name: string; args: unknown[] };
}

interface BusState {
  /** Every copy of a module registers its own function (Next's bundle and server/ load lib/ separately). */
  handlers: Map<string, Set<(...args: unknown[]) => void>>;
  /** Set by the process-tree entry (server/) once the supervisor relays; off otherwise. */
  send?: (message: RelayMessage) => void;
}

const bus = processGlobal("core.instance-wide", (): BusState => ({ handlers: new Map() }));

export function instanceWide<A extends unknown[]>(name: string, drop: Drop<A>): Drop<A> {
  const copies = bus.handlers.get(name) ?? new Set();
  copies.add(drop as (...args: unknown[]) => void);
  bus.handlers.set(name, copies);
  return (...args: A) => {
    drop(...args);
    bus.send?.({ portcullisInstanceWide: { name, args } });
  };
}

export function isRelayMessage(message: unknown): message is RelayMessage {
  const body = (message as Partial<RelayMessage> | null)?.portcullisInstanceWide;
  return typeof body?.name === "string" && Array.isArray(body.args);
}

/** A relayed call from a sibling process: runs this process's copy, without relaying it again. */
export function receiveRelayed(message: RelayMessage): void {
  const { name, args } = message.portcullisInstanceWide;
  for (const drop of bus.handlers.get(name) ?? []) drop(...args);
}

/** Called by a child of the instance's supervisor: calls made here go to the siblings through `send`. */
export function relayInstanceWide(send: ((message: RelayMessage) => void) | undefined): void {
  bus.send = send;
}
