import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { sessionExport } from "~/modules/calibration/export.server";
import { advanceSession } from "~/modules/calibration/sessions.server";
import * as fairnessRoute from "~/routes/calibration.$sessionId.fairness";
import * as insightsRoute from "~/routes/insights._index";
import { cycleAndSession, ic2Entry } from "../../utils/calibration-sessions";
import { createAdmin, createPerson, uniqueEmail } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { english } from "../../utils/english";

const viewerOf = (person: {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
}): Viewer => ({ ...person, isHiringAdmin: false });

type Groups = { dimensions: { id: string; groups: { value: string; n: number }[] }[] };

const fairness = async (viewerId: string, sessionId: string) =>
  bodyOf<{ report: Groups }>(
    await fairnessRoute.loader(
      routeArgs(await signedInRequest(`/calibration/${sessionId}/fairness`, viewerId), {
        sessionId,
      }),
    ),
  ).report;
const insights = async (viewerId: string, cycleId: string) =>
  bodyOf<{ outcomesByGroup: Groups }>(
    await insightsRoute.loader(
      routeArgs(await signedInRequest(`/insights?cycle=${cycleId}`, viewerId)),
    ),
  ).outcomesByGroup;
const sizes = (groups: Groups, dimension: string, tag: string) =>
  Object.fromEntries(
    groups.dimensions
      .find((candidate) => candidate.id === dimension)!
      .groups.map((group) => [group.value.replace(` ${tag}`, ""), group.n]),
  );

describe("a locked session's people as they were at the lock", () => {
  test("a team move and a new location after the lock change neither the fairness report nor insights", async () => {
    const admin = await createAdmin();
    const tag = uniqueEmail("lock").split("@")[0]!;
    const [mobile, payments] = [
      await db.team.create({ data: { name: `Mobile ${tag}` } }),
      await db.team.create({ data: { name: `Payments ${tag}` } }),
    ];
    const { cycle, session } = await cycleAndSession(admin.id, "live", { tag });
    const people = [];
    for (let index = 0; index < 15; index++) {
      const person = await createPerson({
        track: "ic",
        level: "ic2",
        teamId: index < 7 ? mobile.id : payments.id,
        attributes: JSON.stringify({ location: index < 5 ? "Lisbon" : "Berlin" }),
      });
      people.push(person);
      const promoted = index % 3 === 0;
      await db.calibrationEntry.create({
        data: ic2Entry(session.id, person.id, promoted ? 4 : 3, promoted ? "promote" : "stay"),
      });
    }
    await advanceSession(viewerOf(admin), session.id, "locked");
    const before = {
      report: await fairness(admin.id, session.id),
      insights: await insights(admin.id, cycle.id),
    };
    expect(sizes(before.report, "team", tag)).toEqual({ Mobile: 7, Payments: 8 });
    expect(sizes(before.insights, "attribute:location", tag)).toEqual({ Lisbon: 5, Berlin: 10 });

    // In January one person moves from Mobile to Payments, and from Lisbon to Berlin.
    await db.user.update({
      where: { id: people[0]!.id },
      data: { teamId: payments.id, attributes: JSON.stringify({ location: "Berlin" }) },
    });
    const after = {
      report: await fairness(admin.id, session.id),
      insights: await insights(admin.id, cycle.id),
    };
    expect(sizes(after.report, "team", tag)).toEqual({ Mobile: 7, Payments: 8 });
    expect(sizes(after.insights, "team", tag)).toEqual({ Mobile: 7, Payments: 8 });
    expect(sizes(after.report, "attribute:location", tag)).toEqual({ Lisbon: 5, Berlin: 10 });
    expect(after).toEqual(before);
  });

  test("the groups kept at the lock never show in the session's history export", async () => {
    const admin = await createAdmin();
    const { session } = await cycleAndSession(admin.id, "live");
    const person = await createPerson({
      track: "ic",
      level: "ic2",
      attributes: JSON.stringify({ location: "Reykjavik" }),
    });
    await db.calibrationEntry.create({
      data: {
        sessionId: session.id,
        personId: person.id,
        trackId: "ic",
        levelId: "ic2",
        finalRating: 3,
        finalOutcome: "stay",
      },
    });
    await advanceSession(viewerOf(admin), session.id, "locked");
    const lock = await db.calibrationEvent.findFirstOrThrow({
      where: { sessionId: session.id, kind: "state" },
      orderBy: { createdAt: "desc" },
    });
    expect(lock.change).toContain("Reykjavik");
    const { body } = await sessionExport(viewerOf(admin), session.id, "history", english, "en");
    expect(body).toContain("Locked");
    expect(body).not.toMatch(/Reykjavik|groups|object Object/i);
  });
});
