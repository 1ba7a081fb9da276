// The promotions policy's conditions at their edges, through the services and pages (each case here
// failed no other test when its condition was taken out of promotions/policy.ts; see
// docs/testing/policy-conditions.md): which settings row decides a ladder's process, and the
// first and last instants a window takes nominations, who changes a window and when its criteria
// are fixed, who opens one, a window in its meeting read as such; and who writes, amends, adds to
// and withdraws a nomination, and until when.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { provider } from "../../setup/databases";
import { dayToDate } from "~/modules/days";
import { nameMember } from "~/modules/promotions/committee.server";
import { startMeeting } from "~/modules/promotions/decisions.server";
import {
  addToNomination,
  nominate,
  withdrawNomination,
} from "~/modules/promotions/nominations.server";
import {
  amendPacket,
  nominationPage,
  saveCase,
  submitPacket,
} from "~/modules/promotions/packets.server";
import {
  clearLadderSettings,
  DEFAULT_SETTINGS,
  saveSettings,
} from "~/modules/promotions/settings.server";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import {
  createWindow,
  openWindow,
  startVotes,
  updateWindow,
  windowForAdmin,
} from "~/modules/promotions/windows.server";
import { todoFor } from "~/modules/todo/todo.server";
import { createPerson } from "../../utils/factories";
import { refusal } from "../../utils/responses";
import { adminAndLine, DAY, dayFrom, windowInput } from "./fixtures";

const now = new Date();
const day = (offset: number) => dayFrom(now, offset);

type Person = Awaited<ReturnType<typeof createPerson>>;

const engineer = (name: string, level: string, managerId: string) =>
  createPerson({ name, ladderId: "engineering", track: "ic", level, managerId });

let admin: Person, boss: Person, manager: Person, nia: Person, omar: Person, cal: Person;

beforeAll(async () => {
  ({ admin, boss, manager } = await adminAndLine());
  nia = await engineer("Nia Engineer", "ic3", manager.id);
  omar = await engineer("Omar Engineer", "ic2", manager.id);
  cal = await engineer("Cal Engineer", "ic2", manager.id);
  await saveSettings(admin, { scope: "", ...DEFAULT_SETTINGS, mode: "committee" });
});

// Shared by the tests below: a window opened now, a nomination made (the nominee's own when `by` is
// them), the packet its nominee reads (with its first criterion to write to), and one submitted.
async function openedWindow(name: string) {
  const windowId = await createWindow(admin, windowInput(now, name));
  await openWindow(admin, windowId, now);
  return windowId;
}
async function nominated(by: Person, windowId: string, nominee: Person, targetLevelId: string) {
  const made = await nominate(
    by,
    {
      windowId,
      nomineeEmail: by.id === nominee.id ? "" : nominee.email,
      targetLevelId,
      statement: "Ready.",
    },
    now,
  );
  if (!made.ok) throw new Error("expected a nomination");
  return made.nominationId;
}
async function packetOf(nominee: Person, nominationId: string) {
  const packet = (await nominationPage(nominee, nominationId, now)).packet!;
  return { ...packet, competencyId: packet.criteria[0]!.competencyId };
}
const writeCase = (
  author: Person,
  nominationId: string,
  packet: Awaited<ReturnType<typeof packetOf>>,
) =>
  refusal(() =>
    saveCase(
      author,
      nominationId,
      packet.id,
      {
        competencyId: packet.competencyId,
        text: "My case.",
        evidence: [],
        revision: packet.revision,
      },
      now,
    ),
  );
async function submitted(nominee: Person, nominationId: string) {
  const packet = await packetOf(nominee, nominationId);
  await submitPacket(nominee, nominationId, packet.id, packet.revision, now);
}

describe("promotions' rules at their edges", () => {
  test("a ladder's own choice of process holds over the organisation's, either way", async () => {
    const settings = (scope: string, mode: "calibration" | "committee") =>
      saveSettings(admin, { scope, ...DEFAULT_SETTINGS, mode });
    await settings("", "calibration");
    await settings("engineering", "committee");
    expect(await refusal(() => createWindow(admin, windowInput(now, "Own choice")))).toBe(
      "allowed",
    );
    await settings("", "committee");
    await settings("engineering", "calibration");
    expect(
      await refusal(() => createWindow(admin, windowInput(now, "Organisation's choice"))),
    ).toBe("invalid promotions:errors.ladderDecidedInCalibration");
    await clearLadderSettings(admin, "engineering");
  });

  test("a window takes nominations from the first instant of its first day to the last of its last, not a moment either side", async () => {
    const windowId = await createWindow(admin, {
      ...windowInput(now, "Edges"),
      nominationsOpenOn: day(10),
      nominationsCloseOn: day(20),
    });
    await openWindow(admin, windowId, now);
    const opens = dayToDate(day(10)).getTime();
    const ends = dayToDate(day(21)).getTime();
    const self = (person: Person, targetLevelId: string, at: number) =>
      refusal(() =>
        nominate(
          person,
          { windowId, nomineeEmail: "", targetLevelId, statement: "Ready." },
          new Date(at),
        ),
      );
    const closed = "invalid promotions:errors.windowNotTakingNominations";
    expect(await self(nia, "ic4", opens - 1)).toBe(closed);
    expect(await self(nia, "ic4", opens)).toBe("allowed");
    expect(await self(omar, "ic3", ends - 1)).toBe("allowed");
    expect(await self(cal, "ic3", ends)).toBe(closed);
  });

  test("an admin changes a window until it closes; its criteria follow the ladder while a draft and are fixed once it opens; only an admin opens it", async () => {
    const stale = async (windowId: string) =>
      await db.promotionWindow.update({
        where: { id: windowId },
        data: {
          ladderVersionId: (
            await db.ladderVersion.create({
              data: {
                ladderId: "engineering",
                hash: `stale-${windowId}`,
                version: "0",
                content: {},
              },
            })
          ).id,
        },
        select: { ladderVersionId: true, revision: true },
      });
    const versionOf = async (windowId: string) =>
      (await db.promotionWindow.findUniqueOrThrow({ where: { id: windowId } })).ladderVersionId;
    const served = (await servedLadderVersion("engineering"))!.versionId;

    // A draft's criteria are the ladder's current version: an edit brings a stale one up to date.
    const draftId = await createWindow(admin, windowInput(now, "Draft"));
    const draft = await stale(draftId);
    await updateWindow(admin, draftId, windowInput(now, "Draft renamed"), draft.revision);
    expect(await versionOf(draftId)).toBe(served);
    // Nobody but an admin changes or opens it.
    expect(
      await refusal(async () =>
        updateWindow(manager, draftId, windowInput(now, "By a manager"), draft.revision + 1),
      ),
    ).toMatch(/^forbidden /);
    expect(await refusal(() => openWindow(manager, draftId, now))).not.toBe("allowed");
    expect((await db.promotionWindow.findUniqueOrThrow({ where: { id: draftId } })).state).toBe(
      "draft",
    );

    // A draft whose ladder went back to calibration is not opened; an open one is not opened again.
    const switchedId = await createWindow(admin, windowInput(now, "Switched"));
    await saveSettings(admin, { scope: "engineering", ...DEFAULT_SETTINGS, mode: "calibration" });
    expect(await refusal(() => openWindow(admin, switchedId, now))).toBe(
      "invalid promotions:errors.ladderDecidedInCalibration",
    );
    await clearLadderSettings(admin, "engineering");
    expect((await db.promotionWindow.findUniqueOrThrow({ where: { id: switchedId } })).state).toBe(
      "draft",
    );

    // Opened, its criteria are fixed: an edit keeps its version, and its ladder cannot change.
    const openId = await createWindow(admin, windowInput(now, "Opened"));
    await openWindow(admin, openId, now);
    expect(await refusal(() => openWindow(admin, openId, now))).toBe(
      "invalid promotions:errors.windowAlreadyOpen",
    );
    // Its admin page tells a manager's nomination from a sponsor's.
    const made = await nominate(
      manager,
      { windowId: openId, nomineeEmail: omar.email, targetLevelId: "ic3", statement: "Ready." },
      now,
    );
    expect(made.ok).toBe(true);
    expect((await windowForAdmin(admin, openId)).nominations.map((row) => row.kind)).toEqual([
      "manager",
    ]);
    const opened = await stale(openId);
    await updateWindow(admin, openId, windowInput(now, "Opened renamed"), opened.revision);
    expect(await versionOf(openId)).toBe(opened.ladderVersionId);
    expect(
      await refusal(() =>
        updateWindow(
          admin,
          openId,
          { ...windowInput(now, "Elsewhere"), ladderId: "no-such-ladder" },
          opened.revision + 1,
        ),
      ),
    ).toBe("invalid promotions:errors.ladderLocked");

    // In its meeting it reads as in its meeting; closed, nobody changes it.
    await db.promotionWindow.update({ where: { id: openId }, data: { state: "meeting" } });
    expect((await windowForAdmin(admin, openId)).window.state).toBe("meeting");
    await db.promotionWindow.update({ where: { id: openId }, data: { state: "closed" } });
    expect(
      await refusal(() =>
        updateWindow(admin, openId, windowInput(now, "After closing"), opened.revision + 1),
      ),
    ).toBe("forbidden promotions:errors.windowClosed");
  });

  test("with self- and sponsor nominations off the person may not nominate themselves, and their manager still nominates them", async () => {
    const windowId = await createWindow(admin, windowInput(now, "No self-nominations"));
    await openWindow(admin, windowId, now);
    await saveSettings(admin, {
      scope: "engineering",
      ...DEFAULT_SETTINGS,
      mode: "committee",
      selfNomination: false,
      sponsorNomination: false,
    });
    const input = { windowId, targetLevelId: "ic3", statement: "Ready." };
    expect(await refusal(() => nominate(cal, { ...input, nomineeEmail: "" }, now))).toBe(
      "invalid promotions:errors.selfNominationOff",
    );
    expect(await refusal(() => nominate(manager, { ...input, nomineeEmail: cal.email }, now))).toBe(
      "allowed",
    );
    await clearLadderSettings(admin, "engineering");
  });

  test('a nominee off the window\'s ladder, or with no level, is not nominated, nor one told "not yet" until a later window', async () => {
    const windowId = await openedWindow("Who is nominated");
    const elsewhere = await createPerson({
      name: "Dee Designer",
      ladderId: "design",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const unlevelled = await createPerson({
      name: "Uma Unlevelled",
      ladderId: "engineering",
      managerId: manager.id,
    });
    const byManager = (nominee: Person) =>
      refusal(() =>
        nominate(
          manager,
          { windowId, nomineeEmail: nominee.email, targetLevelId: "ic3", statement: "Ready." },
          now,
        ),
      );
    for (const nominee of [elsewhere, unlevelled])
      expect(await byManager(nominee)).toBe("invalid promotions:errors.nomineeNotOnLadder");

    // Wen's "not yet" of an earlier window names a window opening later than this one.
    const wen = await engineer("Wen Waiting", "ic2", manager.id);
    const earlierId = await createWindow(admin, windowInput(now, "Earlier"));
    await db.promotionWindow.update({ where: { id: earlierId }, data: { state: "closed" } });
    const laterId = await createWindow(admin, {
      ...windowInput(now, "Later"),
      nominationsOpenOn: day(30),
      nominationsCloseOn: day(40),
    });
    const earlier = await db.promotionNomination.create({
      data: {
        windowId: earlierId,
        nomineeId: wen.id,
        kind: "manager",
        nominatedById: manager.id,
        trackId: "ic",
        levelId: "ic2",
        managerId: manager.id,
        targetTrackId: "ic",
        targetLevelId: "ic3",
        statement: "Ready.",
        candidateNumber: 1,
        state: "decided",
      },
    });
    await db.promotionDecision.create({
      data: {
        nominationId: earlier.id,
        outcome: "not-yet",
        rationale: "{}",
        decidedById: admin.id,
        decidedAt: now,
        releasedAt: now,
        nextWindowId: laterId,
      },
    });
    expect(await byManager(wen)).toBe("invalid promotions:errors.waitingForLaterWindow");
  });
});

describe("who writes, amends, adds to and withdraws a nomination, and until when", () => {
  const cannotWrite = "forbidden promotions:errors.cannotWritePacket";
  const cannotWithdraw = "forbidden promotions:errors.cannotWithdraw";
  const onlyManagerAdds = "forbidden promotions:errors.onlyManagerAdds";

  test("the nominee and their nearest manager write and amend the packet, the manager offered what the nominee shared; a manager further up or an admin reads it and changes nothing", async () => {
    const windowId = await openedWindow("Authors");
    const nominationId = await nominated(manager, windowId, omar, "ic3");
    const packet = await packetOf(omar, nominationId);
    const shared = await db.careerEvidence.create({
      data: {
        personId: omar.id,
        competencyId: packet.competencyId,
        text: "Ran the release train.",
        occurredOn: new Date(now.getTime() - 30 * DAY),
        shared: true,
      },
    });
    const offered = async (viewer: Person) =>
      (await nominationPage(viewer, nominationId, now))
        .packet!.criteria.find((item) => item.competencyId === packet.competencyId)!
        .offered.map((item) => item.ref);
    expect(await offered(manager)).toContain(`career-evidence:${shared.id}`);
    // On PostgreSQL the nomination with its window, committee and packets is one statement, and the
    // nominee with their last move another (relation joins; SQLite reads each relation apart).
    const writing = await countStatements(() => nominationPage(manager, nominationId, now));
    expect(writing.statements).toHaveLength(provider === "postgresql" ? 10 : 16);

    const bossPage = await nominationPage(boss, nominationId, now);
    expect({ role: bossPage.role, write: bossPage.can.write }).toEqual({
      role: null,
      write: false,
    });
    expect(await writeCase(boss, nominationId, packet)).toBe(cannotWrite);
    expect(await writeCase(manager, nominationId, packet)).toBe("allowed");

    await submitted(omar, nominationId);
    expect((await nominationPage(boss, nominationId, now)).can.amend).toBe(false);
    for (const reader of [boss, admin])
      expect(await refusal(() => amendPacket(reader, nominationId, "A correction.", now))).toBe(
        cannotWrite,
      );
    expect(await refusal(() => amendPacket(manager, nominationId, "A correction.", now))).toBe(
      "allowed",
    );
  });

  test("while the window is open the nominee withdraws, and whoever nominated; a withdrawn nomination is not written to, added to or withdrawn again", async () => {
    const windowId = await openedWindow("Withdrawals");
    const own = await nominated(nia, windowId, nia, "ic4");
    const packet = await packetOf(nia, own);
    expect(await refusal(() => withdrawNomination(nia, own, "Next year.", now))).toBe("allowed");
    expect(await writeCase(nia, own, packet)).toBe(cannotWrite);
    expect(await refusal(() => addToNomination(manager, own, "She is ready.", now))).toBe(
      onlyManagerAdds,
    );
    expect((await nominationPage(nia, own, now)).can.withdraw).toBe(false);
    expect(await refusal(() => withdrawNomination(nia, own, "Again.", now))).toBe(cannotWithdraw);

    const byManager = await nominated(manager, windowId, cal, "ic3");
    expect(await refusal(() => withdrawNomination(manager, byManager, "Too soon.", now))).toBe(
      "allowed",
    );
  });

  test("a manager adds only to a nomination they did not make, and only while the window is open; once the votes start the nominee still withdraws and amends, until the meeting", async () => {
    const windowId = await openedWindow("Until the meeting");
    const byManager = await nominated(manager, windowId, omar, "ic3");
    const own = await nominated(nia, windowId, nia, "ic4");
    expect((await nominationPage(manager, byManager, now)).can.add).toBe(false);
    expect(await refusal(() => addToNomination(manager, byManager, "Also mine.", now))).toBe(
      onlyManagerAdds,
    );
    const addKey = `promotion-add:${own}`;
    const managerKeys = async () => (await todoFor(manager, now)).map((item) => item.key);
    expect(await managerKeys()).toContain(addKey);
    await submitted(omar, byManager);
    const first = await packetOf(nia, own);
    await submitted(nia, own);
    const chair = await createPerson({
      name: "Cy Chair",
      ladderId: "engineering",
      track: "ic",
      level: "ic5",
    });
    await nameMember(admin, windowId, { email: chair.email, role: "chair" });
    await startVotes(admin, windowId, now);

    // The votes under way: a first packet is written no more (an amendment corrects it), nothing more
    // is added, and the nominee withdraws a nomination someone else made.
    expect(await writeCase(nia, own, first)).toBe(cannotWrite);
    expect(await managerKeys()).not.toContain(addKey);
    expect(await refusal(() => addToNomination(manager, own, "Late words.", now))).toBe(
      onlyManagerAdds,
    );
    expect(await refusal(() => withdrawNomination(omar, byManager, "Not this year.", now))).toBe(
      "allowed",
    );
    expect(await refusal(() => amendPacket(omar, byManager, "A correction.", now))).toBe(
      cannotWrite,
    );
    // An amendment is started while the committee reads; from the meeting on, it is written no more.
    const amendmentId = await amendPacket(nia, own, "One more project shipped.", now);
    await startMeeting(admin, windowId, null);
    const amendment = await packetOf(nia, own);
    expect(amendment.id).toBe(amendmentId);
    expect(await writeCase(nia, own, amendment)).toBe(cannotWrite);
    expect(await refusal(() => withdrawNomination(nia, own, "Too late.", now))).toBe(
      cannotWithdraw,
    );
  });
});
