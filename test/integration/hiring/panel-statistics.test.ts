// How often panels met the organisation's rule, per opening and overall, on the hiring statistics
// (issue 58, point 1; decision 085): counts of decided loops, a share beside them, and an opening
// whose panels had fewer interviewers than the floor shows no figure. Panels mix on team (the default rule).
import { beforeAll, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { createSession } from "~/modules/calibration/sessions.server";
import { addCandidate } from "~/modules/hiring/loops.server";
import { createOpening, saveStage } from "~/modules/hiring/openings.server";
import * as statsRoute from "~/routes/hiring.stats";
import { createAdmin, createPerson } from "../../utils/factories";
import { renderPage, type PageModule } from "../../utils/render-page";
import { asViewer } from "./helpers";

type View = Awaited<ReturnType<typeof statsRoute.loader>>;

let adminId = "";
const openingIds: Record<string, string> = {};

beforeAll(async () => {
  const admin = await createAdmin({ name: "Ada Admin" });
  adminId = admin.id;
  const [atlas, borealis] = await Promise.all([
    db.team.create({ data: { name: "Atlas" } }),
    db.team.create({ data: { name: "Borealis" } }),
  ]);
  const person = (name: string, teamId: string) =>
    createPerson({ name, track: "ic", level: "ic3", teamId });
  const [a1, a2, a3, b1, b2, b3] = [
    await person("A1", atlas.id),
    await person("A2", atlas.id),
    await person("A3", atlas.id),
    await person("B1", borealis.id),
    await person("B2", borealis.id),
    await person("B3", borealis.id),
  ];
  const viewer = asViewer(admin);
  /** An opening with one stage and a loop per panel: decided unless marked open. */
  const opening = async (
    title: string,
    panels: { interviewers: { id: string }[]; open?: boolean }[],
  ) => {
    const created = await createOpening(viewer, {
      title,
      ladderId: "engineering",
      levelId: "ic3",
      adminEmails: [],
      starterPlan: false,
    });
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    openingIds[title] = created.openingId;
    const saved = await saveStage(viewer, created.openingId, {
      name: "Coding",
      competencyIds: ["code-quality"],
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors));
    const stage = await db.hiringStage.findFirstOrThrow({
      where: { openingId: created.openingId },
      select: { id: true },
    });
    for (const [index, panel] of panels.entries()) {
      const { loopId } = await addCandidate(viewer, created.openingId, {
        name: `${title} candidate ${index}`,
        email: "",
        source: "",
        notes: "",
      });
      await db.hiringInterview.createMany({
        data: panel.interviewers.map((interviewer) => ({
          loopId,
          stageId: stage.id,
          interviewerId: interviewer.id,
        })),
      });
      if (!panel.open)
        await db.hiringLoop.update({
          where: { id: loopId },
          data: {
            state: "decided",
            decision: "no-hire",
            decidedById: admin.id,
            decidedAt: new Date(),
          },
        });
    }
  };
  // Payments: one mixed panel of three decided, and an open one from one team that is not counted yet.
  await opening("Payments", [
    { interviewers: [a1, b1] },
    { interviewers: [a2, a3] },
    { interviewers: [b2, b3] },
    { interviewers: [a1, a2], open: true },
  ]);
  // Search: every panel mixed, drawn from the same six people (a figure over four of them would give the other two away beside the overall one).
  await opening("Search", [
    { interviewers: [a1, b2] },
    { interviewers: [a3, b3] },
    { interviewers: [a2, b1] },
  ]);
  // Tiny: two interviewers in all, fewer than the floor: no figure of its own.
  await opening("Tiny", [{ interviewers: [a1, a2] }]);
});

test("per opening and overall: decided loops, those whose panel met the rule, and the share, where enough interviewers sat on them", async () => {
  const { html, view } = await renderPage<View>(
    statsRoute as unknown as PageModule,
    "/hiring/stats",
    "/hiring/stats",
    adminId,
  );
  expect(view.panels.counted).toBe(7);
  expect(view.panels.openings).toEqual([
    { id: openingIds.Payments, title: "Payments", figure: { met: 1, total: 3 } },
    { id: openingIds.Search, title: "Search", figure: { met: 3, total: 3 } },
    { id: openingIds.Tiny, title: "Tiny", figure: null },
  ]);
  // Six interviewers over every decided loop: the overall figure is shown, Tiny's loop counted in it.
  expect(view.panels.overall).toEqual({ met: 4, total: 7 });
  const text = html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
  expect(text).toContain("All openings: 4 of 7 panels (57%)");
  expect(text).toContain("Payments 1 of 3 (33%)");
  expect(text).toContain("Search 3 of 3 (100%)");
  expect(text).toContain("Tiny Too few interviewers to show");
});

test("the kept figures move when someone's team does: a panel is judged on its interviewers' present teams", async () => {
  const before = await renderPage<View>(
    statsRoute as unknown as PageModule,
    "/hiring/stats",
    "/hiring/stats",
    adminId,
  );
  expect(before.view.panels.overall).toEqual({ met: 4, total: 7 });
  // A3 moves to Borealis: Payments' A2 + A3 panel is now mixed (and Search's A3 + B3 no longer is).
  const [a3, borealis] = await Promise.all([
    db.user.findFirstOrThrow({ where: { name: "A3" } }),
    db.team.findFirstOrThrow({ where: { name: "Borealis" } }),
  ]);
  await db.user.update({ where: { id: a3.id }, data: { teamId: borealis.id } });
  const after = await renderPage<View>(
    statsRoute as unknown as PageModule,
    "/hiring/stats",
    "/hiring/stats",
    adminId,
  );
  expect(after.view.panels.openings.map((opening) => opening.figure)).toEqual([
    { met: 2, total: 3 },
    { met: 2, total: 3 },
    null,
  ]);
});

test("a calibration session that raises its people's floor applies to the kept figures the moment it is set up", async () => {
  const before = await renderPage<View>(
    statsRoute as unknown as PageModule,
    "/hiring/stats",
    "/hiring/stats",
    adminId,
  );
  expect(before.view.panels.overall).not.toBeNull();
  // The six interviewers are calibrated in a session whose floor is seven: no figure over them is released.
  const interviewers = await db.user.findMany({
    where: { name: { in: ["A1", "A2", "A3", "B1", "B2", "B3"] } },
    select: { id: true },
  });
  const admin = await db.user.findUniqueOrThrow({ where: { id: adminId } });
  const cycle = await db.reviewCycle.create({
    data: {
      name: "Half-year",
      startsOn: new Date(Date.now() - 5 * 86_400_000),
      endsOn: new Date(Date.now() + 60 * 86_400_000),
      participants: { create: interviewers.map((person) => ({ userId: person.id })) },
    },
  });
  const created = await createSession(asViewer(admin), {
    name: "Interviewers' calibration",
    cycleId: cycle.id,
    ladderId: "engineering",
    facilitatorEmail: admin.email,
    population: "cycle",
    teamIds: [],
    blindPreRead: false,
    groupFloor: 7,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  const after = await renderPage<View>(
    statsRoute as unknown as PageModule,
    "/hiring/stats",
    "/hiring/stats",
    adminId,
  );
  expect(after.view.panels.overall).toBeNull();
  expect(after.view.panels.openings.map((opening) => opening.figure)).toEqual([null, null, null]);
  expect(after.view.panels.counted).toBe(7);
});
