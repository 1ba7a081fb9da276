import { db } from "../../app/db/client.server.ts";
import { EDMONDSON_ITEMS } from "../../app/modules/team-health/items.ts";
import { closeLiveCheckIn, startLiveCheckIn } from "../../app/modules/team-health/live.server.ts";
import { submitAnswer } from "../../app/modules/team-health/team-health.server.ts";

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/**
 * A live check-in of the demo (decision 112): Rosa Delgado ran one in Identity's retro about forty
 * days ago; five of its seven people answered on their phones within minutes, four answers (one
 * whole batch) are shown, and she closed it when the retro moved on. Idempotent.
 */
export async function seedDemoTeamHealthLive(now = new Date()): Promise<void> {
  if (await db.teamHealthCheckIn.findFirst({ where: { liveCode: { not: null } } })) return;
  const team = await db.team.findUnique({
    where: { name: "Identity" },
    select: {
      id: true,
      members: {
        where: { deactivatedAt: null },
        select: { id: true, email: true, isAdmin: true },
        orderBy: { email: "asc" },
      },
    },
  });
  const rosa = team?.members.find((person) => person.email === "rosa.delgado@example.com");
  if (!team || !rosa) return;
  const startedAt = new Date(now.getTime() - 40 * DAY);
  const code = await startLiveCheckIn(rosa, { teamId: team.id, libraryItems: [] }, startedAt);
  const checkIn = await db.teamHealthCheckIn.findUniqueOrThrow({
    where: { liveCode: code },
    select: { id: true },
  });
  for (const [index, person] of team.members.slice(0, 5).entries())
    await submitAnswer(
      person,
      checkIn.id,
      {
        values: Object.fromEntries(
          EDMONDSON_ITEMS.map((item, itemIndex) => [item, ((index * 2 + itemIndex) % 7) + 1]),
        ),
        comment: "",
      },
      new Date(startedAt.getTime() + (2 + index) * MINUTE),
    );
  await closeLiveCheckIn(rosa, code, new Date(startedAt.getTime() + 15 * MINUTE));
}
