import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { i18nFor } from "~/i18n/i18n.server";
import type { AnyNamespaceT, PageLanguage } from "~/i18n/languages";
import { wordingOf } from "~/i18n/wording";
import type { Viewer } from "~/modules/identity/policy";
import { sessionExport } from "~/modules/calibration/export.server";
import { cycleAndSession } from "../../utils/calibration-sessions";
import { csvRecords } from "../../utils/csv-records";
import { createAdmin, createPerson } from "../../utils/factories";

/** The words of a language, as a request in it has them (translatorOf). */
const wordsIn = (language: PageLanguage) =>
  wordingOf(i18nFor(language), language, "common") as unknown as AnyNamespaceT;

const records = csvRecords;

async function sessionWithOneOutcome() {
  const admin = await createAdmin();
  const viewer: Viewer = { ...admin, isHiringAdmin: false };
  const { session } = await cycleAndSession(admin.id, "live");
  const person = await createPerson({ track: "ic", level: "ic2" });
  const entry = await db.calibrationEntry.create({
    data: {
      sessionId: session.id,
      personId: person.id,
      trackId: "ic",
      levelId: "ic2",
      finalRating: 4,
      finalOutcome: "promote",
      finalLevelId: "ic3",
    },
  });
  await db.calibrationEvent.create({
    data: {
      sessionId: session.id,
      entryId: entry.id,
      actorId: admin.id,
      kind: "outcome",
      change: JSON.stringify({
        finalRating: [null, 4],
        finalOutcome: [null, "promote"],
        finalLevelId: [null, "ic3"],
        finalReason: [null, "Ready"],
      }),
    },
  });
  const addEvent = (kind: string, change: Record<string, unknown>) =>
    db.calibrationEvent.create({
      data: {
        sessionId: session.id,
        entryId: entry.id,
        actorId: admin.id,
        kind,
        change: JSON.stringify(change),
      },
    });
  const exported = async (what: "outcomes" | "history", language: PageLanguage) =>
    records((await sessionExport(viewer, session.id, what, wordsIn(language), language)).body);
  return { exported, addEvent };
}

describe("a calibration session's CSV in the downloader's language", () => {
  test("the outcomes name the ladder's track and levels as its translation does; the codes beside them are the same in every language", async () => {
    const { exported } = await sessionWithOneOutcome();
    const [english, arabic] = [await exported("outcomes", "en"), await exported("outcomes", "ar")];
    // A column by its English header: the same position in every language.
    const at = (rows: string[][], column: string) => rows[1]![english[0]!.indexOf(column)];
    expect(at(english, "track")).toBe("Individual contributor");
    expect(at(arabic, "track")).not.toBe("Individual contributor");
    expect(at(english, "final level")).toBe("Senior Engineer");
    expect(at(arabic, "final level")).toBe("مهندس أول");
    const codes = (rows: string[][]) => rows.map((row) => row.slice(-6));
    expect(codes(arabic)).toEqual(codes(english));
    expect(codes(english)[1]).toEqual(["ic", "ic2", "", "", "4", "ic3"]);
  });

  test("the history says each change in the downloader's language, beside the field and values as stored, the same in every language", async () => {
    const { exported } = await sessionWithOneOutcome();
    const [english, german] = [await exported("history", "en"), await exported("history", "de")];
    expect(english[0]!.slice(-4)).toEqual(["field id", "from value", "to value", "kind value"]);
    const codes = (rows: string[][]) => rows.slice(1).map((row) => row.slice(-4));
    expect(codes(german)).toEqual(codes(english));
    expect(codes(english)).toEqual(
      expect.arrayContaining([
        ["finalRating", "", "4", "outcome"],
        ["finalOutcome", "", "promote", "outcome"],
        ["finalLevelId", "", "ic3", "outcome"],
        // A text is not a code: the reason is said once, in its own column.
        ["finalReason", "", "", "outcome"],
      ]),
    );
    const level = (rows: string[][]) => rows.find((row) => row.at(-4) === "finalLevelId")!;
    expect(level(english)).toContain("Senior Engineer");
    expect(level(german).slice(0, -4)).not.toEqual(level(english).slice(0, -4));
  });

  test("a German download has German headers over the labels, and the code columns' headers and values are those of an English download", async () => {
    const { exported } = await sessionWithOneOutcome();
    const [english, german] = [await exported("outcomes", "en"), await exported("outcomes", "de")];
    expect(english[0]!.slice(0, 6)).toEqual([
      "person",
      "email",
      "manager",
      "track",
      "level",
      "proposed rating",
    ]);
    expect(german[0]!.slice(0, 6)).toEqual([
      "Person",
      "E-Mail",
      "Führungskraft",
      "Laufbahn",
      "Stufe",
      "Vorgeschlagene Bewertung",
    ]);
    expect(german[0]!.at(-7)).toBe("Grund");
    const codes = (rows: string[][]) => rows.map((row) => row.slice(-6));
    expect(codes(german)).toEqual(codes(english));
    expect(codes(german)[0]).toEqual([
      "track id",
      "level id",
      "proposed rating value",
      "proposed level id",
      "final rating value",
      "final level id",
    ]);

    const [englishHistory, germanHistory] = [
      await exported("history", "en"),
      await exported("history", "de"),
    ];
    expect(englishHistory[0]!.slice(0, 8)).toEqual([
      "when (UTC)",
      "who",
      "person",
      "kind",
      "field",
      "from",
      "to",
      "reason",
    ]);
    expect(germanHistory[0]).toEqual([
      "Zeitpunkt (UTC)",
      "Geändert von",
      "Person",
      "Art",
      "Feld",
      "Vorher",
      "Nachher",
      "Grund",
      "field id",
      "from value",
      "to value",
      "kind value",
    ]);
  });

  test("the history's kind of change is the reader's word, its code last the same in every language", async () => {
    const { exported, addEvent } = await sessionWithOneOutcome();
    await addEvent("final", { finalRating: [4, 3] });
    await addEvent("state", { state: ["live", "locked"] });
    const [english, spanish, arabic] = [
      await exported("history", "en"),
      await exported("history", "es"),
      await exported("history", "ar"),
    ];
    const kinds = (rows: string[][]) => rows.slice(1).map((row) => [row[3], row.at(-1)]);
    expect(kinds(english)).toEqual(
      expect.arrayContaining([
        ["final outcome", "final"],
        ["session state", "state"],
      ]),
    );
    expect(kinds(spanish)).toEqual(
      expect.arrayContaining([
        ["resultado definitivo", "final"],
        ["estado de la sesión", "state"],
      ]),
    );
    expect(kinds(arabic)).toEqual(
      expect.arrayContaining([
        ["النتيجة النهائية", "final"],
        ["حالة الجلسة", "state"],
      ]),
    );
    // A kind the history has no word for is shown as its code, in every language.
    expect(kinds(arabic)).toEqual(expect.arrayContaining([["outcome", "outcome"]]));
  });
});
