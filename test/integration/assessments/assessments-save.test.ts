import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import {
  competencyIds,
  evidence,
  openCycle,
  organisation,
  readPage,
  save,
  snapshot,
  startReview,
  startSelf,
  submit,
} from "./assessments-helpers";
import { inEnglishWords, inWordsOf } from "../../utils/english";

async function draft() {
  const people = await organisation();
  const id = await startSelf(people.engineer.id);
  const ids = await competencyIds(id);
  return { ...people, id, ids, first: ids[0]!, second: ids[1]! };
}

describe("autosave", () => {
  test("applies changed fields in one save and bumps the revision", async () => {
    const { engineer, id, first } = await draft();
    const result = await save(engineer.id, id, 0, [
      { field: `rating:${first}`, value: 2, base: null },
      { field: `notes:${first}`, value: "Owned the flaky-test clean-up", base: "" },
      { field: `mark:${first}:1`, value: "met", base: null },
      { field: "summary", value: "A good half", base: "" },
    ]);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, revision: 1, conflicts: [] });
    expect(result.body.values).toMatchObject({
      summary: "A good half",
      [`rating:${first}`]: 2,
      [`mark:${first}:1`]: "met",
    });
    const stored = await snapshot(id);
    expect(stored).toMatchObject({ revision: 1, summary: "A good half" });
    expect(stored.ratings.find((r) => r.competencyId === first)).toMatchObject({
      rating: 2,
      notes: "Owned the flaky-test clean-up",
      nextLevelMarks: { "1": "met" },
    });

    // Clearing a mark removes it.
    await save(engineer.id, id, 1, [{ field: `mark:${first}:1`, value: null, base: "met" }]);
    expect(
      (await snapshot(id)).ratings.find((r) => r.competencyId === first)!.nextLevelMarks,
    ).toEqual({});
  });

  test("two saves from the same revision on different fields are both kept", async () => {
    const { engineer, id, first, second } = await draft();
    const tabA = await save(engineer.id, id, 0, [
      { field: `notes:${first}`, value: "from tab A", base: "" },
    ]);
    const tabB = await save(engineer.id, id, 0, [
      { field: `rating:${second}`, value: 4, base: null },
    ]);
    expect(tabA.body.revision).toBe(1);
    expect(tabB.status).toBe(200);
    expect(tabB.body).toMatchObject({ ok: true, revision: 2, conflicts: [] });
    // Tab B learns what tab A saved.
    expect(tabB.body.values[`notes:${first}`]).toBe("from tab A");
    const stored = await snapshot(id);
    expect(stored.ratings.find((r) => r.competencyId === first)!.notes).toBe("from tab A");
    expect(stored.ratings.find((r) => r.competencyId === second)!.rating).toBe(4);
  });

  test("two saves from the same revision on the same field: the later is kept and the other returned as a conflict", async () => {
    const { engineer, id, first } = await draft();
    await save(engineer.id, id, 0, [{ field: `notes:${first}`, value: "tab A's text", base: "" }]);
    const tabB = await save(engineer.id, id, 0, [
      { field: `notes:${first}`, value: "tab B's text", base: "" },
    ]);
    expect(tabB.status).toBe(200);
    expect(tabB.body.conflicts).toEqual([
      { field: `notes:${first}`, mine: "tab B's text", theirs: "tab A's text" },
    ]);
    expect(tabB.body.values[`notes:${first}`]).toBe("tab B's text");
    expect((await snapshot(id)).ratings.find((r) => r.competencyId === first)!.notes).toBe(
      "tab B's text",
    );
  });

  test("concurrent saves from one stale copy lose nothing", async () => {
    const { engineer, id, ids } = await draft();
    const results = await Promise.all(
      ids
        .slice(0, 6)
        .map((c) =>
          save(engineer.id, id, 0, [{ field: `notes:${c}`, value: `note for ${c}`, base: "" }]),
        ),
    );
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const stored = await snapshot(id);
    expect(stored.revision).toBe(6);
    for (const c of ids.slice(0, 6))
      expect(stored.ratings.find((r) => r.competencyId === c)!.notes).toBe(`note for ${c}`);
  });

  test("a rating off the scale, an unknown competency or a malformed body is a 400 and nothing is written", async () => {
    const { engineer, id, first } = await draft();
    const before = await snapshot(id);
    const offScale = await save(engineer.id, id, 0, [
      { field: `notes:${first}`, value: "valid text", base: "" },
      { field: `rating:${first}`, value: 7, base: null },
    ]);
    expect(offScale.status).toBe(400);
    expect(offScale.body.fieldErrors[`rating:${first}`][0]).toMatch(/scale/);
    const unknown = await save(engineer.id, id, 0, [
      { field: "rating:not-a-competency", value: 3, base: null },
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.fieldErrors).toHaveProperty(["rating:not-a-competency"]);
    const badMark = await save(engineer.id, id, 0, [
      { field: `mark:${first}:99`, value: "met", base: null },
    ]);
    expect(badMark.status).toBe(400);
    expect((await save(engineer.id, id, 0, "nonsense")).status).toBe(400);
    expect(
      (await save(engineer.id, id, 0, [{ field: `rating:${first}`, value: "3", base: null }]))
        .status,
    ).toBe(400);
    expect(await snapshot(id)).toEqual(before);
  });

  test("only the author saves: others and unknown ids get 404, and nothing is written", async () => {
    const { manager, peer, admin, engineer, id, first } = await draft();
    const before = await snapshot(id);
    for (const other of [manager, peer, admin]) {
      const result = await save(other.id, id, 0, [
        { field: `notes:${first}`, value: "intruder", base: "" },
      ]);
      expect(result.status, other.name).toBe(404);
    }
    expect((await save(engineer.id, "no-such-assessment", 0, [])).status).toBe(404);
    expect(await snapshot(id)).toEqual(before);
  });
});

describe("submitting", () => {
  test("with missing ratings: 400 naming each competency, and the draft stays exactly as it was", async () => {
    const { engineer, id, ids, first } = await draft();
    await save(engineer.id, id, 0, [
      { field: `rating:${first}`, value: 3, base: null },
      { field: `notes:${first}`, value: "kept", base: "" },
    ]);
    const before = await snapshot(id);
    const result = await submit(engineer.id, id, 1);
    expect(result.status).toBe(400);
    expect(result.body.kind).toBe("incomplete");
    expect(Object.keys(result.body.fieldErrors).sort()).toEqual(
      ids
        .filter((c) => c !== first)
        .map((c) => `rating:${c}`)
        .sort(),
    );
    expect(await snapshot(id)).toEqual(before);
    expect((await readPage(engineer.id, id)).data?.mode).toBe("edit");
  });

  test("a revision not written as the page writes it is refused with 400 and submits nothing; a stale one is still refused", async () => {
    const { engineer, id, ids } = await draft();
    const rated = await save(
      engineer.id,
      id,
      0,
      ids.map((c) => ({ field: `rating:${c}`, value: 3, base: null })),
    );
    expect(rated.body.revision).toBe(1);
    const before = await snapshot(id);
    for (const revision of [
      "0999999999999",
      "01",
      "1.0",
      "1e0",
      "-1",
      " 1",
      "",
      "one",
      undefined,
    ]) {
      const refused = await submit(engineer.id, id, revision);
      expect(refused.status, `revision ${JSON.stringify(revision)}`).toBe(400);
      expect(refused.body).toMatchObject({
        intent: "submit",
        ok: false,
        kind: "invalid",
        message: "assessments:page.errors.submitNotUnderstood",
      });
    }
    expect(await snapshot(id)).toEqual(before);
    expect((await submit(engineer.id, id, "0")).body).toMatchObject({ kind: "stale" });
    expect((await submit(engineer.id, id, "1")).status).toBe(302);
  });

  test("locks the assessment: later saves, evidence and submits are refused", async () => {
    const { engineer, manager, id, ids, first } = await draft();
    const rated = await save(
      engineer.id,
      id,
      0,
      ids.map((c) => ({ field: `rating:${c}`, value: 3, base: null })),
    );
    // A stale revision (another tab saved since) is refused rather than submitting unseen changes.
    expect((await submit(engineer.id, id, 0)).body).toMatchObject({ kind: "stale" });
    expect((await submit(manager.id, id, rated.body.revision)).status).toBe(404);

    const done = await submit(engineer.id, id, rated.body.revision);
    expect(done.status).toBe(302);
    const stored = await snapshot(id);
    expect(stored.status).toBe("submitted");
    expect(stored.submittedAt).toBeInstanceOf(Date);

    const later = await save(engineer.id, id, stored.revision, [
      { field: `notes:${first}`, value: "too late", base: "" },
    ]);
    expect(later.status).toBe(409);
    expect(inEnglishWords(later.body.message)).toMatch(/submitted and is locked/);
    const evidenceLater = await evidence(engineer.id, id, {
      intent: "add",
      competencyId: first,
      text: "too late",
    });
    expect(evidenceLater.status).toBe(409);
    expect((await submit(engineer.id, id, stored.revision)).status).toBe(409);
    expect(await snapshot(id)).toEqual(stored);
    expect((await readPage(engineer.id, id)).data?.mode).toBe("read");
  });

  test("a draft in a cycle that has closed can no longer change", async () => {
    const { engineer, first } = await draft();
    const other = await organisation();
    const cycle = await openCycle("Closing soon", [other.engineer.id]);
    const id = await startSelf(other.engineer.id);
    expect((await db.assessment.findUniqueOrThrow({ where: { id } })).cycleId).toBe(cycle.id);
    await db.reviewCycle.update({ where: { id: cycle.id }, data: { closedAt: new Date() } });
    const result = await save(other.engineer.id, id, 0, [
      { field: `notes:${first}`, value: "x", base: "" },
    ]);
    expect(result.status).toBe(409);
    expect(inEnglishWords(result.body.message)).toBe(
      "The cycle “Closing soon” is closed, so this draft can no longer change.",
    );
    const page = await readPage(other.engineer.id, id);
    const closed = page.data as { mode: string; lockedReason: string };
    expect(closed.mode).toBe("read");
    expect(inWordsOf("de", closed.lockedReason)).toBe(
      "Der Review-Zyklus „Closing soon“ ist abgeschlossen, daher kann dieser Entwurf nicht mehr geändert werden.",
    );
    void engineer;
  });

  test("a manager review records the subject's level and submits like a self-assessment", async () => {
    const { manager, engineer } = await organisation();
    const id = await startReview(manager.id, engineer.id);
    const ids = await competencyIds(id);
    const rated = await save(
      manager.id,
      id,
      0,
      ids.map((c) => ({ field: `rating:${c}`, value: 2, base: null })),
    );
    expect((await submit(engineer.id, id, rated.body.revision)).status).toBe(404);
    expect((await submit(manager.id, id, rated.body.revision)).status).toBe(302);
    expect(await db.assessment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "submitted",
      levelId: "ic2",
      trackId: "ic",
    });
  });
});

describe("evidence", () => {
  test("validates text, link and date, and saves at once", async () => {
    const { engineer, id, first } = await draft();
    const cases: [Record<string, string>, string][] = [
      [{ text: "" }, "text"],
      [{ text: "Ran the retro", url: "javascript:alert(1)" }, "url"],
      [{ text: "Ran the retro", url: "not a link" }, "url"],
      [{ text: "Ran the retro", occurredOn: "2999-01-01" }, "occurredOn"],
      [{ text: "Ran the retro", occurredOn: "2026-02-31" }, "occurredOn"],
    ];
    for (const [fields, field] of cases) {
      const result = await evidence(engineer.id, id, {
        intent: "add",
        competencyId: first,
        ...fields,
      });
      expect(result.status, JSON.stringify(fields)).toBe(400);
      expect(Object.keys(result.body.result.error), JSON.stringify(fields)).toContain(field);
      // A message the page words in the reader's language, as the page without scripts says it.
      expect(result.body.message).toBe("assessments:page.errors.checkEvidence");
    }
    const noEvidence = await evidence(engineer.id, id, { intent: "remove", evidenceId: "" });
    expect([noEvidence.status, noEvidence.body.message]).toEqual([
      400,
      "assessments:page.errors.chooseEvidence",
    ]);
    const unknown = await evidence(engineer.id, id, {
      intent: "add",
      competencyId: "no-such-competency",
      text: "x",
    });
    expect(unknown.status).toBe(400);
    expect(await db.ratingEvidence.count({ where: { rating: { assessmentId: id } } })).toBe(0);

    const added = await evidence(engineer.id, id, {
      intent: "add",
      competencyId: first,
      text: "  Ran the retro  ",
      url: "https://example.com/retro",
      occurredOn: "2026-01-15",
    });
    expect(added.status).toBe(302);
    const row = await db.ratingEvidence.findFirstOrThrow({
      where: { rating: { assessmentId: id } },
      include: { rating: true },
    });
    expect(row).toMatchObject({
      text: "Ran the retro",
      url: "https://example.com/retro",
      occurredOn: new Date("2026-01-15T00:00:00Z"),
    });
    expect(row.rating).toMatchObject({ assessmentId: id, competencyId: first });

    const page = await readPage(engineer.id, id);
    expect(page.data!.competencies.find((c) => c.id === first)!.evidence).toHaveLength(1);

    const removed = await evidence(engineer.id, id, { intent: "remove", evidenceId: row.id });
    expect(removed.status).toBe(302);
    expect(await db.ratingEvidence.count({ where: { id: row.id } })).toBe(0);
  });

  test("only the author changes evidence, and only on that assessment", async () => {
    const { engineer, manager, peer, id, first } = await draft();
    await evidence(engineer.id, id, { intent: "add", competencyId: first, text: "Mine" });
    const added = await db.ratingEvidence.findFirstOrThrow({
      where: { rating: { assessmentId: id } },
    });
    for (const other of [manager, peer]) {
      expect(
        (await evidence(other.id, id, { intent: "add", competencyId: first, text: "Not mine" }))
          .status,
      ).toBe(404);
      expect(
        (await evidence(other.id, id, { intent: "remove", evidenceId: added.id })).status,
      ).toBe(404);
    }
    // Evidence id from another assessment is not this one's.
    const otherDraft = await startSelf(peer.id);
    expect(
      (await evidence(peer.id, otherDraft, { intent: "remove", evidenceId: added.id })).status,
    ).toBe(404);
    expect(
      (
        await evidence(engineer.id, "no-such-assessment", {
          intent: "add",
          competencyId: first,
          text: "x",
        })
      ).status,
    ).toBe(404);
    expect(await db.ratingEvidence.count({ where: { rating: { assessmentId: id } } })).toBe(1);
  });
});
