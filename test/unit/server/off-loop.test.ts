import { threadId } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startOffLoop } from "../../../server/off-loop";
import { floorsFrom } from "~/modules/disclosure/floor";
import { equityAudit, type AuditUnit } from "~/modules/equity/audit";
import { equityAuditOffLoop } from "~/modules/equity/off-loop.server";
import { offLoop } from "~/platform/off-loop.server";
import { busy, end, fail } from "../../fixtures/off-loop-tasks";

/**
 * The compute thread (decision 133): what a task returns there is what it returns here; the page
 * loop goes on while it runs; its errors and a thread that ends reach the caller, and the next task
 * is run by a new thread.
 */
const FIXTURES = "test/fixtures/off-loop-tasks.ts";
const busyTask = offLoop(FIXTURES, "busy", busy);
const failTask = offLoop(FIXTURES, "fail", fail);
const endTask = offLoop(FIXTURES, "end", end);

const DAY = 24 * 60 * 60 * 1000;
const TEAMS = ["Payments", "Search", "Mobile", "Platform"];
const STAGES = ["eligible", "nominated", "promoted"];

/** Eighty people over a year: each joins a team, some are nominated, some of those promoted, some move team. */
function units(): AuditUnit[] {
  return Array.from({ length: 80 }, (_, index) => {
    const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * DAY);
    const team = TEAMS[index % TEAMS.length]!;
    const history: AuditUnit["history"][number][] = [
      { at: at(index), state: { stage: "eligible", groups: { team } } },
    ];
    if (index % 3 === 0)
      history.push({ at: at(100 + index), state: { stage: "nominated", groups: { team } } });
    if (index % 6 === 0)
      history.push({ at: at(200 + index), state: { stage: "promoted", groups: { team } } });
    if (index % 7 === 0)
      history.push({
        at: at(300 + index),
        state: { stage: history.at(-1)!.state!.stage, groups: { team: TEAMS[0]! } },
      });
    return { id: `person-${index}`, history };
  });
}

describe("the compute thread", () => {
  let thread: ReturnType<typeof startOffLoop>;
  beforeAll(() => {
    thread = startOffLoop();
  });
  afterAll(() => thread.stop());

  test("an audit computed there is the audit computed here, under raised floors too", async () => {
    const floors = floorsFrom([
      ["person-3", 6],
      ["person-12", 5],
    ]);
    const spec = { name: "promotions", stages: STAGES, dimensions: ["team"] };
    const here = equityAudit(spec, units(), floors);
    expect(here.total.shown).toBe(true);
    expect(await equityAuditOffLoop(spec, units(), floors)).toEqual(here);
  });

  test("the loop that asked goes on while a task holds the thread", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      const ranOn = await busyTask(800);
      expect(ranOn).not.toBe(threadId);
      expect(ticks).toBeGreaterThanOrEqual(20);
    } finally {
      clearInterval(timer);
    }
  });

  test("a task's error reaches the caller with its message", async () => {
    await expect(failTask("no such window")).rejects.toThrow("no such window");
    expect(await busyTask(0)).not.toBe(threadId);
  });

  test("a thread that ends fails its task, and the next task runs on a new thread", async () => {
    const first = await busyTask(0);
    await expect(endTask(3)).rejects.toThrow("The compute thread ended (code 3).");
    const second = await busyTask(0);
    expect(second).not.toBe(threadId);
    expect(second).not.toBe(first);
  });

  test("only the app's and the tests' modules are run", async () => {
    await expect(offLoop("server/index.ts", "main", () => 0)()).rejects.toThrow(
      "server/index.ts is not a module of the app",
    );
    await expect(offLoop(FIXTURES, "nothing", () => 0)()).rejects.toThrow(
      "exports no function nothing",
    );
  });
});

test("with no thread installed, a task runs where it is asked", async () => {
  expect(await busyTask(0)).toBe(threadId);
});
