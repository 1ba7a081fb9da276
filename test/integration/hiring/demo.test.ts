import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { loader as homeLoader } from "~/routes/_index";
import { loader as debriefLoader } from "~/routes/hiring.loops.$loopId.debrief";
import { loader as pipelineLoader } from "~/routes/hiring.openings.$openingId.pipeline";
import { seedDemo } from "../../../prisma/seed/demo";
import { DEMO_OPENING_TITLE } from "../../../prisma/seed/demo-hiring";
import { bodyOf, get, routeArgs } from "./helpers";
import { inEnglish } from "../../utils/todo-words";

describe("the demo organisation's hiring", () => {
  test("Grace Liu's opening has a loop in progress and a loop to debrief on her home page, and a decided loop with its debrief; seeding again changes nothing", async () => {
    await seedDemo();
    const opening = await db.hiringOpening.findFirstOrThrow({
      where: { title: DEMO_OPENING_TITLE },
      select: {
        id: true,
        admins: { select: { user: { select: { email: true } } } },
        loops: { select: { id: true, decision: true } },
      },
    });
    expect(opening.admins.map((admin) => admin.user.email)).toEqual(["grace.liu@example.com"]);
    expect(opening.loops.map((loop) => loop.decision).sort()).toEqual([
      "no-hire",
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    const grace = await db.user.findUniqueOrThrow({ where: { email: "grace.liu@example.com" } });
    const home = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
      await homeLoader(routeArgs(await get("/", grace.id))),
    );
    expect(home.todo.filter((item) => item.kind === "hiring-loop").map(inEnglish)).toContainEqual(
      expect.objectContaining({
        title: `Follow an interview loop for ${DEMO_OPENING_TITLE}`,
        detail: expect.stringMatching(/^Candidate: Jordan Avery\..*2 of 4 scorecards in/),
      }),
    );
    // Morgan Ellis's cards are all in: the debrief is open and the decision is Grace's.
    const toDecide = home.todo.find((item) => item.kind === "hiring-decision");
    expect(inEnglish(toDecide!)).toMatchObject({
      title: `Record a hiring decision for ${DEMO_OPENING_TITLE}`,
      detail: expect.stringContaining("Candidate: Morgan Ellis."),
    });
    const readyId = toDecide!.href.split("/")[3]!;
    const ready = bodyOf<Awaited<ReturnType<typeof debriefLoader>>>(
      await debriefLoader(
        routeArgs(await get(`/hiring/loops/${readyId}/debrief`, grace.id), { loopId: readyId }),
      ),
    );
    if (!ready.available) throw new Error("the debrief of the loop whose cards are all in is open");
    expect(ready.rows).toHaveLength(4);
    const decided = opening.loops.find((loop) => loop.decision !== null)!;
    const debrief = bodyOf<Awaited<ReturnType<typeof debriefLoader>>>(
      await debriefLoader(
        routeArgs(await get(`/hiring/loops/${decided.id}/debrief`, grace.id), {
          loopId: decided.id,
        }),
      ),
    );
    if (!debrief.available) throw new Error("the decided loop's debrief is open");
    expect(debrief.rows).toHaveLength(5);
    expect(debrief.disagreements).toEqual(["system-design"]);
    // The pipeline has candidates in every stage, and Grace a to-do for those waiting in screen and at the offer stage.
    const board = bodyOf<Awaited<ReturnType<typeof pipelineLoader>>>(
      await pipelineLoader(
        routeArgs(await get(`/hiring/openings/${opening.id}/pipeline`, grace.id), {
          openingId: opening.id,
        }),
      ),
    );
    expect(
      Object.fromEntries(
        board.columns.map((column) => [
          column.stage,
          column.candidates.map((candidate) => candidate.name),
        ]),
      ),
    ).toEqual({
      screen: ["Nadia Karim", "Sam Rivera"],
      interviews: ["Morgan Ellis", "Jordan Avery"],
      offer: ["Alex Moreau"],
      hired: [],
      rejected: ["Robin Okoye", "Chris Dubois"],
    });
    expect(board.timeInStage.find((row) => row.stage === "screen")).toMatchObject({
      waiting: 2,
      medianWaitingDays: expect.closeTo(6, 0),
    });
    expect(
      home.todo
        .filter((item) => item.kind === "hiring-candidate")
        .map((item) => inEnglish(item).title)
        .sort(),
    ).toEqual([
      `Follow an offer for ${DEMO_OPENING_TITLE}`,
      `Screen a candidate for ${DEMO_OPENING_TITLE}`,
      `Screen a candidate for ${DEMO_OPENING_TITLE}`,
    ]);
    await seedDemo();
    expect(await db.hiringOpening.count({ where: { title: DEMO_OPENING_TITLE } })).toBe(1);
    expect(await db.hiringLoop.count({ where: { openingId: opening.id } })).toBe(7);
  });

  test("interviewers are at every step of training, a shadow's practice notes wait for Yuki Sato's sign-off, and the demo's loops meet the qualification rule", async () => {
    await seedDemo();
    const steps = await db.interviewerTraining.groupBy({ by: ["step"], _count: { _all: true } });
    expect(steps.map((row) => row.step).sort()).toEqual(["qualified", "reverse-shadow", "shadow"]);
    expect(
      await db.hiringPanelSettings.findUniqueOrThrow({ where: { id: "panels" } }),
    ).toMatchObject({ requireQualification: true, maxInterviewsPerWeek: 4 });
    const yuki = await db.user.findUniqueOrThrow({ where: { email: "yuki.sato@example.com" } });
    const home = bodyOf<Awaited<ReturnType<typeof homeLoader>>>(
      await homeLoader(routeArgs(await get("/", yuki.id))),
    );
    expect(
      home.todo
        .filter((item) => item.kind === "interviewer-sign-off")
        .map((item) => inEnglish(item).detail),
    ).toEqual([expect.stringContaining("Yara Haddad sat in as a shadow")]);
    expect(await db.hiringTraineeSeat.count()).toBe(2);
  });
});
