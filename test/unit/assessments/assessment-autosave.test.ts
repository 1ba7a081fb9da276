import { describe, expect, test } from "vitest";
import {
  autosaveReducer,
  displayValue,
  draftStorageKey,
  editsToRestore,
  hasUnsaved,
  initialAutosaveState,
  nextStoredDraft,
  parseStoredDraft,
  retryDelay,
  SAVE_DEBOUNCE_MS,
  SAVE_MAX_WAIT_MS,
  saveDelay,
  saveStatus,
  type AutosaveEvent,
  type AutosaveState,
} from "~/modules/assessments/autosave";
import { i18nFor } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { english } from "../../utils/english";

const notes = "notes:code-quality";
const rating = "rating:code-quality";

function run(state: AutosaveState, ...events: AutosaveEvent[]) {
  return events.reduce(autosaveReducer, state);
}

/** The status as an English reader's page words it. */
const clock = (instant: number) => new Date(instant).toISOString().slice(11, 16);
/**
 * The saved state in words, as the status line shows it (`DraftStatus`): a lock's reason is itself
 * a message, said inside it, and the time it was saved is on the reader's clock.
 */
function saveStatusWords(
  t: Parameters<typeof wordsOf>[0],
  { said }: ReturnType<typeof saveStatus>,
  timeOfDay: (instant: number) => string,
): string {
  const { reason, time } = said.values ?? {};
  return wordsOf(t, {
    ...said,
    values: {
      ...said.values,
      ...(typeof reason === "string" ? { reason: wordsOf(t, reason) } : {}),
      ...(typeof time === "number" ? { time: timeOfDay(time) } : {}),
    },
  });
}

const words = (state: AutosaveState) => saveStatusWords(english, saveStatus(state), clock);

const start = () => initialAutosaveState({ [notes]: "old", [rating]: 2, summary: "" }, 5);
const ok = (
  id: number,
  values: Record<string, string | number | null>,
  revision: number,
  conflicts = [],
) =>
  ({
    type: "reply",
    id,
    reply: { ok: true, revision, values, conflicts, savedAt: "2026-03-01T10:42:00.000Z" },
  }) as const;

describe("editing", () => {
  test("an edit is shown at once and remembered with the value it was edited from", () => {
    const state = run(start(), { type: "edit", field: notes, value: "new", now: 1 });
    expect(displayValue(state, notes)).toBe("new");
    expect(state.edits[notes]).toEqual({ value: "new", base: "old" });
    expect(hasUnsaved(state)).toBe(true);
    expect(words(state)).toBe("Saving…");
  });

  test("typing back the saved value drops the edit", () => {
    const state = run(
      start(),
      { type: "edit", field: notes, value: "new", now: 1 },
      { type: "edit", field: notes, value: "old", now: 2 },
    );
    expect(state.edits).toEqual({});
    expect(hasUnsaved(state)).toBe(false);
  });

  test("a second edit keeps the first base", () => {
    const state = run(
      start(),
      { type: "edit", field: notes, value: "a", now: 1 },
      { type: "edit", field: notes, value: "ab", now: 2 },
    );
    expect(state.edits[notes]).toEqual({ value: "ab", base: "old" });
  });
});

describe("saving", () => {
  test("sends every edit with its base and the revision it last saw", () => {
    const state = run(
      start(),
      { type: "edit", field: notes, value: "new", now: 1 },
      { type: "edit", field: rating, value: 3, now: 2 },
      { type: "send" },
    );
    expect(state.inFlight).toEqual({
      id: 1,
      baseRevision: 5,
      changes: [
        { field: notes, value: "new", base: "old" },
        { field: rating, value: 3, base: 2 },
      ],
    });
    // One save at a time.
    expect(run(state, { type: "send" }).inFlight?.id).toBe(1);
  });

  test("a confirmed save clears the edits and takes the server's copy, including another tab's fields", () => {
    const sent = run(
      start(),
      { type: "edit", field: notes, value: "new", now: 1 },
      { type: "send" },
    );
    const saved = run(
      sent,
      ok(1, { [notes]: "new", [rating]: 4, summary: "from the other tab" }, 7),
    );
    expect(saved.edits).toEqual({});
    expect(saved.revision).toBe(7);
    expect(displayValue(saved, rating)).toBe(4);
    expect(displayValue(saved, "summary")).toBe("from the other tab");
    expect(saveStatus(saved).said).toEqual({
      key: "assessments:autosave.savedAt",
      values: { time: Date.parse(saved.savedAt!) },
    });
    // On the reader's clock, as the page's formats write it.
    expect(words(saved)).toBe("Saved at 10:42");
  });

  test("typing during a save keeps the newer text, based on what was sent", () => {
    const sent = run(
      start(),
      { type: "edit", field: notes, value: "new", now: 1 },
      { type: "send" },
      { type: "edit", field: notes, value: "newer", now: 2 },
    );
    const saved = run(sent, ok(1, { [notes]: "new", [rating]: 2 }, 6));
    expect(saved.edits[notes]).toEqual({ value: "newer", base: "new" });
    expect(displayValue(saved, notes)).toBe("newer");
  });

  test("reverting during a save still sends the revert afterwards", () => {
    const sent = run(
      start(),
      { type: "edit", field: notes, value: "new", now: 1 },
      { type: "send" },
      { type: "edit", field: notes, value: "old", now: 2 },
    );
    const saved = run(sent, ok(1, { [notes]: "new", [rating]: 2 }, 6));
    expect(saved.edits[notes]).toEqual({ value: "old", base: "new" });
  });

  test("a conflict is kept for the author to resolve, and taking theirs becomes an edit", () => {
    const sent = run(
      start(),
      { type: "edit", field: notes, value: "mine", now: 1 },
      { type: "send" },
    );
    const conflict = { field: notes, mine: "mine", theirs: "theirs" };
    const saved = run(sent, {
      type: "reply",
      id: 1,
      reply: {
        ok: true,
        revision: 8,
        values: { [notes]: "mine" },
        conflicts: [conflict],
        savedAt: "2026-03-01T10:42:00Z",
      },
    });
    expect(saved.conflicts[notes]).toEqual(conflict);
    const kept = run(saved, { type: "resolve", field: notes, take: "mine", now: 3 });
    expect(kept.conflicts).toEqual({});
    expect(kept.edits).toEqual({});
    const taken = run(saved, { type: "resolve", field: notes, take: "theirs", now: 3 });
    expect(taken.edits[notes]).toEqual({ value: "theirs", base: "mine" });
  });

  test("a failed request keeps the edits and retries with backoff", () => {
    const sent = run(
      start(),
      { type: "edit", field: notes, value: "new", now: 1 },
      { type: "send" },
    );
    const failed = run(sent, { type: "failed", id: 1 });
    expect(failed.inFlight).toBeNull();
    expect(failed.edits[notes]?.value).toBe("new");
    expect(words(failed)).toBe("Not saved — retrying");
    expect(saveDelay(failed, 10)).toBe(1_000);
    const twice = run(failed, { type: "send" }, { type: "failed", id: 2 });
    expect(saveDelay(twice, 10)).toBe(2_000);
    expect(retryDelay(10)).toBe(30_000);
    const signedOut = run(failed, { type: "send" }, { type: "failed", id: 2, signedOut: true });
    expect(words(signedOut)).toMatch(/session ended/);
    // In the author's language.
    expect(saveStatusWords(i18nFor("de").getFixedT("de"), saveStatus(failed), clock)).toBe(
      "Nicht gespeichert – neuer Versuch läuft",
    );
    // A reply to an old save is ignored.
    expect(run(twice, ok(1, {}, 99))).toBe(twice);
  });

  test("an invalid save stops retrying until the author edits again", () => {
    const sent = run(start(), { type: "edit", field: rating, value: 9, now: 1 }, { type: "send" });
    const refused = run(sent, {
      type: "reply",
      id: 1,
      reply: {
        ok: false,
        kind: "invalid",
        message: "Nope",
        fieldErrors: { [rating]: ["Off the scale"] },
      },
    });
    expect(saveDelay(refused, 10)).toBeNull();
    expect(words(refused)).toBe("Not saved — fix the errors below");
    expect(refused.edits[rating]?.value).toBe(9);
    const fixed = run(refused, { type: "edit", field: rating, value: 3, now: 20 });
    expect(fixed.fieldErrors).toEqual({});
    expect(saveDelay(fixed, 20)).toBe(SAVE_DEBOUNCE_MS);
  });

  test("a locked draft stops saving and ignores edits", () => {
    const sent = run(
      start(),
      { type: "edit", field: notes, value: "new", now: 1 },
      { type: "send" },
    );
    const locked = run(sent, {
      type: "reply",
      id: 1,
      reply: { ok: false, kind: "locked", message: "This assessment was submitted and is locked." },
    });
    expect(saveDelay(locked, 10)).toBeNull();
    expect(run(locked, { type: "edit", field: notes, value: "more", now: 2 })).toBe(locked);
    expect(saveStatus(locked).tone).toBe("error");
  });
});

describe("when to save", () => {
  test("after a pause in typing, but never later than the cap after the first unsaved edit", () => {
    const edited = run(start(), { type: "edit", field: notes, value: "a", now: 1_000 });
    expect(saveDelay(edited, 1_000)).toBe(SAVE_DEBOUNCE_MS);
    expect(saveDelay(edited, 1_500)).toBe(300);
    let typing = edited;
    for (let now = 1_100; now <= 1_000 + SAVE_MAX_WAIT_MS; now += 100)
      typing = run(typing, { type: "edit", field: notes, value: `a${now}`, now });
    expect(saveDelay(typing, 1_000 + SAVE_MAX_WAIT_MS)).toBe(0);
    expect(saveDelay(start(), 0)).toBeNull();
  });

  test("a newer copy from the loader replaces the server copy, an older one does not", () => {
    const edited = run(start(), { type: "edit", field: notes, value: "mine", now: 1 });
    const newer = run(edited, {
      type: "server",
      values: { [notes]: "x", [rating]: 1 },
      revision: 6,
    });
    expect(newer.revision).toBe(6);
    expect(displayValue(newer, rating)).toBe(1);
    expect(displayValue(newer, notes)).toBe("mine");
    expect(run(newer, { type: "server", values: {}, revision: 6 })).toBe(newer);
  });
});

describe("the copy kept in localStorage", () => {
  test("restores only edits the server does not have", () => {
    const stored = parseStoredDraft(
      JSON.stringify({
        v: 1,
        entries: {
          [notes]: { value: "typed offline", base: "old", tab: "t1" },
          [rating]: { value: 2, base: 1, tab: "t1" },
        },
      }),
    );
    const edits = editsToRestore(stored, start().server);
    expect(edits).toEqual({ [notes]: { value: "typed offline", base: "old" } });
    const restored = run(start(), { type: "restore", edits, now: 1 });
    expect(restored.restored).toBe(1);
    expect(displayValue(restored, notes)).toBe("typed offline");
    expect(saveDelay(restored, 1)).toBe(SAVE_DEBOUNCE_MS);
  });

  test("each tab rewrites only its own entries", () => {
    const stored = {
      v: 1 as const,
      entries: { a: { value: "A", base: "", tab: "one" }, b: { value: "B", base: "", tab: "two" } },
    };
    const next = nextStoredDraft(stored, "one", { c: { value: "C", base: "" } });
    expect(next.entries).toEqual({
      b: { value: "B", base: "", tab: "two" },
      c: { value: "C", base: "", tab: "one" },
    });
  });

  test("ignores anything malformed", () => {
    expect(parseStoredDraft("not json").entries).toEqual({});
    expect(parseStoredDraft(JSON.stringify({ v: 2, entries: {} })).entries).toEqual({});
    expect(
      parseStoredDraft(
        JSON.stringify({
          v: 1,
          entries: {
            a: { value: {}, base: "", tab: "x" },
            b: { value: "ok", base: null, tab: "x" },
          },
        }),
      ).entries,
    ).toEqual({
      b: { value: "ok", base: null, tab: "x" },
    });
    expect(draftStorageKey("a1", "u1")).toBe("rungs:assessment-draft:a1:u1");
  });
});
