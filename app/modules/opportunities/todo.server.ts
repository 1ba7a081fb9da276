import { db } from "~/db/client.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";

/**
 * Stretch opportunities' to-dos (app/modules/todo): a manager is told of each report's interest
 * until they open the opportunity; a poster chooses among the people interested in their open
 * opportunity by the day it starts; a person is told of the choice until they have read it.
 */
export async function opportunityTodoFacts(viewer: { id: string }): Promise<Pick<TodoFacts, "opportunityInterests" | "opportunitiesToDecide" | "opportunityOutcomes">> {
  const [interests, toDecide, outcomes] = await Promise.all([
    db.opportunityInterest.findMany({
      where: { managerId: viewer.id, managerSeenAt: null, opportunity: { status: "open" } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { opportunityId: true, personId: true, person: { select: { name: true } }, opportunity: { select: { title: true } } },
    }),
    db.opportunity.findMany({
      where: { posterId: viewer.id, status: "open", interests: { some: {} } },
      orderBy: [{ startsOn: "asc" }, { id: "asc" }],
      select: { id: true, title: true, startsOn: true, _count: { select: { interests: true } } },
    }),
    db.opportunityInterest.findMany({
      where: { personId: viewer.id, outcome: { not: null }, outcomeSeenAt: null },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      select: { opportunityId: true, outcome: true, opportunity: { select: { title: true } } },
    }),
  ]);
  return {
    opportunityInterests: interests.map((row) => ({ opportunityId: row.opportunityId, title: row.opportunity.title, personId: row.personId, personName: row.person.name })),
    opportunitiesToDecide: toDecide.map((row) => ({ opportunityId: row.id, title: row.title, interested: row._count.interests, startsOn: row.startsOn })),
    opportunityOutcomes: outcomes.map((row) => ({ opportunityId: row.opportunityId, title: row.opportunity.title, chosen: row.outcome === "chosen" })),
  };
}

/** Whose opportunity to-dos may have changed: the person, their manager and the poster of every interest written since. Time alone adds none. */
export async function opportunityTodoChanges({ writtenSince }: ChangeWindow): Promise<TodoChanges> {
  const rows = await db.opportunityInterest.findMany({
    where: { OR: [{ updatedAt: { gte: writtenSince } }, { opportunity: { updatedAt: { gte: writtenSince } } }] },
    select: { personId: true, managerId: true, opportunity: { select: { posterId: true } } },
  });
  return { people: [...new Set(rows.flatMap((row) => [row.personId, row.opportunity.posterId, ...(row.managerId ? [row.managerId] : [])]))] };
}
