import { db } from "~/db/client.server";
import {
  personalData,
  type RetentionFacts,
  type RetentionItem,
  type RetentionKind,
} from "~/platform/personal-data";
import { leaverDue } from "./policy";
import { erasedPeople, heldPeople, storedRules } from "./queries.server";

/**
 * What the next retention pass removes, item by item: the admin page counts it and the pass removes
 * exactly it, so what the page predicts is what happens (decision 091). The kinds of record are the
 * modules' own, declared with what they hold about a person (decision 096): a one-to-one's private
 * notes, feedback examples, rejected candidates, leavers. Each item names the person whose
 * transaction removes it.
 */
export type RetentionPlan = { kind: string; rule: RetentionKind; items: RetentionItem[] }[];

export type PlanCounts = Record<string, number>;

export function planCounts(plan: RetentionPlan): PlanCounts {
  return Object.fromEntries(plan.map(({ kind, items }) => [kind, items.length]));
}

export async function retentionPlan(now: Date): Promise<RetentionPlan> {
  const [rules, held, erased] = await Promise.all([storedRules(), heldPeople(), erasedPeople()]);
  const facts: RetentionFacts = { keepFor: (rule) => rules[rule].keepFor, held, erased, now };
  return Promise.all(
    personalData
      .retentionKinds()
      .map(async ({ kind, rule }) => ({ kind, rule, items: await rule.due(facts) })),
  );
}

/** The people who left long enough ago, not erased yet and not on hold: retention's own kind. */
export async function dueLeavers({
  keepFor,
  held,
  erased,
  now,
}: RetentionFacts): Promise<RetentionItem[]> {
  // With no period set nobody is due: leaverDue says so, and nothing here restates it.
  const months = keepFor("leavers");
  const left = await db.user.findMany({
    where: { deactivatedAt: { not: null, lte: now } },
    select: { id: true, deactivatedAt: true },
    orderBy: { id: "asc" },
  });
  return left
    .filter((person) =>
      leaverDue(
        { leftAt: person.deactivatedAt, erased: erased.has(person.id), held: held.has(person.id) },
        months,
        now,
      ),
    )
    .map((person) => ({ id: person.id, personId: person.id }));
}
