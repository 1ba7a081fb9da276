import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { ballotPage } from "~/modules/promotions/ballots.server";
import { meetingPage } from "~/modules/promotions/decisions.server";
import { nominationPage } from "~/modules/promotions/packets.server";
import { seedPromotionMeeting } from "../../../prisma/seed/promotion-meeting";
import { createAdmin, createPerson } from "../../utils/factories";

/** The bench's promotion window (scripts/bench.ts): at its meeting, as heavy as in real use. */
describe("the bench's promotion meeting", () => {
  test("three filled packets, a committee of four outside the nominees' organisation with every ballot in, and the chair deciding at the meeting; beside it a packet being written", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    const top = await createPerson({ name: "Tara Top", track: "manager", level: "m4" });
    const head = await createPerson({
      name: "Hana Head",
      track: "manager",
      level: "m3",
      managerId: top.id,
    });
    const otherHead = await createPerson({
      name: "Otto Outside",
      track: "manager",
      level: "m3",
      managerId: top.id,
    });
    const manager = await createPerson({
      name: "Sam Manager",
      track: "manager",
      level: "m2",
      managerId: head.id,
    });
    for (const name of ["Ann", "Ben", "Cleo", "Dana"])
      await createPerson({
        name: `${name} Senior`,
        track: "ic",
        level: "ic3",
        managerId: manager.id,
      });
    // A Principal Engineer in the nominees' own organisation votes on nobody; the four outside do.
    await createPerson({ name: "Ines Inside", track: "ic", level: "ic6", managerId: head.id });
    for (const name of ["Pia", "Quinn", "Rui", "Sol"])
      await createPerson({
        name: `${name} Principal`,
        track: "ic",
        level: "ic5",
        managerId: otherHead.id,
      });

    const meeting = await seedPromotionMeeting({ admin });

    expect(meeting.nominationIds).toHaveLength(3);
    const chair = await db.user.findUniqueOrThrow({ where: { email: meeting.chairEmail } });
    const page = await meetingPage(chair, meeting.windowId);
    expect(page.window.state).toBe("meeting");
    for (const candidate of page.candidates) {
      expect(candidate).toMatchObject({ canDecide: true, decisionRefusal: null });
      expect(candidate.voters).toHaveLength(4);
      expect(candidate.marks).toHaveLength(meeting.criteria);
      expect(candidate.marks!.every((row) => row.byMember.every((mark) => mark !== null))).toBe(
        true,
      );
    }
    expect(
      page.candidates.some((candidate) => candidate.marks!.some((row) => row.disagreement)),
    ).toBe(true);

    const member = await db.user.findUniqueOrThrow({ where: { email: meeting.memberEmail } });
    const ballot = await ballotPage(member, meeting.windowId, meeting.nominationIds[0]!);
    expect(ballot.own?.submitted).toBe(true);
    expect(ballot.others).toHaveLength(3);

    const nominee = await db.user.findUniqueOrThrow({ where: { email: meeting.nomineeEmail } });
    const packet = (await nominationPage(nominee, meeting.nominationIds[0]!)).packet!;
    expect(packet.submittedAt).not.toBeNull();
    expect(packet.criteria).toHaveLength(meeting.criteria);
    expect(
      packet.criteria.every((criterion) => criterion.nomineeCase && criterion.managerCase),
    ).toBe(true);

    // The packet being written: a draft its nominee may still write, most criteria with a case, their manager's none.
    const writer = await db.user.findUniqueOrThrow({
      where: { email: meeting.writing.nomineeEmail },
    });
    expect(meeting.nominationIds).not.toContain(meeting.writing.nominationId);
    const draft = await nominationPage(writer, meeting.writing.nominationId);
    expect(draft.packet).toMatchObject({ submittedAt: null });
    expect(draft.can.write).toBe(true);
    const written = draft.packet!.criteria.filter((criterion) => criterion.nomineeCase);
    expect(written).toHaveLength(meeting.writing.written);
    expect(written.length).toBeGreaterThan(draft.packet!.criteria.length / 2);
    expect(written.length).toBeLessThan(draft.packet!.criteria.length);
    expect(draft.packet!.criteria.some((criterion) => criterion.managerCase)).toBe(false);
  });
});
