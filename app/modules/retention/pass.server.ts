import { db, forgetFreedBytes } from "~/db/client.server";
import * as clock from "~/platform/clock.server";
import { erasePerson } from "./erasure.server";
import { erasuresToReplay } from "./policy";
import { retentionPlan, type PlanCounts, type RetentionPlan } from "./plan.server";
import { erasureLedger, storedRules } from "./queries.server";

export type PassResult = { removed: PlanCounts; failed: string[] };

/**
 * The daily retention pass (on one server, under the clock lease: server/index.ts). It removes what
 * the plan lists, and nothing else, kind by kind and one transaction per person (each module's
 * `remove`): each author's private notes, the feedback examples about each person, each candidate,
 * each leaver's erasure. A person whose transaction fails is left as they were and named in
 * `failed`; the next pass tries again. Each removal is an audit event that counts, never quotes.
 */
export async function runRetentionPass(now = clock.now()): Promise<PassResult> {
  return applyPlan(await retentionPlan(now), now);
}

async function applyPlan(plan: RetentionPlan, now: Date): Promise<PassResult> {
  const removed: PlanCounts = Object.fromEntries(plan.map(({ kind }) => [kind, 0]));
  const failed: string[] = [];
  for (const { kind, rule, items } of plan) {
    for (const [personId, due] of byPerson(items, (item) => item.personId)) {
      try {
        removed[kind]! += await rule.remove(
          personId,
          due.map((item) => item.id),
          now,
        );
      } catch (error) {
        console.error(
          `The retention pass could not finish for ${personId}; nothing of theirs was changed:`,
          error,
        );
        failed.push(personId);
      }
    }
  }
  if (Object.values(removed).some((count) => count > 0)) await forgetFreedBytes();
  return { removed, failed };
}

function byPerson<T>(items: readonly T[], personOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items)
    (groups.get(personOf(item)) ?? groups.set(personOf(item), []).get(personOf(item))!).push(item);
  return groups;
}

/**
 * After a restore from an older backup: erases again everyone a newer ledger names that the restored
 * database does not (policy's erasuresToReplay), on hold or not (they were erased), each in its own
 * transaction. Returns who was erased again.
 */
export async function replayErasures(
  newer: readonly { personId: string; erasedAt: Date }[],
): Promise<string[]> {
  const due = erasuresToReplay(await erasureLedger(), newer);
  const { othersTexts } = (await storedRules()).leavers;
  const replayed: string[] = [];
  for (const entry of due) {
    const exists = await db.user.findUnique({
      where: { id: entry.personId },
      select: { id: true },
    });
    if (exists && (await erasePerson(entry.personId, entry.erasedAt, othersTexts, "replay")))
      replayed.push(entry.personId);
  }
  if (replayed.length > 0) await forgetFreedBytes();
  return replayed;
}
