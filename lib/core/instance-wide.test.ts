import { afterEach, describe, expect, it } from "vitest";
import { instanceWide, isRelayMessage, receiveRelayed, relayInstanceWide } from "./instance-wide";

describe("instance-wide cache drops", () => {
  afterEach(() => relayInstanceWide(undefined));

  it("runs here and, inside an instance's process tree, sends the call for the siblings", () => {
    const dropped: string[] = [];
    const sent: unknown[] = [];
    const drop = instanceWide("test#drop", (projectId: string, keyId?: string) => void dropped.push(`${projectId}/${keyId ?? "*"}`));
    drop("p1");
    expect(sent).toEqual([]);
    relayInstanceWide((message) => sent.push(message));
    drop("p1", "k1");
    expect(dropped).toEqual(["p1/*", "p1/k1"]);
    expect(sent).toEqual([{ portcullisInstanceWide: { name: "test#drop", args: ["p1", "k1"] } }]);
  });

  it("runs every registered copy on a relayed call and relays nothing further", () => {
    const calls: string[] = [];
    const sent: unknown[] = [];
    instanceWide("test#copies", (id: string) => void calls.push(`first ${id}`));
    instanceWide("test#copies", (id: string) => void calls.push(`second ${id}`));
    relayInstanceWide((message) => sent.push(message));
    const message: unknown = { portcullisInstanceWide: { name: "test#copies", args: ["x"] } };
    expect(isRelayMessage(message)).toBe(true);
    if (isRelayMessage(message)) receiveRelayed(message);
    expect(calls).toEqual(["first x", "second x"]);
    expect(sent).toEqual([]);
  });

  it("tells relay messages from anything else on the channel", () => {
    expect(isRelayMessage({ type: "start" })).toBe(false);
    expect(isRelayMessage(null)).toBe(false);
    expect(isRelayMessage({ portcullisInstanceWide: { name: 1, args: [] } })).toBe(false);
  });
});
