// The committee policy's conditions at their edges, through the committee's page (each case here
// failed no other test when its condition was taken out of promotions/committee-policy.ts; see
// docs/testing/policy-conditions.md): who is in a nominee's reporting line, where the head of their
// organisation sits (the nominee at the top, a direct report of the top), a member with no level,
// members below the target level when the window does not ask for seniority, naming from the draft
// on (never someone who left), and a committee short of voters or of voters from outside; seniority
// on the nominee's target track by rank and across tracks by equivalence band (the engineering
// ladder's ic1 and ic2 sit in no band), exactly the minimum from outside, the naming form offered
// to admins only, the meeting set from the draft and during the votes, and unknown marks and
// outcomes refused.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { provider } from "../../setup/databases";
import { DomainError } from "~/modules/errors";
import { requireLadderOfVersion } from "~/modules/ladders/versions.server";
import { rebuildReportingLine } from "~/modules/people/reporting-line.server";
import { ballotPage, saveBallot } from "~/modules/promotions/ballots.server";
import {
  committeePage,
  criteriaOf,
  nameMember,
  scheduleCommitteeMeeting,
} from "~/modules/promotions/committee.server";
import {
  answerPage,
  meetingPage,
  recordDecision,
  recordDissent,
  releaseDecision,
  startMeeting,
} from "~/modules/promotions/decisions.server";
import {
  clearLadderSettings,
  DEFAULT_SETTINGS,
  saveSettings,
} from "~/modules/promotions/settings.server";
import { createPerson } from "../../utils/factories";
import { companyLeads, engineeringVersionId } from "./committee-fixtures";

const DAY = 24 * 60 * 60 * 1000;

type Person = Awaited<ReturnType<typeof createPerson>>;

let admin: Person, tara: Person, hana: Person, lena: Person, rex: Person, vera: Person;
let nolevel: Person, bea: Person, windowId: string, ladderVersionId: string;
const nominations: Record<string, string> = {};

/** A window as the admin's steps leave it in `state`, with the committee rules given. */
async function windowRow(
  name: string,
  state: string,
  rules: { minMembers: number; membersAtOrAbove: boolean; minOutsideMembers: number },
  days: Partial<Record<"nominationsOpenOn" | "nominationsCloseOn" | "effectiveOn", Date>> = {},
): Promise<string> {
  const now = Date.now();
  const opened = state !== "draft";
  return (
    await db.promotionWindow.create({
      data: {
        name,
        ladderId: "engineering",
        ladderVersionId,
        state,
        ...rules,
        redactedFirstRead: false,
        nominationsOpenOn: new Date(now + (opened ? -10 : 10) * DAY),
        nominationsCloseOn: new Date(now + (opened ? 10 : 20) * DAY),
        packetsDueOn: new Date(now + 30 * DAY),
        votesDueOn: new Date(now + 40 * DAY),
        effectiveOn: new Date(now + 60 * DAY),
        openedAt: opened ? new Date(now - 10 * DAY) : null,
        ...days,
      },
    })
  ).id;
}

/** The engineering ladder's track of a level, by its id's first letter (ic…, tl…, m…). */
const TRACK_OF: Record<string, string> = { i: "ic", t: "tech-lead", m: "manager" };

/** A self-nomination from the nominee's level to a target level (on whichever track the target is). */
async function nominationRow(
  windowId: string,
  nominee: Person,
  levelId: string,
  targetLevelId: string,
  candidateNumber: number,
): Promise<string> {
  return (
    await db.promotionNomination.create({
      data: {
        windowId,
        nomineeId: nominee.id,
        kind: "self",
        nominatedById: nominee.id,
        trackId: nominee.track,
        levelId,
        managerId: nominee.managerId,
        targetTrackId: TRACK_OF[targetLevelId[0]!]!,
        targetLevelId,
        statement: "Ready.",
        candidateNumber,
      },
    })
  ).id;
}

/** "allowed", or the key of the refusal. */
function attempt(run: () => Promise<unknown>): Promise<string> {
  return run().then(
    () => "allowed",
    (error: unknown) => (error instanceof DomainError ? error.message : String(error)),
  );
}

/**
 * A window whose votes are being taken, on the committee rules' loosest terms unless given: the
 * members named (the first its chair), each nominee nominated from their level to `target` (ic4).
 */
async function votingWindow(
  name: string,
  members: readonly Person[],
  nominees: readonly Person[],
  options: {
    minOutsideMembers?: number;
    target?: string;
    days?: Parameters<typeof windowRow>[3];
  } = {},
): Promise<{ id: string; nominationIds: string[] }> {
  const rules = {
    minMembers: 1,
    membersAtOrAbove: false,
    minOutsideMembers: options.minOutsideMembers ?? 0,
  };
  const id = await windowRow(name, "open", rules, options.days);
  for (const [index, member] of members.entries())
    await nameMember(admin, id, { email: member.email, role: index === 0 ? "chair" : "member" });
  const nominationIds: string[] = [];
  for (const [index, nominee] of nominees.entries())
    nominationIds.push(
      await nominationRow(id, nominee, nominee.level!, options.target ?? "ic4", index + 1),
    );
  await db.promotionWindow.update({ where: { id }, data: { state: "committee" } });
  return { id, nominationIds };
}

async function criteriaFor(target: string) {
  return criteriaOf(await requireLadderOfVersion(ladderVersionId), target);
}

/** A member's ballot on a nominee, every criterion met, submitted: "allowed" or the refusal. */
async function submitBallot(
  member: Person,
  windowId: string,
  nominationId: string,
  target = "ic4",
): Promise<string> {
  const marks = Object.fromEntries((await criteriaFor(target)).map(({ id }) => [id, "met"]));
  return attempt(() =>
    saveBallot(member, windowId, nominationId, { marks, notes: {}, submit: true, revision: null }),
  );
}

/** A decision on a nominee: "promote" with every criterion met, "not yet" with the first one not met, and why. */
async function decide(
  viewer: Person,
  windowId: string,
  nominationId: string,
  outcome: "promote" | "not-yet",
  target = "ic4",
): Promise<string> {
  const criteria = await criteriaFor(target);
  const first = criteria[0]!.id;
  const marks = Object.fromEntries(
    criteria.map(({ id }) => [id, outcome === "not-yet" && id === first ? "not-yet" : "met"]),
  );
  return attempt(async () => {
    const result = await recordDecision(viewer, windowId, nominationId, {
      outcome,
      summary: "",
      marks,
      rationales: { [first]: "Needs a wider scope." },
      revision: null,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  });
}

beforeAll(async () => {
  admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const { otto, sam, ...top } = await companyLeads();
  ({ tara, hana } = top);
  lena = await createPerson({ name: "Lena Lead", track: "ic", level: "ic3", managerId: sam.id });
  rex = await createPerson({ name: "Rex Report", track: "ic", level: "ic2", managerId: lena.id });
  vera = await createPerson({ name: "Vera Voter", track: "ic", level: "ic5", managerId: otto.id });
  bea = await createPerson({ name: "Bea Below", track: "ic", level: "ic2", managerId: otto.id });
  nolevel = await createPerson({ name: "Noel Nolevel", managerId: otto.id });
  ladderVersionId = await engineeringVersionId();
  windowId = await windowRow("Edges window", "open", {
    minMembers: 1,
    membersAtOrAbove: false,
    minOutsideMembers: 0,
  });
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
    nominations[nominee.id] = await nominationRow(windowId, nominee, level, "ic4", number);
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
    const draftId = await windowRow("Strict window", "draft", {
      minMembers: 3,
      membersAtOrAbove: false,
      minOutsideMembers: 3,
    });
    // Tara is in Lena's line (she does not vote) yet outside Hana's organisation: she does not count as a voter from outside.
    for (const member of [vera, bea, hana, tara])
      await nameMember(admin, draftId, { email: member.email, role: "member" });
    const gone = await createPerson({ name: "Gil Gone", deactivatedAt: new Date() });
    expect(
      await attempt(() => nameMember(admin, draftId, { email: gone.email, role: "member" })),
    ).toBe("promotionsCommittee:errors.memberDeactivated");
    const nominationId = await nominationRow(draftId, lena, "ic3", "ic4", 1);
    const page = await committeePage(admin, draftId);
    expect(page.nominations.find((row) => row.id === nominationId)!.problems).toEqual([
      { key: "promotionsCommittee:composition.tooFew", values: { count: 2, min: 3 } },
      { key: "promotionsCommittee:composition.tooFewOutside", values: { count: 2, min: 3 } },
    ]);
  });

  test("a member is at or above the target by rank on its track and by band across tracks, never with a band unknown; exactly the minimum from outside is enough", async () => {
    // Mo (m2) sits in ic4's band; Ivy (ic1) is nominated for ic2 and Rex (ic2) for tl1, the first band.
    const mo = await createPerson({
      name: "Mo Manager",
      track: "manager",
      level: "m2",
      managerId: vera.id,
    });
    const ivy = await createPerson({
      name: "Ivy Intern",
      track: "ic",
      level: "ic1",
      managerId: lena.id,
    });
    const seniorId = await windowRow("Seniority window", "open", {
      minMembers: 2,
      membersAtOrAbove: true,
      minOutsideMembers: 2,
    });
    for (const member of [mo, vera, bea])
      await nameMember(admin, seniorId, { email: member.email, role: "member" });
    const toIc4 = await nominationRow(seniorId, lena, "ic3", "ic4", 1);
    const toIc2 = await nominationRow(seniorId, ivy, "ic1", "ic2", 2);
    const toTl1 = await nominationRow(seniorId, rex, "ic2", "tl1", 3);
    const page = await committeePage(admin, seniorId);
    const row = (id: string) => page.nominations.find((nomination) => nomination.id === id)!;
    const reasons = (id: string) =>
      Object.fromEntries(
        row(id).members.map((member) => [
          member.personId === mo.id ? "mo" : member.personId === vera.id ? "vera" : "bea",
          member.reason,
        ]),
      );
    const below = "promotionsCommittee:composition.below";
    // Another track's level in the target's band is at or above it; two voters from outside are the minimum of two.
    expect(reasons(toIc4)).toEqual({ mo: null, vera: null, bea: below });
    expect(row(toIc4).problems).toEqual([]);
    // On the target's own track, rank decides (ic2 sits in no band); from another track, a target in no band is never reached.
    expect(reasons(toIc2)).toEqual({ mo: below, vera: null, bea: null });
    // A member in no band is never at or above another track's level, even the first band's.
    expect(reasons(toTl1)).toEqual({ mo: null, vera: null, bea: below });
  });

  test("a member reads the committee page without the naming form; the meeting is set from the draft on and while votes are taken; an unknown mark or outcome is refused", async () => {
    expect((await committeePage(vera, windowId)).canEdit).toBe(false);
    expect((await committeePage(admin, windowId)).canEdit).toBe(true);
    const meeting = {
      startsAt: new Date(Date.now() + 45 * DAY),
      endsAt: new Date(Date.now() + 45 * DAY + 60 * 60 * 1000),
    };
    const draftId = await windowRow("Meeting from the draft", "draft", {
      minMembers: 1,
      membersAtOrAbove: false,
      minOutsideMembers: 0,
    });
    expect(await attempt(() => scheduleCommitteeMeeting(admin, draftId, meeting))).toBe("allowed");

    const votesId = await windowRow("Votes window", "open", {
      minMembers: 1,
      membersAtOrAbove: false,
      minOutsideMembers: 0,
    });
    await nameMember(admin, votesId, { email: vera.email, role: "member" });
    const nominationId = await nominationRow(votesId, lena, "ic3", "ic4", 1);
    await db.promotionWindow.update({ where: { id: votesId }, data: { state: "committee" } });
    expect(await attempt(() => scheduleCommitteeMeeting(admin, votesId, meeting))).toBe("allowed");
    const criteria = criteriaOf(await requireLadderOfVersion(ladderVersionId), "ic4");
    const every = (mark: string) =>
      Object.fromEntries(criteria.map((criterion) => [criterion.id, mark]));
    const ballot = (marks: Record<string, string>, submit: boolean) =>
      attempt(() =>
        saveBallot(vera, votesId, nominationId, { marks, notes: {}, submit, revision: null }),
      );
    expect(await ballot({ [criteria[0]!.id]: "maybe" }, false)).toBe(
      "promotionsCommittee:errors.unknownMark",
    );
    expect(await ballot(every("met"), true)).toBe("allowed");
    await startMeeting(admin, votesId, null);
    expect(
      await recordDecision(admin, votesId, nominationId, {
        outcome: "maybe",
        summary: "",
        marks: every("met"),
        rationales: {},
        revision: null,
      }),
    ).toEqual({
      ok: false,
      fieldErrors: { outcome: ["promotionsCommittee:errors.outcomeNeeded"] },
    });
  });

  test("while votes are taken a member who does not vote on a nominee reads none of their ballots, from the meeting on and once the window closes they do; nobody reads before votes begin, nor votes once the window closes; without a redacted first read a voter reads the nominee's name before voting", async () => {
    // Before votes begin, the committee reads neither the meeting nor a ballot page.
    expect(await attempt(() => meetingPage(vera, windowId))).toBe("common:errors.notFound");
    expect(await attempt(() => ballotPage(vera, windowId, nominations[lena.id]!))).toBe(
      "common:errors.notFound",
    );
    // Hana heads Lena's organisation: a member who does not vote on her. Vera and Bea do.
    const { id, nominationIds } = await votingWindow("Reading window", [vera, bea, hana], [lena]);
    const nominationId = nominationIds[0]!;
    expect(await ballotPage(bea, id, nominationId)).toMatchObject({
      redacted: false,
      nominee: { name: "Lena Lead" },
    });
    // On PostgreSQL: the window's facts, its people, the packet with every ballot, the nominee's
    // manager and team, and the sponsors, one statement each (SQLite reads each relation apart).
    const ballot = await countStatements(() => ballotPage(bea, id, nominationId));
    expect(ballot.statements).toHaveLength(provider === "postgresql" ? 5 : 15);
    expect(await submitBallot(vera, id, nominationId)).toBe("allowed");
    const othersFor = async (viewer: Person) =>
      (await ballotPage(viewer, id, nominationId)).others?.map((other) => other.member) ?? null;
    expect(await othersFor(hana)).toBeNull();
    await startMeeting(vera, id, null);
    expect(await othersFor(hana)).toEqual(["Vera Voter"]);
    await db.promotionWindow.update({ where: { id }, data: { state: "closed" } });
    expect(await othersFor(hana)).toEqual(["Vera Voter"]);
    expect(await submitBallot(bea, id, nominationId)).toBe(
      "promotionsCommittee:errors.votingClosed",
    );
  });

  test("a nominee is decided only when their committee meets the rules; the meeting starts once; once decided nobody votes on them, and dissent needs the decision, a vote on the nominee and the dissenter's own ballot in", async () => {
    // Vera and Bea both report to Otto: on Bea, Vera votes but is not from outside her organisation.
    const unmet = await votingWindow("Unmet window", [vera], [bea], {
      minOutsideMembers: 1,
      target: "ic3",
    });
    expect(await submitBallot(vera, unmet.id, unmet.nominationIds[0]!, "ic3")).toBe("allowed");
    await startMeeting(vera, unmet.id, null);
    expect(await decide(vera, unmet.id, unmet.nominationIds[0]!, "promote", "ic3")).toBe(
      "promotionsCommittee:errors.compositionUnmet",
    );

    // Dan votes on Lena, then moves into her team: he no longer votes on her, his ballot still in.
    const dan = await createPerson({
      name: "Dan Dissenter",
      track: "ic",
      level: "ic4",
      managerId: vera.id,
    });
    const { id, nominationIds } = await votingWindow(
      "Decisions window",
      [vera, bea, nolevel, dan],
      [lena],
    );
    const nominationId = nominationIds[0]!;
    for (const voter of [vera, bea, dan])
      expect(await submitBallot(voter, id, nominationId)).toBe("allowed");
    expect((await meetingPage(vera, id)).canStartMeeting).toBe(true);
    await startMeeting(vera, id, null);
    expect((await meetingPage(vera, id)).canStartMeeting).toBe(false);
    expect(await attempt(() => startMeeting(vera, id, null))).toBe(
      "promotionsCommittee:errors.cannotStartMeeting",
    );
    const dissent = (member: Person) =>
      attempt(() => recordDissent(member, id, nominationId, "Not yet, I think."));
    expect(await dissent(bea)).toBe("promotionsCommittee:errors.cannotDissent");
    expect(await decide(vera, id, nominationId, "promote")).toBe("allowed");
    // Noel votes on Lena but had not voted: too late now, and nothing to dissent from.
    expect(await submitBallot(nolevel, id, nominationId)).toBe(
      "promotionsCommittee:errors.votingClosed",
    );
    expect(await dissent(nolevel)).toBe("promotionsCommittee:errors.cannotDissent");
    await db.user.update({ where: { id: dan.id }, data: { managerId: lena.id } });
    await rebuildReportingLine();
    expect(await dissent(dan)).toBe("promotionsCommittee:errors.cannotDissent");
    expect(await dissent(bea)).toBe("allowed");
  });

  test("a decision is released once it is made, once, by the chair or an admin, in the meeting or after the window closes; before, the committee, admins and a member in the nominee's manager chain read it, the nominee does not; released after the effective day, a promotion takes effect on the release", async () => {
    const pia = await createPerson({
      name: "Pia Nominee",
      track: "ic",
      level: "ic3",
      managerId: lena.id,
    });
    const noah = await createPerson({
      name: "Noah Nominee",
      track: "ic",
      level: "ic3",
      managerId: lena.id,
    });
    const { id, nominationIds } = await votingWindow("Release window", [vera, hana], [pia, noah], {
      days: {
        nominationsOpenOn: new Date(Date.now() - 30 * DAY),
        nominationsCloseOn: new Date(Date.now() - 10 * DAY),
        effectiveOn: new Date(Date.now() - DAY),
      },
    });
    const [piaNomination, noahNomination] = nominationIds as [string, string];
    for (const nominationId of nominationIds)
      expect(await submitBallot(vera, id, nominationId)).toBe("allowed");
    await startMeeting(vera, id, null);
    const release = (viewer: Person, nominationId: string, now?: Date) =>
      attempt(() => releaseDecision(viewer, id, nominationId, now));
    const offersRelease = async (nominationId: string) =>
      (await meetingPage(vera, id)).candidates.find((candidate) => candidate.id === nominationId)!
        .canRelease;
    expect(await offersRelease(piaNomination)).toBe(false);
    expect(await release(vera, piaNomination)).toBe("promotionsCommittee:errors.cannotRelease");
    expect(await decide(vera, id, piaNomination, "promote")).toBe("allowed");
    expect(await decide(vera, id, noahNomination, "not-yet")).toBe("allowed");
    const outcomeFor = async (viewer: Person) =>
      (await answerPage(viewer, piaNomination)).decision?.outcome ?? null;
    expect(await outcomeFor(admin)).toBe("promote");
    expect(await outcomeFor(hana)).toBe("promote");
    expect(await outcomeFor(pia)).toBeNull();

    expect(await offersRelease(piaNomination)).toBe(true);
    const releasedAt = new Date();
    expect(await release(admin, piaNomination, releasedAt)).toBe("allowed");
    expect((await answerPage(pia, piaNomination)).decision?.takesEffectOn).toEqual(releasedAt);
    expect(await offersRelease(piaNomination)).toBe(false);
    expect(await release(vera, piaNomination)).toBe("promotionsCommittee:errors.cannotRelease");

    await db.promotionWindow.update({ where: { id }, data: { state: "closed" } });
    expect(await release(vera, noahNomination)).toBe("allowed");
    expect((await answerPage(noah, noahNomination)).decision?.outcome).toBe("not-yet");
  });

  test('a nominee who sits on the committee learns nothing of their own nomination before its release (its ballot page, the others\' marks, the decision), and a "not yet" goes into their growth plan only once it is released', async () => {
    // Named to the committee, then nominated in the same window (nothing refuses it): a member for
    // the window's other nominees, a nominee for their own.
    const mia = await createPerson({
      name: "Mia Member",
      track: "ic",
      level: "ic3",
      managerId: vera.id,
    });
    const { id, nominationIds } = await votingWindow("Own window", [vera, hana, mia], [mia]);
    const nominationId = nominationIds[0]!;
    expect(await submitBallot(hana, id, nominationId)).toBe("allowed");
    await startMeeting(vera, id, null);
    expect(await decide(vera, id, nominationId, "not-yet")).toBe("allowed");
    expect(await attempt(() => ballotPage(mia, id, nominationId))).toBe("common:errors.notFound");
    const ownRow = (await meetingPage(mia, id)).candidates.find(
      (candidate) => candidate.id === nominationId,
    )!;
    expect({ marks: ownRow.marks, decision: ownRow.decision }).toEqual({
      marks: null,
      decision: null,
    });
    expect((await answerPage(mia, nominationId)).decision).toBeNull();
    expect((await answerPage(mia, nominationId)).canPlan).toBe(false);
    expect(await attempt(() => releaseDecision(vera, id, nominationId))).toBe("allowed");
    expect((await answerPage(mia, nominationId)).decision?.outcome).toBe("not-yet");
    expect((await answerPage(mia, nominationId)).canPlan).toBe(true);
  });

  test('told "not yet", a nominee may be nominated again in the window after the ones the settings have them wait, counting only windows opening after this one\'s nominations close, in the order they open', async () => {
    await saveSettings(admin, {
      ...DEFAULT_SETTINGS,
      scope: "engineering",
      mode: "committee",
      waitWindowsAfterNotYet: 1,
    });
    const nell = await createPerson({
      name: "Nell Nominee",
      track: "ic",
      level: "ic3",
      managerId: lena.id,
    });
    const closes = new Date("2040-01-20T00:00:00Z");
    const { id, nominationIds } = await votingWindow("Closing window", [vera], [nell], {
      days: {
        nominationsOpenOn: new Date("2040-01-01T00:00:00Z"),
        nominationsCloseOn: closes,
        effectiveOn: new Date("2040-03-01T00:00:00Z"),
      },
    });
    const nominationId = nominationIds[0]!;
    // The ladder's other windows, the later ones written out of order: one opening as this one's
    // nominations close (not after them), then autumn's before spring's.
    const rules = { minMembers: 1, membersAtOrAbove: false, minOutsideMembers: 0 };
    for (const [name, opens] of [
      ["Earlier window", "2039-06-01"],
      ["Same-day window", "2040-01-20"],
      ["Autumn window", "2040-09-01"],
      ["Spring window", "2040-04-01"],
    ] as const)
      await windowRow(name, "draft", rules, {
        nominationsOpenOn: new Date(`${opens}T00:00:00Z`),
        nominationsCloseOn: new Date(new Date(`${opens}T00:00:00Z`).getTime() + 20 * DAY),
      });
    expect(await submitBallot(vera, id, nominationId)).toBe("allowed");
    await startMeeting(vera, id, null);
    expect(await decide(vera, id, nominationId, "not-yet")).toBe("allowed");
    expect(await attempt(() => releaseDecision(vera, id, nominationId))).toBe("allowed");
    // Spring's window is the one Nell waits out: she may be nominated again from autumn's.
    expect((await answerPage(nell, nominationId)).decision?.nextWindow?.name).toBe("Autumn window");
    await clearLadderSettings(admin, "engineering");
  });
});
