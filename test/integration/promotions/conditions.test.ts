// The promotions policy's conditions at their edges, through the services and pages (each case here
// failed no other test when its condition was taken out of promotions/policy.ts; see
// docs/testing/policy-conditions.md): which settings row decides a ladder's process, and the
// first and last instants a window takes nominations, who changes a window and when its criteria
// are fixed, who opens one, and a window in its meeting read as such.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { dayToDate } from "~/modules/days";
import { DomainError } from "~/modules/errors";
import { nominate } from "~/modules/promotions/nominations.server";
import {
  clearLadderSettings,
  DEFAULT_SETTINGS,
  saveSettings,
} from "~/modules/promotions/settings.server";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import {
  createWindow,
  openWindow,
  updateWindow,
  windowForAdmin,
} from "~/modules/promotions/windows.server";
import { createPerson } from "../../utils/factories";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);

type Person = Awaited<ReturnType<typeof createPerson>>;

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.kind} ${error.message}`;
    throw error;
  }
  return "allowed";
}

const windowInput = (name: string) => ({
  name,
  ladderId: "engineering",
  nominationsOpenOn: day(-1),
  nominationsCloseOn: day(14),
  packetsDueOn: day(28),
  votesDueOn: day(35),
  effectiveOn: day(60),
});

let admin: Person, boss: Person, manager: Person, nia: Person, omar: Person, cal: Person;

beforeAll(async () => {
  admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const engineer = (name: string, level: string, managerId: string) =>
    createPerson({ name, ladderId: "engineering", track: "ic", level, managerId });
  boss = await createPerson({
    name: "Bea Boss",
    ladderId: "engineering",
    track: "manager",
    level: "m2",
  });
  manager = await createPerson({
    name: "Max Manager",
    ladderId: "engineering",
    track: "manager",
    level: "m1",
    managerId: boss.id,
  });
  nia = await engineer("Nia Engineer", "ic3", manager.id);
  omar = await engineer("Omar Engineer", "ic2", manager.id);
  cal = await engineer("Cal Engineer", "ic2", manager.id);
  await saveSettings(admin, { scope: "", ...DEFAULT_SETTINGS, mode: "committee" });
});

describe("promotions' rules at their edges", () => {
  test("a ladder's own choice of process holds over the organisation's, either way", async () => {
    const settings = (scope: string, mode: "calibration" | "committee") =>
      saveSettings(admin, { scope, ...DEFAULT_SETTINGS, mode });
    await settings("", "calibration");
    await settings("engineering", "committee");
    expect(await refusal(() => createWindow(admin, windowInput("Own choice")))).toBe("allowed");
    await settings("", "committee");
    await settings("engineering", "calibration");
    expect(await refusal(() => createWindow(admin, windowInput("Organisation's choice")))).toBe(
      "invalid promotions:errors.ladderDecidedInCalibration",
    );
    await clearLadderSettings(admin, "engineering");
  });

  test("a window takes nominations from the first instant of its first day to the last of its last, not a moment either side", async () => {
    const windowId = await createWindow(admin, {
      ...windowInput("Edges"),
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
    const draftId = await createWindow(admin, windowInput("Draft"));
    const draft = await stale(draftId);
    await updateWindow(admin, draftId, windowInput("Draft renamed"), draft.revision);
    expect(await versionOf(draftId)).toBe(served);
    // Nobody but an admin changes or opens it.
    expect(
      await refusal(async () =>
        updateWindow(manager, draftId, windowInput("By a manager"), draft.revision + 1),
      ),
    ).toMatch(/^forbidden /);
    expect(await refusal(() => openWindow(manager, draftId, now))).not.toBe("allowed");
    expect((await db.promotionWindow.findUniqueOrThrow({ where: { id: draftId } })).state).toBe(
      "draft",
    );

    // A draft whose ladder went back to calibration is not opened; an open one is not opened again.
    const switchedId = await createWindow(admin, windowInput("Switched"));
    await saveSettings(admin, { scope: "engineering", ...DEFAULT_SETTINGS, mode: "calibration" });
    expect(await refusal(() => openWindow(admin, switchedId, now))).toBe(
      "invalid promotions:errors.ladderDecidedInCalibration",
    );
    await clearLadderSettings(admin, "engineering");
    expect((await db.promotionWindow.findUniqueOrThrow({ where: { id: switchedId } })).state).toBe(
      "draft",
    );

    // Opened, its criteria are fixed: an edit keeps its version, and its ladder cannot change.
    const openId = await createWindow(admin, windowInput("Opened"));
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
    await updateWindow(admin, openId, windowInput("Opened renamed"), opened.revision);
    expect(await versionOf(openId)).toBe(opened.ladderVersionId);
    expect(
      await refusal(() =>
        updateWindow(
          admin,
          openId,
          { ...windowInput("Elsewhere"), ladderId: "no-such-ladder" },
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
        updateWindow(admin, openId, windowInput("After closing"), opened.revision + 1),
      ),
    ).toBe("forbidden promotions:errors.windowClosed");
  });

  test("with self- and sponsor nominations off the person may not nominate themselves, and their manager still nominates them", async () => {
    const windowId = await createWindow(admin, windowInput("No self-nominations"));
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
});
