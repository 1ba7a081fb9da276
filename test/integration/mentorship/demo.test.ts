import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { runMatching } from "~/modules/mentorship/matching.server";
import { DEMO_PROGRAMME_NAME } from "../../../prisma/seed/demo-mentorship";
import { seedDemo } from "../../../prisma/seed/demo";

describe("the demo organisation's mentorship programme", () => {
  test("is ready to match: open to six teams (Checkout among them, so the README's manager and engineer can join), opt-ins from mentees and mentors, nobody the other browser tests sign in as; seeding again changes nothing", async () => {
    await seedDemo();
    const programme = await db.mentorshipProgramme.findFirstOrThrow({
      where: { name: DEMO_PROGRAMME_NAME },
      select: { id: true, openTo: true, teamIds: true, matchingOn: true, publishedAt: true },
    });
    expect(programme.openTo).toBe("teams");
    const teams = await db.team.findMany({
      where: { id: { in: JSON.parse(programme.teamIds) as string[] } },
      select: { name: true },
    });
    expect(teams.map((team) => team.name).sort()).toEqual([
      "Checkout",
      "Data Platform",
      "Developer Experience",
      "Identity",
      "Infrastructure",
      "Mobile",
    ]);
    expect(programme.matchingOn.getTime()).toBeGreaterThan(Date.now());
    expect(programme.publishedAt).toBeNull();
    const optIns = await db.mentorshipParticipant.findMany({
      where: { programmeId: programme.id },
      select: { role: true, competencies: true, user: { select: { email: true } } },
    });
    expect(optIns.filter((optIn) => optIn.role === "mentee")).toHaveLength(9);
    expect(optIns.filter((optIn) => optIn.role === "mentor")).toHaveLength(7);
    const emails = optIns.map((optIn) => optIn.user.email);
    for (const email of [
      "lena.fischer@example.com",
      "sam.okafor@example.com",
      "priya.raman@example.com",
      "ibrahim.khan@example.com",
      "peter.walsh@example.com",
    ])
      expect(emails).not.toContain(email);
    await seedDemo();
    expect(await db.mentorshipProgramme.count({ where: { name: DEMO_PROGRAMME_NAME } })).toBe(1);

    const priya = await db.user.findUniqueOrThrow({ where: { email: "priya.raman@example.com" } });
    await runMatching(priya, programme.id, { objective: "most-matched", fairness: false });
    const pairs = await db.mentorshipPair.count({
      where: { programmeId: programme.id, status: "proposed" },
    });
    expect(pairs).toBeGreaterThanOrEqual(7);
  });
});
