import { db } from "../../app/db/client.server.ts";
import { dateToDay } from "../../app/modules/days.ts";
import { EDMONDSON_ITEMS } from "../../app/modules/team-health/items.ts";
import { ownKey } from "../../app/modules/team-health/own-items.ts";
import { writeOwnItem } from "../../app/modules/team-health/own-items.server.ts";
import {
  chooseAction,
  markActionDone,
  startCheckIn,
  submitAnswer,
} from "../../app/modules/team-health/team-health.server.ts";

const DAY = 24 * 60 * 60 * 1000;
const emailOf = (name: string) => `${name.toLowerCase().replace(/ /g, ".")}@example.com`;

/**
 * The demo's team health, through the module as people would: Priya Raman (an admin) asks
 * Checkout and Search three times over two quarters (about 150 and 60 days ago, and one open now).
 * Checkout chose an action after the first (Marta Kowalska owns it, and it is done), so the second
 * asks whether it helped; Search chose one after the second, still open. In the open check-in Lena
 * Fischer has not answered yet. Answers vary so that no item is withheld. The organisation has
 * one item of its own (decision 123), written in English with a German wording (a French, Spanish
 * or Arabic reader sees it marked as not translated), asked from the second check-in on. Idempotent.
 */
export async function seedDemoTeamHealth(now = new Date()): Promise<void> {
  if (await db.teamHealthCheckIn.findFirst({ select: { id: true } })) return;
  const admin = await db.user.findUnique({
    where: { email: emailOf("Priya Raman") },
    select: { id: true, isAdmin: true },
  });
  const teams = await db.team.findMany({
    where: { name: { in: ["Checkout", "Search"] } },
    select: {
      id: true,
      name: true,
      members: {
        where: { deactivatedAt: null },
        select: { id: true, email: true, isAdmin: true },
        orderBy: { email: "asc" },
      },
    },
  });
  if (!admin || teams.length !== 2) return;
  const lena = emailOf("Lena Fischer");
  const marta = teams
    .flatMap((team) => team.members)
    .find((person) => person.email === emailOf("Marta Kowalska"));
  const tariq = teams
    .flatMap((team) => team.members)
    .find((person) => person.email === emailOf("Tariq Haddad"));
  const own = await writeOwnItem(admin, {
    language: "en",
    wording: {
      en: "Our on-call load is shared fairly.",
      de: "Die Last der Rufbereitschaft ist fair verteilt.",
      fr: undefined,
      es: undefined,
      ar: undefined,
    },
    reversed: false,
  });
  const rounds = [
    { daysAgo: 150, lift: 0 },
    { daysAgo: 60, lift: 1 },
    { daysAgo: 2, lift: 1 },
  ];
  for (const [round, { daysAgo, lift }] of rounds.entries()) {
    const startedAt = new Date(now.getTime() - daysAgo * DAY);
    const checkInId = await startCheckIn(
      admin,
      {
        teamIds: teams.map((team) => team.id),
        libraryItems: round === 0 ? [] : ["structureClarity"],
        ownItems: round === 0 ? [] : [own],
        askComment: true,
        days: 7,
      },
      startedAt,
    );
    for (const team of teams)
      for (const [index, person] of team.members.entries()) {
        if (round === 2 && (person.email === lena || index % 3 === 2)) continue;
        const values = Object.fromEntries(
          [...EDMONDSON_ITEMS, "structureClarity", ownKey(own)].map((item, itemIndex) => [
            item,
            Math.min(7, ((index * 5 + itemIndex * 3) % 7) + 1 + lift),
          ]),
        );
        await submitAnswer(
          person,
          checkInId,
          {
            values,
            helped: round === 1 ? (["yes", "partly", "yes", "no"] as const)[index % 4] : undefined,
            comment:
              index === 1
                ? round === 0
                  ? "Incidents end in blame more than in fixes."
                  : "The blameless review format is helping."
                : "",
          },
          new Date(startedAt.getTime() + (1 + index) * 60 * 60 * 1000),
        );
      }
    const checkout = teams.find((team) => team.name === "Checkout")!;
    const search = teams.find((team) => team.name === "Search")!;
    if (round === 0 && marta) {
      const at = new Date(startedAt.getTime() + 8 * DAY);
      await chooseAction(
        marta,
        checkInId,
        checkout.id,
        {
          item: "mistakesHeldAgainst",
          text: "Run every incident review blameless, with the template from the handbook",
          ownerId: marta.id,
          dueOn: dateToDay(new Date(at.getTime() + 30 * DAY)),
        },
        at,
      );
      const action = await db.teamHealthAction.findFirstOrThrow({
        where: { teamId: checkout.id },
        select: { id: true },
      });
      await markActionDone(marta, action.id, new Date(at.getTime() + 25 * DAY));
    }
    if (round === 1 && tariq) {
      const at = new Date(startedAt.getTime() + 8 * DAY);
      await chooseAction(
        tariq,
        checkInId,
        search.id,
        {
          item: "hardToAskHelp",
          text: "A daily fifteen-minute help slot after stand-up",
          ownerId: tariq.id,
          dueOn: dateToDay(new Date(now.getTime() + 20 * DAY)),
        },
        at,
      );
    }
  }
}
