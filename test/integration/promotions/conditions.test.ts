// The promotions policy's conditions at their edges, through the services and pages (each case here
// failed no other test when its condition was taken out of promotions/policy.ts; see
// docs/testing/policy-conditions.md): which settings row decides a ladder's process, and the
// first and last instants a window takes nominations.
import { beforeAll, describe, expect, test } from "vitest";
import { dayToDate } from "~/modules/days";
import { DomainError } from "~/modules/errors";
import { nominate } from "~/modules/promotions/nominations.server";
import {
  clearLadderSettings,
  DEFAULT_SETTINGS,
  saveSettings,
} from "~/modules/promotions/settings.server";
import { createWindow, openWindow } from "~/modules/promotions/windows.server";
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
});
