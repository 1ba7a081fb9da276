// The committee policy's conditions at their edges, through the committee's page (each case here
// failed no other test when its condition was taken out of promotions/committee-policy.ts; see
// docs/testing/policy-conditions.md): who is in a nominee's reporting line, where the head of their
// organisation sits (the nominee at the top, a direct report of the top), a member with no level,
// members below the target level when the window does not ask for seniority, naming from the draft
// on (never someone who left), and a committee short of voters or of voters from outside.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import { DomainError } from "~/modules/errors";
import { committeePage, nameMember } from "~/modules/promotions/committee.server";
import { createPerson } from "../../utils/factories";

const DAY = 24 * 60 * 60 * 1000;

type Person = Awaited<ReturnType<typeof createPerson>>;

let admin: Person, tara: Person, hana: Person, lena: Person, rex: Person, vera: Person;
let nolevel: Person, bea: Person, windowId: string, ladderVersionId: string;
const nominations: Record<string, string> = {};

beforeAll(async () => {
  admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  // Tara leads the company; Hana's and Otto's organisations sit under her.
  tara = await createPerson({ name: "Tara Top", track: "manager", level: "m4" });
  hana = await createPerson({
    name: "Hana Head",
    track: "manager",
    level: "m3",
    managerId: tara.id,
  });
  const otto = await createPerson({
    name: "Otto Outside",
    track: "manager",
    level: "m3",
    managerId: tara.id,
  });
  const sam = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m2",
    managerId: hana.id,
  });
  lena = await createPerson({ name: "Lena Lead", track: "ic", level: "ic3", managerId: sam.id });
  rex = await createPerson({ name: "Rex Report", track: "ic", level: "ic2", managerId: lena.id });
  vera = await createPerson({ name: "Vera Voter", track: "ic", level: "ic5", managerId: otto.id });
  bea = await createPerson({ name: "Bea Below", track: "ic", level: "ic2", managerId: otto.id });
  nolevel = await createPerson({ name: "Noel Nolevel", managerId: otto.id });
  const served = await servedLadderVersion("engineering");
  if (!served) throw new Error("the engineering ladder is not served");
  ladderVersionId = served.versionId;
  const now = Date.now();
  windowId = (
    await db.promotionWindow.create({
      data: {
        name: "Edges window",
        ladderId: "engineering",
        ladderVersionId: served.versionId,
        state: "open",
        minMembers: 1,
        membersAtOrAbove: false,
        minOutsideMembers: 0,
        redactedFirstRead: false,
        nominationsOpenOn: new Date(now - 10 * DAY),
        nominationsCloseOn: new Date(now + 10 * DAY),
        packetsDueOn: new Date(now + 20 * DAY),
        votesDueOn: new Date(now + 30 * DAY),
        effectiveOn: new Date(now + 60 * DAY),
        openedAt: new Date(now - 10 * DAY),
      },
    })
  ).id;
  for (const member of [hana, rex, vera, bea, nolevel])
    await nameMember(admin, windowId, { email: member.email, role: "member" });
  // Nominated after she was named: the committee's rules still keep her off her own vote.
  let number = 0;
  for (const [nominee, level] of [
    [lena, "ic3"],
    [hana, "m3"],
    [tara, "m4"],
    [vera, "ic5"],
  ] as const) {
    number += 1;
    nominations[nominee.id] = (
      await db.promotionNomination.create({
        data: {
          windowId,
          nomineeId: nominee.id,
          kind: "self",
          nominatedById: nominee.id,
          trackId: nominee.track,
          levelId: level,
          managerId: nominee.managerId,
          targetTrackId: "ic",
          targetLevelId: "ic4",
          statement: "Ready.",
          candidateNumber: number,
        },
      })
    ).id;
  }
});

describe("the committee's rules at their edges", () => {
  test("who votes on whom and who is outside the nominee's organisation, wherever the nominee sits", async () => {
    const page = await committeePage(admin, windowId);
    const of = (nominee: Person) => {
      const found = page.nominations.find((row) => row.id === nominations[nominee.id])!;
      return (member: Person) => found.members.find((row) => row.personId === member.id)!;
    };
    // Lena's report and her own head of organisation are in her line; the head is not outside it.
    expect(of(lena)(rex).reason).toBe("promotionsCommittee:composition.inLine");
    expect(of(lena)(hana)).toMatchObject({
      reason: "promotionsCommittee:composition.inLine",
      outside: false,
    });
    // Below the target level, or with no level at all, a member votes when the window does not ask for seniority.
    expect(of(lena)(bea)).toMatchObject({ reason: null, outside: true });
    expect(of(lena)(nolevel)).toMatchObject({ reason: null, outside: true });
    // A member nominated in the window never votes on themselves.
    expect(of(vera)(vera).reason).toBe("promotionsCommittee:composition.inLine");
    // Hana reports to the top: her organisation is the top's, which everyone is in.
    expect(of(hana)(vera)).toMatchObject({ reason: null, outside: false });
    // Tara is the top: nobody is outside her organisation (everyone is in her line).
    expect(of(tara)(vera).outside).toBe(false);
  });

  test("members are named from the draft on, never someone who left; a committee short of voters, or of voters from outside, says so", async () => {
    const now = Date.now();
    const draftId = (
      await db.promotionWindow.create({
        data: {
          name: "Strict window",
          ladderId: "engineering",
          ladderVersionId,
          state: "draft",
          minMembers: 3,
          membersAtOrAbove: false,
          minOutsideMembers: 3,
          redactedFirstRead: false,
          nominationsOpenOn: new Date(now + 10 * DAY),
          nominationsCloseOn: new Date(now + 20 * DAY),
          packetsDueOn: new Date(now + 30 * DAY),
          votesDueOn: new Date(now + 40 * DAY),
          effectiveOn: new Date(now + 60 * DAY),
        },
      })
    ).id;
    // Tara is in Lena's line (she does not vote) yet outside Hana's organisation: she does not count as a voter from outside.
    for (const member of [vera, bea, hana, tara])
      await nameMember(admin, draftId, { email: member.email, role: "member" });
    const gone = await createPerson({ name: "Gil Gone", deactivatedAt: new Date() });
    const refused = await nameMember(admin, draftId, { email: gone.email, role: "member" }).then(
      () => "allowed",
      (error: unknown) => (error instanceof DomainError ? error.message : String(error)),
    );
    expect(refused).toBe("promotionsCommittee:errors.memberDeactivated");
    const nominationId = (
      await db.promotionNomination.create({
        data: {
          windowId: draftId,
          nomineeId: lena.id,
          kind: "self",
          nominatedById: lena.id,
          trackId: "ic",
          levelId: "ic3",
          managerId: lena.managerId,
          targetTrackId: "ic",
          targetLevelId: "ic4",
          statement: "Ready.",
          candidateNumber: 1,
        },
      })
    ).id;
    const page = await committeePage(admin, draftId);
    expect(page.nominations.find((row) => row.id === nominationId)!.problems).toEqual([
      { key: "promotionsCommittee:composition.tooFew", values: { count: 2, min: 3 } },
      { key: "promotionsCommittee:composition.tooFewOutside", values: { count: 2, min: 3 } },
    ]);
  });
});
