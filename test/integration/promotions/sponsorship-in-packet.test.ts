// A nominee's active sponsorship beside their nomination and in the committee's read of the packet
// (issue 58): read by the sponsor, the nominee, admins and, once the packet is submitted, the
// window's committee; never by the manager chain as such nor anyone else. The sponsor who nominated
// is shown as the nominator with their sponsorship; a redacted first read does not name the sponsor.
// Each role reads each page; the .data carries the
// marker only where the page shows it.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import { requireLadderOfVersion } from "~/modules/ladders/versions.server";
import { criteriaOf } from "~/modules/promotions/committee.server";
import * as ballotRoute from "~/routes/promotions.windows.$windowId.ballots.$nominationId";
import * as nominationRoute from "~/routes/promotions.nominations.$nominationId";
import * as sponsorshipsRoute from "~/routes/sponsorships";
import { createPerson } from "../../utils/factories";
import { answerText, bodyOf, routeArgs, statusOf, type RouteFunction } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

const MARK = "SPONSOR-ROLE-4e2b";
const DAY = 24 * 60 * 60 * 1000;
type Person = Awaited<ReturnType<typeof createPerson>>;

let s: {
  admin: Person;
  hana: Person;
  sam: Person;
  lena: Person;
  priya: Person;
  vera: Person;
  stranger: Person;
  windowId: string;
  nominationId: string;
  packetId: string;
};

beforeAll(async () => {
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const hana = await createPerson({ name: "Hana Head", track: "manager", level: "m3" });
  const sam = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m2",
    managerId: hana.id,
  });
  const lena = await createPerson({
    name: "Lena Nominee",
    track: "ic",
    level: "ic3",
    managerId: sam.id,
  });
  const priya = await createPerson({ name: "Priya Principal", track: "ic", level: "ic6" });
  const vera = await createPerson({ name: "Vera Voter", track: "ic", level: "ic5" });
  const stranger = await createPerson({ name: "Pat Stranger", track: "ic", level: "ic3" });
  const until = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
  // Priya records the sponsorship through its page, as a sponsor would.
  const recorded = await sponsorshipsRoute.action(
    routeArgs(
      await signedInPost("/sponsorships", priya.id, {
        intent: "record",
        sponseeEmail: lena.email,
        advocacy: "role",
        role: `Platform lead ${MARK}`,
        until,
      }),
    ),
  );
  expect(statusOf(recorded)).toBe(302);
  const served = await servedLadderVersion("engineering");
  if (!served) throw new Error("the engineering ladder is not served");
  const now = Date.now();
  const window = await db.promotionWindow.create({
    data: {
      name: "Autumn window",
      ladderId: "engineering",
      ladderVersionId: served.versionId,
      state: "open",
      nominationsOpenOn: new Date(now - 10 * DAY),
      nominationsCloseOn: new Date(now + 5 * DAY),
      packetsDueOn: new Date(now + 10 * DAY),
      votesDueOn: new Date(now + 20 * DAY),
      effectiveOn: new Date(now + 40 * DAY),
      minMembers: 1,
      membersAtOrAbove: false,
      minOutsideMembers: 0,
      redactedFirstRead: false,
      openedAt: new Date(now - 10 * DAY),
      members: { create: [{ personId: vera.id, role: "chair" }] },
    },
  });
  const ladder = await requireLadderOfVersion(served.versionId);
  const nomination = await db.promotionNomination.create({
    data: {
      windowId: window.id,
      nomineeId: lena.id,
      kind: "sponsor",
      nominatedById: priya.id,
      trackId: "ic",
      levelId: "ic3",
      managerId: sam.id,
      targetTrackId: "ic",
      targetLevelId: "ic4",
      statement: "Lena has led the platform work for a year.",
      candidateNumber: 1,
      packets: {
        create: {
          ladderVersionId: served.versionId,
          targetTrackId: "ic",
          targetLevelId: "ic4",
          cases: {
            create: criteriaOf(ladder, "ic4").map((criterion) => ({ competencyId: criterion.id })),
          },
        },
      },
    },
    select: { id: true, packets: { select: { id: true } } },
  });
  s = {
    admin,
    hana,
    sam,
    lena,
    priya,
    vera,
    stranger,
    windowId: window.id,
    nominationId: nomination.id,
    packetId: nomination.packets[0]!.id,
  };
});

const nominationText = async (person: Person) =>
  answerText(
    nominationRoute.loader as RouteFunction,
    await signedInRequest(`/promotions/nominations/${s.nominationId}`, person.id),
    { nominationId: s.nominationId },
  );
const ballotText = async (person: Person) =>
  answerText(
    ballotRoute.loader as RouteFunction,
    await signedInRequest(`/promotions/windows/${s.windowId}/ballots/${s.nominationId}`, person.id),
    { windowId: s.windowId, nominationId: s.nominationId },
  );

describe("a sponsorship beside the nomination and in the packet", () => {
  test("before the packet is submitted: the nominee, the sponsor who nominated and admins read it; the manager chain reads the nomination without it; the committee and others get a 404", async () => {
    for (const person of [s.lena, s.priya, s.admin]) {
      const text = await nominationText(person);
      expect(text.startsWith("200 "), person.name).toBe(true);
      expect(text, person.name).toContain(MARK);
    }
    for (const person of [s.sam, s.hana]) {
      const text = await nominationText(person);
      expect(text.startsWith("200 "), person.name).toBe(true);
      expect(text, person.name).not.toContain(MARK);
      expect(text, person.name).not.toContain("Priya Principal sponsors");
    }
    for (const person of [s.vera, s.stranger])
      expect(await nominationText(person)).toMatch(/^404 /);
    // The nominator is shown with their sponsorship.
    const page = bodyOf<{
      sponsorships: { sponsorName: string; advocacy: string; target: string; nominator: boolean }[];
    }>(
      await nominationRoute.loader(
        routeArgs(await signedInRequest(`/promotions/nominations/${s.nominationId}`, s.lena.id), {
          nominationId: s.nominationId,
        }) as never,
      ),
    );
    expect(page.sponsorships).toEqual([
      expect.objectContaining({
        sponsorName: "Priya Principal",
        advocacy: "role",
        target: `Platform lead ${MARK}`,
        nominator: true,
      }),
    ]);
  });

  test("once the packet is submitted and votes are taken, the committee reads it on the nomination and on its ballot page; the manager chain still does not", async () => {
    // Votes are taken, the packet is not in: the committee reads the statement, not the sponsorship.
    await db.promotionWindow.update({ where: { id: s.windowId }, data: { state: "committee" } });
    const early = await ballotText(s.vera);
    expect(early.startsWith("200 ")).toBe(true);
    expect(early).not.toContain(MARK);
    await db.promotionPacket.update({
      where: { id: s.packetId },
      data: { submittedAt: new Date(), submittedById: s.lena.id },
    });
    expect(await nominationText(s.vera)).toContain(MARK);
    const ballot = await ballotText(s.vera);
    expect(ballot.startsWith("200 ")).toBe(true);
    expect(ballot).toContain(MARK);
    expect(ballot).toContain('"nominator":true');
    for (const person of [s.sam, s.hana])
      expect(await nominationText(person), person.name).not.toContain(MARK);
    for (const person of [s.sam, s.stranger])
      expect(await ballotText(person), person.name).not.toContain(MARK);
  });

  test("on a redacted first read the committee reads that a sponsor advocates for the candidate, not who: whom someone sponsors is known around them", async () => {
    await db.promotionWindow.update({
      where: { id: s.windowId },
      data: { redactedFirstRead: true },
    });
    const redacted = await ballotText(s.vera);
    expect(redacted).toContain('"redacted":true');
    expect(redacted).toContain(MARK);
    expect(redacted).not.toContain("Priya");
    await db.promotionWindow.update({
      where: { id: s.windowId },
      data: { redactedFirstRead: false },
    });
  });

  test("a sponsorship declined by the nominee is no longer shown to anyone", async () => {
    const sponsorship = await db.sponsorship.findFirstOrThrow({
      where: { sponseeId: s.lena.id },
      select: { id: true },
    });
    await db.sponsorship.update({
      where: { id: sponsorship.id },
      data: { declinedAt: new Date() },
    });
    for (const person of [s.lena, s.priya, s.admin, s.vera])
      expect(await nominationText(person), person.name).not.toContain(MARK);
    expect(await ballotText(s.vera)).not.toContain(MARK);
  });
});
