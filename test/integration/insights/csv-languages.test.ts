// The insights CSVs in the downloader's language: row labels and notes are worded for them, the
// headers and the code columns last are the same bytes in every language, and the API's table is
// the English download (decision 124).
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { getAggregate } from "~/modules/api/reads.server";
import * as csvRoute from "~/routes/insights.$file";
import { behindRoot } from "../../utils/behind-root";
import { cycleAndSession, ic2Entry } from "../../utils/calibration-sessions";
import { csvRecords } from "../../utils/csv-records";
import { createAdmin, createPerson, uniqueEmail } from "../../utils/factories";
import { routeArgs, type RouteFunction } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

/** A published session over five people of one team, and a sixth alone in another. */
async function calibratedTeam(facilitatorId: string) {
  const tag = uniqueEmail("lang").split("@")[0]!;
  const [crew, alone] = [
    await db.team.create({ data: { name: `Crew ${tag}` } }),
    await db.team.create({ data: { name: `Alone ${tag}` } }),
  ];
  const people = [];
  for (let index = 0; index < 6; index++)
    people.push(
      await createPerson({
        teamId: index < 5 ? crew.id : alone.id,
        track: "ic",
        level: "ic2",
      }),
    );
  const { cycle, session } = await cycleAndSession(facilitatorId, "published", {
    tag,
    startsOn: "2026-03-01",
    endsOn: "2026-04-01",
  });
  await db.calibrationEntry.createMany({
    data: people.map((person, index) =>
      ic2Entry(session.id, person.id, 3, index === 0 ? "promote" : "stay"),
    ),
  });
  return { cycleId: cycle.id, crew: crew.name };
}

/** A table as an admin downloads it, behind the root's middleware: in the admin's own language. */
async function download(adminId: string, table: string, query = "") {
  const file = `${table}.csv`;
  const request = await signedInRequest(`/insights/${file}${query}`, adminId);
  const response = (await behindRoot(
    csvRoute.loader as RouteFunction,
    routeArgs(request, { file }),
  )) as Response;
  return csvRecords(await response.text());
}

const codeColumns = (rows: string[][], from: number) => rows.map((row) => row.slice(from));

describe("the insights CSVs in the downloader's language", () => {
  test("a German admin's mentoring, shift and funnel tables label their rows in German; headers and codes are an English admin's", async () => {
    const [english, german] = [await createAdmin(), await createAdmin({ language: "de" })];
    for (const [table, codes] of [
      ["mentoring", 2],
      ["calibration-shift", 2],
      ["hiring-funnel", 2],
    ] as const) {
      const [en, de] = [await download(english.id, table), await download(german.id, table)];
      expect(de[0], table).toEqual(en[0]);
      expect(codeColumns(de, -codes), table).toEqual(codeColumns(en, -codes));
      expect(de.length, table).toBe(en.length);
    }
    const mentoring = await download(german.id, "mentoring");
    expect(mentoring.slice(1).map((row) => [row[0], row.at(-2)])).toEqual([
      ["Mentees", "mentees"],
      ["Vergleichbare Personen ohne Programm", "comparison"],
      ["Unterschied (Mentees abzüglich vergleichbarer Personen)", "difference"],
    ]);
    expect([mentoring[1]!.at(-3), mentoring[1]!.at(-1)]).toEqual(["angezeigt", "shown"]);
    const shift = await download(german.id, "calibration-shift");
    expect([shift[1]![0], shift[1]!.at(-2)]).toEqual(["Alle", "everyone"]);
    const funnel = await download(german.id, "hiring-funnel");
    expect(funnel.slice(1).map((row) => [row[0], row.at(-2)])).toEqual([
      ["Vorauswahl", "screen"],
      ["Interviews", "interviews"],
      ["Angebot", "offer"],
      ["Eingestellt", "hired"],
    ]);
  });

  test("a French admin's outcomes by group say the dimension and the groups left out in French, with the same codes", async () => {
    const [english, french] = [await createAdmin(), await createAdmin({ language: "fr" })];
    const { cycleId, crew } = await calibratedTeam(english.id);
    const query = `?cycle=${cycleId}`;
    const [en, fr] = [
      await download(english.id, "outcomes-by-group", query),
      await download(french.id, "outcomes-by-group", query),
    ];
    expect(fr[0]).toEqual(en[0]);
    expect(codeColumns(fr, -3)).toEqual(codeColumns(en, -3));
    const team = (rows: string[][]) => rows.filter((row) => row.at(-3) === "team");
    expect(team(fr).map((row) => [row[1], row[2], row.at(-2), row.at(-1)])).toEqual([
      ["Équipe", crew, crew, "hidden"],
      ["Équipe", "Les groupes de moins de 4 personnes ne sont pas listés.", "", "not listed"],
    ]);
    // Five of six: the one alone would follow from the cycle's figure, so the five are hidden too.
    expect(team(fr)[0]![10]).toBe(
      "Non affiché\u202f: moins de 4 personnes, ou ce chiffre permettrait de retrouver ceux d’un tel groupe.",
    );
    expect(team(en)[0]![1]).toBe("Team");
  });

  test("the API's table is the English download, whatever the token holder's language", async () => {
    const german = await createAdmin({ language: "de" });
    const english = await createAdmin();
    const aggregate = await getAggregate({ ...german, isHiringAdmin: false }, "mentoring", null);
    const [header, ...rows] = await download(english.id, "mentoring");
    expect(aggregate.columns).toEqual(header);
    expect(
      aggregate.rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell)))),
    ).toEqual(rows);
    expect(aggregate.rows[0]![0]).toBe("Mentees");
    expect(aggregate.rows[1]![0]).toBe("Comparable people in no programme");
  });
});
