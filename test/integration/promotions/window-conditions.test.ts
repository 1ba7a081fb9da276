// The promotions policy's last conditions at their edges, through the services (each case here
// failed no other test when its condition was taken out of promotions/policy.ts; see
// docs/testing/policy-conditions.md): the chair's reading of a window's audit while the votes are
// taken is the window's step; and a window closes only from its meeting, by an admin, once every
// standing decision is released, and is not closed twice.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { windowAuditView } from "~/modules/promotions/audit.server";
import { requireLadderOfVersion } from "~/modules/ladders/versions.server";
import { saveBallot } from "~/modules/promotions/ballots.server";
import { criteriaOf, nameMember } from "~/modules/promotions/committee.server";
import {
  recordDecision,
  releaseDecision,
  startMeeting,
} from "~/modules/promotions/decisions.server";
import { withdrawNomination } from "~/modules/promotions/nominations.server";
import { closeWindow } from "~/modules/promotions/windows.server";
import { createPerson } from "../../utils/factories";
import { refusal } from "../../utils/responses";
import { engineeringVersionId } from "./committee-fixtures";
import { DAY } from "./fixtures";

type Person = Awaited<ReturnType<typeof createPerson>>;

let admin: Person, chair: Person, nia: Person, omar: Person, ladderVersionId: string;

beforeAll(async () => {
  admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  chair = await createPerson({ name: "Cleo Chair", track: "ic", level: "ic6" });
  nia = await createPerson({ name: "Nia Engineer", track: "ic", level: "ic3" });
  omar = await createPerson({ name: "Omar Engineer", track: "ic", level: "ic3" });
  ladderVersionId = await engineeringVersionId();
});

/**
 * A window whose votes are being taken, as the admin's steps leave it: opened, Cleo named its chair
 * while it was open, each nominee nominated themselves for ic4, every packet in.
 */
async function votingWindow(name: string, nominees: readonly Person[]) {
  const now = Date.now();
  const id = (
    await db.promotionWindow.create({
      data: {
        name,
        ladderId: "engineering",
        ladderVersionId,
        state: "open",
        minMembers: 1,
        membersAtOrAbove: false,
        minOutsideMembers: 0,
        redactedFirstRead: false,
        nominationsOpenOn: new Date(now - 20 * DAY),
        nominationsCloseOn: new Date(now - 10 * DAY),
        packetsDueOn: new Date(now - 5 * DAY),
        votesDueOn: new Date(now + 5 * DAY),
        effectiveOn: new Date(now + 60 * DAY),
        openedAt: new Date(now - 20 * DAY),
      },
    })
  ).id;
  await nameMember(admin, id, { email: chair.email, role: "chair" });
  const nominationIds: string[] = [];
  for (const [index, nominee] of nominees.entries())
    nominationIds.push(
      (
        await db.promotionNomination.create({
          data: {
            windowId: id,
            nomineeId: nominee.id,
            kind: "self",
            nominatedById: nominee.id,
            trackId: "ic",
            levelId: "ic3",
            targetTrackId: "ic",
            targetLevelId: "ic4",
            statement: "Ready.",
            candidateNumber: index + 1,
          },
        })
      ).id,
    );
  await db.promotionWindow.update({ where: { id }, data: { state: "committee" } });
  return { id, nominationIds };
}

/** Cleo's ballot on the nominee while the votes are taken, every criterion of ic4 met. */
async function voted(windowId: string, nominationId: string) {
  const criteria = criteriaOf(await requireLadderOfVersion(ladderVersionId), "ic4");
  const marks = Object.fromEntries(criteria.map(({ id }) => [id, "met"]));
  await saveBallot(chair, windowId, nominationId, {
    marks,
    notes: {},
    submit: true,
    revision: null,
  });
}

/** The committee's decision in the meeting to promote the nominee, not yet released. */
async function decided(windowId: string, nominationId: string) {
  const criteria = criteriaOf(await requireLadderOfVersion(ladderVersionId), "ic4");
  const result = await recordDecision(chair, windowId, nominationId, {
    outcome: "promote",
    summary: "",
    marks: Object.fromEntries(criteria.map(({ id }) => [id, "met"])),
    rationales: {},
    revision: null,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
}

const auditOpenings = (windowId: string) =>
  db.promotionEvent.count({ where: { windowId, kind: "audit-opened" } });
const stateOf = async (windowId: string) =>
  (await db.promotionWindow.findUniqueOrThrow({ where: { id: windowId } })).state;

describe("a window's last steps at their edges", () => {
  test("the chair's reading of the audit while the votes are taken is the window's step: the window closes after its meeting without another", async () => {
    const { id, nominationIds } = await votingWindow("Votes-audit window", [nia]);
    await voted(id, nominationIds[0]!);
    await windowAuditView(chair, id);
    expect(await auditOpenings(id)).toBe(1);
    await startMeeting(chair, id, null);
    await decided(id, nominationIds[0]!);
    await releaseDecision(chair, id, nominationIds[0]!);
    expect(await refusal(() => closeWindow(admin, id))).toBe("allowed");
    expect(await stateOf(id)).toBe("closed");
  });

  test("a window closes only once every standing decision is released, one unreleased is enough to hold it, and only an admin closes it", async () => {
    const { id, nominationIds } = await votingWindow("Release window", [nia, omar]);
    const [first, second] = nominationIds as [string, string];
    await voted(id, first);
    await voted(id, second);
    await windowAuditView(chair, id);
    await startMeeting(chair, id, null);
    await decided(id, first);
    await decided(id, second);
    await releaseDecision(chair, id, first);
    // One decision made but not released.
    expect(await refusal(() => closeWindow(admin, id))).toBe(
      "conflict promotions:errors.closeWithUnreleased",
    );
    await releaseDecision(chair, id, second);
    // Every step done: still the admin's to take, not the chair's.
    expect(await refusal(() => closeWindow(chair, id))).toBe("forbidden common:errors.adminsOnly");
    expect(await stateOf(id)).toBe("meeting");
    expect(await refusal(() => closeWindow(admin, id))).toBe("allowed");
    // Closed, it is said to be closed, not that its meeting has yet to come.
    expect(await refusal(() => closeWindow(admin, id))).toBe(
      "conflict promotions:errors.windowClosed",
    );
  });

  test("before its meeting a window does not close, though the chair read its audit and nothing waits for release", async () => {
    const { id, nominationIds } = await votingWindow("Withdrawn window", [nia]);
    await windowAuditView(chair, id);
    // The only nominee withdraws while the votes are taken: no decision is left to release.
    await withdrawNomination(nia, nominationIds[0]!, "Not this round.");
    expect(await refusal(() => closeWindow(admin, id))).toBe(
      "conflict promotions:errors.closeBeforeMeeting",
    );
    expect(await stateOf(id)).toBe("committee");
  });
});
