import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import type { Message } from "~/i18n/messages";
import { ladderForPerson, resetLadderRegistry } from "~/modules/ladders/registry.server";
import { getTrackLevelCheck } from "~/modules/people/track-levels.server";
import { loader as gapLoader } from "~/routes/people.$personId.gap";
import { loader as homeLoader } from "~/routes/_index";
import {
  action as editPersonAction,
  loader as editPersonLoader,
} from "~/routes/admin.people.$personId";
import { action as newPersonAction, loader as newPersonLoader } from "~/routes/admin.people.new";
import { inEnglishWords, inWordsOf } from "../../utils/english";
import { createAdmin, createPerson, uniqueEmail } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { readPage, save, startSelf, submit } from "../assessments/assessments-helpers";

/** Two job families served side by side: engineering and product both have a track "ic". */
const dir = mkdtempSync(join(tmpdir(), "rungs-two-ladders-"));
beforeAll(() => {
  cpSync("frameworks/engineering", join(dir, "engineering"), { recursive: true });
  cpSync("test/fixtures/ladders/product", join(dir, "product"), { recursive: true });
  resetLadderRegistry(dir);
});
afterAll(() => {
  resetLadderRegistry("frameworks");
  rmSync(dir, { recursive: true, force: true });
});

describe("several ladders in one organisation", () => {
  test("a person's track and level name a place in their own ladder; the shared track id needs the ladder only where the level fits both", async () => {
    const check = await getTrackLevelCheck();
    expect(check("ic", "p2")).toEqual({ ok: true, ladderId: "product" });
    expect(check("ic", "ic2")).toEqual({ ok: true, ladderId: "engineering" });
    const both = check("ic", null);
    expect(both).toMatchObject({ ok: false, field: "ladder" });
    expect(inEnglishWords((both as { message: Message }).message)).toBe(
      'Track "ic" is in several ladders (engineering, product): name the ladder.',
    );
    // In the reader's language, the ladders joined as it joins them.
    expect(inWordsOf("ar", (both as { message: Message }).message)).toContain(
      "engineering، product",
    );
    expect(check("ic", "ic2", "product")).toMatchObject({ ok: false, field: "level" });
    expect(check("ic", "ic1")).toMatchObject({ ok: false, field: "ladder" });
    expect(check("ic", "ic1", "Product")).toEqual({ ok: true, ladderId: "product" });
  });

  test("the person form lists each ladder's tracks and levels as their own choices, and refuses a level that is not of the chosen ladder's track", async () => {
    const admin = await createAdmin();
    const form = bodyOf<{ tracks: { ladderId: string; id: string }[] }>(
      await newPersonLoader(routeArgs(await signedInRequest("/admin/people/new", admin.id))),
    );
    expect(
      form.tracks
        .filter((track) => track.id === "ic")
        .map((track) => track.ladderId)
        .sort(),
    ).toEqual(["engineering", "product"]);

    // An Engineer I level under the product ladder's track: refused, nothing written.
    const refusedEmail = uniqueEmail("refused");
    const refused = await newPersonAction(
      routeArgs(
        await signedInPost("/admin/people/new", admin.id, {
          name: "Mixed Up",
          email: refusedEmail,
          track: "product/ic",
          level: "engineering/ic/ic1",
        }),
      ),
    );
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ error?: Record<string, string[] | null> }>(refused).error?.level).toEqual([
      "That level is not on the chosen track: choose one of the levels listed under it.",
    ]);
    expect(await db.user.count({ where: { email: refusedEmail } })).toBe(0);

    // The same ids in the product ladder: an Associate Product Manager.
    const email = uniqueEmail("apm");
    const created = await newPersonAction(
      routeArgs(
        await signedInPost("/admin/people/new", admin.id, {
          name: "Ada APM",
          email,
          track: "product/ic",
          level: "product/ic/ic1",
        }),
      ),
    );
    expect(statusOf(created)).toBe(302);
    const person = await db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, ladderId: true, track: true, level: true },
    });
    expect(person).toMatchObject({ ladderId: "product", track: "ic", level: "ic1" });

    // Editing: moved to the engineering ladder's Engineer I, the same track and level ids.
    expect(
      bodyOf<{ person: { ladderId: string } }>(
        await editPersonLoader(
          routeArgs(await signedInRequest(`/admin/people/${person.id}`, admin.id), {
            personId: person.id,
          }),
        ),
      ).person.ladderId,
    ).toBe("product");
    const moved = await editPersonAction(
      routeArgs(
        await signedInPost(`/admin/people/${person.id}`, admin.id, {
          intent: "update",
          name: "Ada APM",
          email,
          track: "engineering/ic",
          level: "engineering/ic/ic1",
        }),
        { personId: person.id },
      ),
    );
    expect(statusOf(moved)).toBe(200);
    expect(
      await db.user.findUniqueOrThrow({
        where: { id: person.id },
        select: { ladderId: true, track: true, level: true },
      }),
    ).toEqual({ ladderId: "engineering", track: "ic", level: "ic1" });
    const mixed = await editPersonAction(
      routeArgs(
        await signedInPost(`/admin/people/${person.id}`, admin.id, {
          intent: "update",
          name: "Ada APM",
          email,
          track: "engineering/ic",
          level: "product/ic/p2",
        }),
        { personId: person.id },
      ),
    );
    expect(statusOf(mixed)).toBe(400);
    expect(
      await db.user.findUniqueOrThrow({
        where: { id: person.id },
        select: { ladderId: true, level: true },
      }),
    ).toEqual({ ladderId: "engineering", level: "ic1" });
  });

  test("where a level id is in both ladders, the person's own ladder decides", async () => {
    const apm = await createPerson({
      name: "Ari APM",
      ladderId: "product",
      track: "ic",
      level: "ic1",
    });
    const engineer = await createPerson({
      name: "Eli Engineer",
      ladderId: "engineering",
      track: "ic",
      level: "ic1",
    });
    expect((await ladderForPerson(apm))?.ladder.meta.id).toBe("product");
    expect((await ladderForPerson(engineer))?.ladder.meta.id).toBe("engineering");
    const id = await startSelf(apm.id);
    expect((await readPage(apm.id, id)).data?.ladder).toMatchObject({
      ladderName: "Product",
      level: { id: "ic1", title: "Associate Product Manager" },
    });
  });

  test("a product manager self-assesses against the product ladder and gets a gap analysis against its targets", async () => {
    const pm = await createPerson({
      name: "Priya PM",
      ladderId: "product",
      track: "ic",
      level: "p2",
    });
    expect((await ladderForPerson(pm))?.ladder.meta.id).toBe("product");

    const home = bodyOf<{
      place: { ladderId: string; trackName: string; levelTitle: string } | null;
    }>(await homeLoader(routeArgs(await signedInRequest("/", pm.id))));
    expect(home.place).toMatchObject({
      ladderId: "product",
      trackName: "Product manager",
      levelTitle: "Product Manager",
    });

    const id = await startSelf(pm.id);
    const row = await db.assessment.findUniqueOrThrow({
      where: { id },
      include: { ratings: true, ladderVersion: { select: { ladderId: true } } },
    });
    expect(row.ladderVersion.ladderId).toBe("product");
    expect(row.ratings.map((rating) => rating.competencyId).sort()).toEqual([
      "roadmapping",
      "user-research",
    ]);
    expect((await readPage(pm.id, id)).data?.ladder).toMatchObject({
      ladderName: "Product",
      level: { id: "p2", title: "Product Manager" },
    });

    // Skilled (3) in research, Expert (4) in roadmapping; the next level, p3, expects Expert (4) of both.
    const saved = await save(pm.id, id, row.revision, [
      { field: "rating:user-research", value: 3, base: null },
      { field: "rating:roadmapping", value: 4, base: null },
    ]);
    expect(saved.status).toBe(200);
    expect((await submit(pm.id, id, saved.body.revision)).status).toBe(302);

    const gap = bodyOf<Awaited<ReturnType<typeof gapLoader>>>(
      await gapLoader(
        routeArgs(await signedInRequest(`/people/${pm.id}/gap`, pm.id), { personId: pm.id }),
      ),
    );
    expect("analysis" in gap && gap.analysis?.target).toMatchObject({
      levelId: "p3",
      trackName: "Product manager",
    });
    const analysis = "analysis" in gap ? gap.analysis! : null;
    expect(analysis!.ratingRule).toBe("reaches-target");
    const byId = new Map(
      analysis!.competencies.map((competency) => [competency.competencyId, competency]),
    );
    expect(byId.get("roadmapping")).toMatchObject({ target: 4, targetLabel: "Expert", rating: 4 });
    expect(byId.get("roadmapping")!.expectations.map((e) => [e.status, e.basis])).toEqual([
      ["met", "from-rating"],
    ]);
    expect(byId.get("user-research")!.expectations.map((e) => [e.status, e.basis])).toEqual([
      ["partly", "from-rating"],
    ]);
  });
});
