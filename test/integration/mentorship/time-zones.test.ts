import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { loader as programmeLoader } from "~/routes/mentorship.$programmeId._index";
import { loader as mentorsLoader } from "~/routes/mentorship.$programmeId.mentors";
import { loader as pairLoader } from "~/routes/mentorship.$programmeId.pairs.$pairId";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { joinAs, setUp } from "./helpers";

/** The first spring whose 1 March is more than a fortnight away, so the matching day (ten days out) comes before it. */
function comingSpring(): number {
  const soon = new Date(Date.now() + 15 * 24 * 60 * 60 * 1000);
  return soon.getUTCMonth() < 2 ? soon.getUTCFullYear() : soon.getUTCFullYear() + 1;
}

describe("time zones in a programme", () => {
  test("each person's named zone, compared on every day of the programme: London and New York are four hours apart in mid-March, five once Europe's clocks change too", async () => {
    const year = comingSpring();
    // US clocks move on the second Sunday of March (8 to 14), Europe's on the last (25 to 31).
    const { admin, lena, ravi, omar, programmeId } = await setUp({
      startsOn: `${year}-03-15`,
      endsOn: `${year}-03-24`,
    });
    await db.mentorshipProgramme.update({
      where: { id: programmeId },
      data: { maxTimeZoneHours: 4 },
    });
    await joinAs(lena, programmeId, "mentee", ["testing"], { timeZone: "Europe/London" });
    await joinAs(omar, programmeId, "mentee", ["testing"]);
    await joinAs(ravi, programmeId, "mentor", ["testing"], { timeZone: "America/New_York" });
    const raviFor = async (personId: string) =>
      bodyOf<Awaited<ReturnType<typeof mentorsLoader>>>(
        await mentorsLoader(
          routeArgs(await signedInRequest(`/mentorship/${programmeId}/mentors`, personId), {
            programmeId,
          }),
        ),
      ).profiles.find((profile) => profile.id === ravi.id)!;

    expect(await raviFor(lena.id)).toMatchObject({ timeZone: "America/New_York", canAsk: true });
    // Into April the clocks are five hours apart on some days: more than the programme allows.
    await db.mentorshipProgramme.update({
      where: { id: programmeId },
      data: { endsOn: new Date(`${year}-04-30T00:00:00Z`) },
    });
    expect(await raviFor(lena.id)).toMatchObject({
      canAsk: false,
      refusal: {
        key: "mentorship:requests.rule.timeZone",
        values: { name: "Ravi Senior", hours: 4 },
      },
    });
    // Omar chose no zone: the organisation's (UTC here), which does not change its clock: four hours from New York all along.
    expect((await raviFor(omar.id)).canAsk).toBe(true);

    // Admins see each person's zone by name; the pair's page says how far apart the two are over the programme.
    const page = bodyOf<Awaited<ReturnType<typeof programmeLoader>>>(
      await programmeLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}`, admin.id), { programmeId }),
      ),
    );
    expect(page.admin?.participants?.rows.map((row) => [row.name, row.timeZone])).toEqual([
      [lena.name, "Europe/London"],
      [omar.name, "UTC"],
      [ravi.name, "America/New_York"],
    ]);
    const pair = await db.mentorshipPair.create({
      data: {
        programmeId,
        menteeId: lena.id,
        mentorId: ravi.id,
        status: "active",
        source: "pinned",
        fit: 1,
        factors: "[]",
        activeSince: new Date(),
        menteeAnswer: "accepted",
        mentorAnswer: "accepted",
      },
    });
    const pairPage = bodyOf<Awaited<ReturnType<typeof pairLoader>>>(
      await pairLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/pairs/${pair.id}`, lena.id), {
          programmeId,
          pairId: pair.id,
        }),
      ),
    );
    expect(pairPage.timeZones).toEqual({
      mentee: "Europe/London",
      mentor: "America/New_York",
      apart: { key: "mentorship:pair.apart.range", values: { least: 4, most: 5 } },
    });
  });
});
