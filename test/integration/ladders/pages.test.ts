import { describe, expect, test } from "vitest";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { loader as compareLoader } from "~/routes/ladders.$ladderId.compare";
import { loader as competencyLoader } from "~/routes/ladders.$ladderId.competencies.$competencyId";
import { loader as levelLoader } from "~/routes/ladders.$ladderId.levels.$levelId";
import { loader as overviewLoader } from "~/routes/ladders.$ladderId._index";
import { loader as searchLoader } from "~/routes/ladders.$ladderId.search";
import { loader as trackLoader } from "~/routes/ladders.$ladderId.tracks.$trackId";
import { loader as versionsLoader } from "~/routes/ladders.$ladderId.versions";
import { loader as statusLoader } from "~/routes/admin.ladders";
import { db } from "~/db/client.server";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

type CompareData =
  Awaited<ReturnType<typeof compareLoader>> extends infer T
    ? T extends { comparison: unknown }
      ? T
      : never
    : never;

/** Why a competency is at one level only, in English words, as an English reader's comparison shows it. */
function presenceOf(comparison: NonNullable<CompareData["comparison"]>, competencyId: string) {
  const presence = comparison.changes.find((change) => change.id === competencyId)?.presence;
  return presence ? wordsOf(translatorOf(undefined), presence) : presence;
}

async function asEngineer(url: string) {
  const person = await createPerson();
  return signedInRequest(url, person.id);
}

describe("ladder pages", () => {
  test("need a signed-in person", async () => {
    const result = await thrown(() =>
      trackLoader(
        routeArgs(new Request("http://localhost/ladders/engineering/tracks/ic"), {
          ladderId: "engineering",
          trackId: "ic",
        }),
      ),
    );
    expect(statusOf(result)).toBe(302);
  });

  test("the track matrix has every competency of the track at every level, empty and marked where it does not apply", async () => {
    const result = await trackLoader(
      routeArgs(await asEngineer("/ladders/engineering/tracks/ic"), {
        ladderId: "engineering",
        trackId: "ic",
      }),
    );
    const { matrix } = bodyOf<Awaited<ReturnType<typeof trackLoader>>>(result);
    expect(matrix.levels.map((l) => l.id)).toEqual(["ic1", "ic2", "ic3", "ic4", "ic5", "ic6"]);
    const rows = matrix.areas.flatMap((a) => a.rows);
    expect(rows).toHaveLength(17);
    // One cell per level, each holding that level's expectations where the competency applies: a row with no cells must not pass.
    for (const row of rows) expect(row.cells.map((cell) => cell.length > 0)).toEqual(row.applies);
    const direction = rows.find((row) => row.id === "technical-direction")!;
    expect(direction.applies).toEqual([false, false, true, true, true, true]);
    expect(direction.targets).toEqual([null, null, 3, 3, 3, 3]);
    expect(
      rows
        .filter((row) => row.id !== "technical-direction")
        .every((row) => row.applies.every(Boolean)),
    ).toBe(true);
  });

  test("unknown ladder, track, level and competency ids are 404s", async () => {
    const request = await asEngineer("/ladders/x");
    expect(
      statusOf(
        await thrown(() => trackLoader(routeArgs(request, { ladderId: "nope", trackId: "ic" }))),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await thrown(() =>
          trackLoader(routeArgs(request, { ladderId: "engineering", trackId: "nope" })),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await thrown(() =>
          levelLoader(routeArgs(request, { ladderId: "engineering", levelId: "ic99" })),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await thrown(() =>
          competencyLoader(
            routeArgs(request, { ladderId: "engineering", competencyId: "code-qualty" }),
          ),
        ),
      ),
    ).toBe(404);
  });

  test("one level in full names its neighbours and equivalent levels", async () => {
    const result = await levelLoader(
      routeArgs(await asEngineer("/ladders/engineering/levels/ic3"), {
        ladderId: "engineering",
        levelId: "ic3",
      }),
    );
    const { view } = bodyOf<Awaited<ReturnType<typeof levelLoader>>>(result);
    expect(view.previous?.id).toBe("ic2");
    expect(view.next?.id).toBe("ic4");
    expect(view.equivalents.map((l) => l.id).sort()).toEqual(["m1", "tl1"]);
  });

  test("the overview draws the paths: the tech lead and manager tracks branch after Engineer II, and the viewer's own level is marked", async () => {
    const person = await createPerson({ track: "ic", level: "ic3" });
    const result = await overviewLoader(
      routeArgs(await signedInRequest("/ladders/engineering", person.id), {
        ladderId: "engineering",
      }),
    );
    const data = bodyOf<Awaited<ReturnType<typeof overviewLoader>>>(result);
    expect(data.ownLevel).toBe("ic3");
    expect(data.paths.columns).toBe(6);
    expect(
      data.paths.lanes.map((lane) => [
        lane.trackId,
        lane.branch?.levelId ?? null,
        lane.levels.map((level) => `${level.id}@${level.column}`).join(" "),
      ]),
    ).toEqual([
      ["ic", null, "ic1@0 ic2@1 ic3@2 ic4@3 ic5@4 ic6@5"],
      ["tech-lead", "ic2", "tl1@2 tl2@3 tl3@4"],
      ["manager", "ic2", "m1@2 m2@3 m3@4 m4@5"],
    ]);
  });

  test("a branch's first level steps down to the level it splits off, and that level names the paths from it", async () => {
    const request = await asEngineer("/ladders/engineering/levels/m1");
    const m1 = bodyOf<Awaited<ReturnType<typeof levelLoader>>>(
      await levelLoader(routeArgs(request, { ladderId: "engineering", levelId: "m1" })),
    ).view;
    expect(m1.previous?.id).toBe("ic2");
    const ic2 = bodyOf<Awaited<ReturnType<typeof levelLoader>>>(
      await levelLoader(routeArgs(request, { ladderId: "engineering", levelId: "ic2" })),
    ).view;
    expect(ic2.next?.id).toBe("ic3");
    expect(ic2.branches.map((branch) => branch.levelId)).toEqual(["tl1", "m1"]);
    const track = bodyOf<Awaited<ReturnType<typeof trackLoader>>>(
      await trackLoader(routeArgs(request, { ladderId: "engineering", trackId: "manager" })),
    ).matrix;
    expect(track.branch).toEqual({
      trackId: "ic",
      trackName: "Individual contributor",
      shared: [
        { id: "ic1", title: "Engineer I" },
        { id: "ic2", title: "Engineer II" },
      ],
    });
  });

  test("comparing two levels shows only what changes", async () => {
    const url = "/ladders/engineering/compare?from=ic2&to=ic3";
    const result = await compareLoader(
      routeArgs(await asEngineer(url), { ladderId: "engineering" }),
    );
    const { comparison } = bodyOf<CompareData>(result);
    expect(comparison?.from.id).toBe("ic2");
    expect(comparison!.changes.length).toBeGreaterThan(0);
    for (const change of comparison!.changes)
      expect(
        change.onlyInFrom.length +
          change.onlyInTo.length +
          change.reworded.length +
          (change.target ? 1 : 0),
      ).toBeGreaterThan(0);
  });

  test("opened without a choice, the comparison is the viewer's own level against the next one up", async () => {
    const person = await createPerson({ track: "ic", level: "ic2" });
    const result = await compareLoader(
      routeArgs(await signedInRequest("/ladders/engineering/compare", person.id), {
        ladderId: "engineering",
      }),
    );
    const body = bodyOf<CompareData>(result);
    expect([body.from, body.to]).toEqual(["ic2", "ic3"]);
    expect([body.comparison?.from.id, body.comparison?.to.id]).toEqual(["ic2", "ic3"]);
    // Technical direction starts at Senior Engineer: it is new at ic3, in the same track.
    expect(presenceOf(body.comparison!, "technical-direction")).toBe(
      "Expected at Senior Engineer only",
    );
    const top = await createPerson({ track: "ic", level: "ic6" });
    const atTop = bodyOf<CompareData>(
      await compareLoader(
        routeArgs(await signedInRequest("/ladders/engineering/compare", top.id), {
          ladderId: "engineering",
        }),
      ),
    );
    expect([atTop.from, atTop.to, atTop.comparison]).toEqual(["ic6", "", null]);
  });

  test("comparing across tracks marks competencies only one track uses", async () => {
    const result = await compareLoader(
      routeArgs(await asEngineer("/ladders/engineering/compare?from=ic3&to=m1"), {
        ladderId: "engineering",
      }),
    );
    const { comparison } = bodyOf<CompareData>(result);
    expect(presenceOf(comparison!, "team-health")).toBe("Only in the Engineering manager track");
    expect(presenceOf(comparison!, "code-quality")).toBe(
      "Only in the Individual contributor track",
    );
  });

  test("an unknown level in the comparison is a 400 with a message for that field", async () => {
    const result = await compareLoader(
      routeArgs(await asEngineer("/ladders/engineering/compare?from=ic2&to=ic9"), {
        ladderId: "engineering",
      }),
    );
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<{ errors: { from: string | null; to: string | null } }>(result).errors).toEqual({
      from: null,
      to: 'There is no level "ic9" in this ladder.',
    });
  });

  test("search finds expectations and names their level and competency", async () => {
    const result = await searchLoader(
      routeArgs(await asEngineer("/ladders/engineering/search?q=incident"), {
        ladderId: "engineering",
      }),
    );
    const { hits } = bodyOf<Awaited<ReturnType<typeof searchLoader>>>(result);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.levelTitle).toBeTruthy();
    expect(
      hits.every((hit) =>
        `${hit.text} ${hit.examples.join(" ")} ${hit.competencyName}`
          .toLowerCase()
          .includes("incident"),
      ),
    ).toBe(true);
  });

  test("the competency page carries interview material with an anchor per scale point, for admins, hiring admins and interviewers only", async () => {
    const params = { ladderId: "engineering", competencyId: "system-design" };
    const url = "/ladders/engineering/competencies/system-design";
    const viewOf = async (userId: string) =>
      bodyOf<Awaited<ReturnType<typeof competencyLoader>>>(
        await competencyLoader(routeArgs(await signedInRequest(url, userId), params)),
      ).view;
    const hiringAdmin = await createPerson({ isHiringAdmin: true });
    const view = await viewOf(hiringAdmin.id);
    expect(view.tracks.map((t) => t.id)).toEqual(["ic", "tech-lead"]);
    expect(view.interview?.anchors.map((a) => a.value)).toEqual([1, 2, 3, 4]);
    // An admin who holds no hiring role and no interview reads it too.
    const admin = await createAdmin();
    expect((await viewOf(admin.id)).interview?.questions.length).toBeGreaterThan(0);
    // Candidates could be engineers of the company: without an interview to hold, no questions.
    const engineer = await createPerson();
    expect((await viewOf(engineer.id)).interview).toBeNull();
    expect((await viewOf(engineer.id)).tracks.map((t) => t.id)).toEqual(["ic", "tech-lead"]);
    const version = await db.ladderVersion.findFirstOrThrow({
      where: { ladderId: "engineering" },
      select: { id: true },
    });
    const opening = await db.hiringOpening.create({
      data: {
        title: "Senior",
        ladderId: "engineering",
        ladderVersionId: version.id,
        trackId: "ic",
        levelId: "ic3",
        stages: { create: { name: "Design", position: 0, competencyIds: '["system-design"]' } },
      },
      include: { stages: true },
    });
    const loop = await db.hiringLoop.create({
      data: {
        opening: { connect: { id: opening.id } },
        candidate: { create: { name: "Cand Idate" } },
      },
    });
    await db.hiringInterview.create({
      data: { loopId: loop.id, stageId: opening.stages[0]!.id, interviewerId: engineer.id },
    });
    expect((await viewOf(engineer.id)).interview?.questions.length).toBeGreaterThan(0);
    // A loop that ends without a decision (the candidate withdrew, or was purged) ends the access too.
    await db.hiringLoop.update({ where: { id: loop.id }, data: { state: "withdrawn" } });
    expect((await viewOf(engineer.id)).interview).toBeNull();
  });

  test("the served ladder is stored as a version", async () => {
    const result = await versionsLoader(
      routeArgs(await asEngineer("/ladders/engineering/versions"), { ladderId: "engineering" }),
    );
    const body = bodyOf<Awaited<ReturnType<typeof versionsLoader>>>(result);
    expect(body.versions).toHaveLength(1);
    expect(body.versions[0]!.hash).toBe(body.currentHash);
  });

  test("ladder status is for admins only", async () => {
    expect(
      statusOf(
        await thrown(async () => statusLoader(routeArgs(await asEngineer("/admin/ladders")))),
      ),
    ).toBe(403);
    const admin = await createPerson({ isAdmin: true });
    const result = await statusLoader(routeArgs(await signedInRequest("/admin/ladders", admin.id)));
    expect(bodyOf<Awaited<ReturnType<typeof statusLoader>>>(result).problems).toEqual([]);
  });
});
