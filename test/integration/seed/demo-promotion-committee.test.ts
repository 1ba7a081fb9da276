import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { committeePage } from "~/modules/promotions/committee.server";
import { answerPage, meetingPage } from "~/modules/promotions/decisions.server";
import { seedDemo } from "../../../prisma/seed/demo";
import { DEMO_PROMOTION_IDS } from "../../../prisma/seed/demo-promotion-committee";

const viewerOf = (email: string) =>
  db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
  });

describe("the demo's promotion committees", () => {
  test("a window with votes under way (one member's in, the chair's to come, the committee meeting every rule, its meeting set) a closed one whose decisions were released, and an open one nobody is nominated in yet; seeding again changes nothing", async () => {
    await seedDemo();
    const admin = await viewerOf("priya.raman@example.com");
    const committee = await committeePage(admin, DEMO_PROMOTION_IDS.autumn);
    expect(committee.window.state).toBe("committee");
    // Its meeting is set, an hour and a half the day after votes are due; the admin may move it.
    expect(committee.meeting).toMatchObject({ minutes: 90, canChange: true });
    expect(committee.meeting.startsAt?.getTime()).toBeGreaterThan(Date.now());
    expect(
      committee.nominations.map((nomination) => [nomination.nominee, nomination.problems]),
    ).toEqual([
      ["Lucas Moreau", []],
      ["Niamh Gallagher", []],
    ]);
    const laura = committee.members.find((member) => member.name === "Laura Bianchi")!;
    expect(
      committee.nominations[0]!.members.find((member) => member.personId === laura.personId)
        ?.reason,
    ).toBe("promotionsCommittee:composition.inLine");

    // Anna chairs and has not voted: she reads no one's marks yet; Elif's are in.
    const anna = await viewerOf("anna.schmidt@example.com");
    const meeting = await meetingPage(anna, DEMO_PROMOTION_IDS.autumn);
    expect(
      meeting.candidates.map((candidate) => [
        candidate.label,
        candidate.marks,
        candidate.ownBallot,
      ]),
    ).toEqual([
      ["#1", null, "none"],
      ["#2", null, "none"],
    ]);
    const elif = await viewerOf("elif.yilmaz@example.com");
    expect(
      (await meetingPage(elif, DEMO_PROMOTION_IDS.autumn)).candidates.map(
        (candidate) => candidate.ownBallot,
      ),
    ).toEqual(["submitted", "submitted"]);

    const chloe = await viewerOf("chloe.martin@example.com");
    const answer = await answerPage(chloe, DEMO_PROMOTION_IDS.chloe);
    expect(answer.decision?.outcome).toBe("not-yet");
    expect(answer.decision?.unmet).toHaveLength(3);
    expect(answer.decision?.nextWindow?.name).toBe("Autumn promotions");
    const ravi = await viewerOf("ravi.iyer@example.com");
    expect((await answerPage(ravi, DEMO_PROMOTION_IDS.ravi)).decision?.outcome).toBe("promote");

    // Summer is open for nominations with nobody nominated and no committee yet: two voters, a redacted first read.
    const summer = await committeePage(admin, DEMO_PROMOTION_IDS.summer);
    expect([
      summer.window.state,
      summer.window.rules.minMembers,
      summer.window.redactedFirstRead,
      summer.members,
      summer.nominations,
    ]).toEqual(["open", 2, true, [], []]);

    await seedDemo();
    expect(
      await db.promotionWindow.count({
        where: {
          id: {
            in: [DEMO_PROMOTION_IDS.autumn, DEMO_PROMOTION_IDS.spring, DEMO_PROMOTION_IDS.summer],
          },
        },
      }),
    ).toBe(3);
    expect(
      await db.promotionBallot.count({
        where: { nomination: { windowId: DEMO_PROMOTION_IDS.autumn } },
      }),
    ).toBe(2);
  });
});
