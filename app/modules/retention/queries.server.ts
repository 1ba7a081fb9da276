import { db, type Prisma } from "~/db/client.server";
import { OTHERS_TEXTS, RULE_KINDS, type OthersTexts, type Rule, type RuleKind } from "./policy";

type Reader = Pick<Prisma.TransactionClient, "retentionRule" | "legalHold" | "erasureRecord">;

/** Every rule, a kind without a row kept until removed by hand. */
export async function storedRules(client: Reader = db): Promise<Record<RuleKind, Rule>> {
  const rows = await client.retentionRule.findMany({
    select: { kind: true, keepFor: true, othersTexts: true },
  });
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  const rules = {} as Record<RuleKind, Rule>;
  for (const kind of RULE_KINDS) {
    const row = byKind.get(kind);
    const othersTexts: OthersTexts = (OTHERS_TEXTS as readonly string[]).includes(
      row?.othersTexts ?? "",
    )
      ? (row!.othersTexts as OthersTexts)
      : "keep";
    rules[kind] = { kind, keepFor: row?.keepFor ?? null, othersTexts };
  }
  return rules;
}

export async function heldPeople(client: Reader = db): Promise<Set<string>> {
  return new Set(
    (await client.legalHold.findMany({ select: { personId: true } })).map((hold) => hold.personId),
  );
}

export async function erasedPeople(client: Reader = db): Promise<Set<string>> {
  return new Set(
    (await client.erasureRecord.findMany({ select: { personId: true } })).map(
      (entry) => entry.personId,
    ),
  );
}

/** The erasure ledger: ids and dates, oldest first. */
export async function erasureLedger(
  client: Reader = db,
): Promise<{ personId: string; erasedAt: Date }[]> {
  return client.erasureRecord.findMany({
    select: { personId: true, erasedAt: true },
    orderBy: [{ erasedAt: "asc" }, { personId: "asc" }],
  });
}
