import type { ProjectDb } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { Flow } from "./types";

type Row = Awaited<ReturnType<ProjectDb["oAuth2Flow"]["findFirst"]>>;

const toFlow = (row: NonNullable<Row>): Flow => ({
  ...row,
  state: row.state as Flow["state"],
  request: row.request as unknown as Flow["request"],
  login: row.login as unknown as Flow["login"],
  consent: row.consent as unknown as Flow["consent"],
});

export type FlowLookup = { id: string } | { consentChallenge: string } | { loginVerifier: string } | { consentVerifier: string };

export async function findFlow(db: ProjectDb, where: FlowLookup): Promise<Flow | undefined> {
  const row = await db.oAuth2Flow.findFirst({ where });
  return row ? toFlow(row) : undefined;
}

export async function insertFlow(db: ProjectDb, projectId: string, flow: Flow): Promise<void> {
  await db.oAuth2Flow.create({
    data: {
      ...flow,
      projectId,
      request: flow.request as unknown as Prisma.InputJsonValue,
      login: (flow.login ?? undefined) as unknown as Prisma.InputJsonValue,
      consent: (flow.consent ?? undefined) as unknown as Prisma.InputJsonValue,
    },
  });
}

type Changes = Partial<Omit<Flow, "id" | "request">>;

/** Moves a flow from one state to the next; false when it was not in `from` any more (a concurrent request won). */
export async function transitionFlow(db: ProjectDb, id: string, from: Flow["state"][], changes: Changes): Promise<boolean> {
  const { login, consent, ...rest } = changes;
  const { count } = await db.oAuth2Flow.updateMany({
    where: { id, state: { in: from } },
    data: {
      ...rest,
      ...(login !== undefined ? { login: login as unknown as Prisma.InputJsonValue } : {}),
      ...(consent !== undefined ? { consent: consent as unknown as Prisma.InputJsonValue } : {}),
    },
  });
  return count === 1;
}
