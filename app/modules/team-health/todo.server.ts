import { db } from "~/db/client.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";

/**
 * Team health's to-dos (app/modules/todo): a person asked in an open check-in who has not answered
 * (their own flag, shown to them alone), and the owner of a team's action not yet done.
 */
export async function teamHealthTodoFacts(
  viewer: { id: string },
  now: Date,
): Promise<Pick<TodoFacts, "teamHealthToAnswer" | "teamHealthActions">> {
  const [invitations, actions] = await Promise.all([
    db.teamHealthInvitation.findMany({
      where: {
        personId: viewer.id,
        answered: false,
        checkInTeam: { checkIn: { closedAt: null, closesAt: { gt: now } } },
      },
      select: {
        checkInTeam: {
          select: {
            team: { select: { name: true } },
            checkIn: { select: { id: true, closesAt: true } },
          },
        },
      },
    }),
    db.teamHealthAction.findMany({
      where: { ownerId: viewer.id, doneAt: null },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      select: {
        id: true,
        dueOn: true,
        teamId: true,
        team: { select: { name: true } },
        checkInTeam: { select: { checkInId: true } },
      },
    }),
  ]);
  return {
    teamHealthToAnswer: invitations.map((invitation) => ({
      checkInId: invitation.checkInTeam.checkIn.id,
      team: invitation.checkInTeam.team.name,
      closesAt: invitation.checkInTeam.checkIn.closesAt,
    })),
    teamHealthActions: actions.map((action) => ({
      actionId: action.id,
      checkInId: action.checkInTeam.checkInId,
      teamId: action.teamId,
      team: action.team.name,
      dueOn: action.dueOn,
    })),
  };
}

/** Whose lists may have changed: everyone asked in a check-in started since, and the owners of actions written since. */
export async function teamHealthTodoChanges({ writtenSince }: ChangeWindow): Promise<TodoChanges> {
  const [invited, actions] = await Promise.all([
    db.teamHealthInvitation.findMany({
      where: { checkInTeam: { checkIn: { updatedAt: { gte: writtenSince } } } },
      select: { personId: true },
    }),
    db.teamHealthAction.findMany({
      where: { updatedAt: { gte: writtenSince }, ownerId: { not: null } },
      select: { ownerId: true },
    }),
  ]);
  return {
    people: [
      ...new Set([...invited.map((row) => row.personId), ...actions.map((row) => row.ownerId!)]),
    ],
  };
}
