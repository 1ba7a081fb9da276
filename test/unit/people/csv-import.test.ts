import { describe, expect, test } from "vitest";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import {
  findCycles,
  MAX_ATTRIBUTE_COLUMNS,
  MAX_IMPORT_ROWS,
  planImport,
  type ExistingPerson,
  type ExistingTeam,
} from "~/modules/people/csv-import";
import { parseAttributes } from "~/modules/people/attributes";
import { makeTrackLevelCheck } from "~/modules/people/track-level";
import { inWordsOf } from "../../utils/english";

const check = makeTrackLevelCheck([
  {
    ladderId: "engineering",
    ladderName: "Engineering",
    id: "ic",
    name: "Individual contributor",
    levels: [
      { id: "ic1", title: "IC1" },
      {
        id: "ic2",
        title: "IC2",
        sublevels: [
          { id: "a", title: "A" },
          { id: "b", title: "B" },
        ],
      },
      { id: "ic3", title: "IC3" },
    ],
  },
  {
    ladderId: "engineering",
    ladderName: "Engineering",
    id: "manager",
    name: "Manager",
    levels: [{ id: "m1", title: "M1" }],
  },
]);

const header = "name,email,manager_email,team,track,level";

function csv(...lines: string[]): string {
  return [header, ...lines].join("\n") + "\n";
}

function plan(text: string, people: ExistingPerson[] = [], teams: ExistingTeam[] = []) {
  return planImport(text, { people, teams }, check);
}

/** The problems in English words, as the import page shows them to a reader of English. */
function errorsOf(text: string, people: ExistingPerson[] = []) {
  const result = plan(text, people);
  if (result.ok) throw new Error("expected errors");
  const t = translatorOf(undefined);
  return result.errors.map((error) => ({ ...error, message: wordsOf(t, error.message) }));
}

function okPlan(text: string, people: ExistingPerson[] = [], teams: ExistingTeam[] = []) {
  const result = plan(text, people, teams);
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.errors)}`);
  return result.plan;
}

function existing(
  overrides: Partial<ExistingPerson> & { id: string; email: string },
): ExistingPerson {
  return {
    name: overrides.email.split("@")[0]!,
    managerId: null,
    team: null,
    ladder: null,
    track: null,
    level: null,
    sublevel: null,
    active: true,
    attributes: {},
    levelSince: null,
    levelMovedAt: null,
    ...overrides,
  };
}

describe("parsing the file", () => {
  test("an empty file asks for the header", () => {
    expect(errorsOf("")).toEqual([
      { line: 1, field: null, message: expect.stringContaining("the file is empty") },
    ]);
    expect(errorsOf(" \n\n")).toHaveLength(1);
  });

  test("a header without people is an error", () => {
    expect(errorsOf(header + "\n")).toEqual([
      { line: 1, field: null, message: "the file has a header but no people" },
    ]);
  });

  test("unknown, duplicated and missing columns are named on line 1", () => {
    expect(errorsOf("name,emial\nAna,ana@example.com\n")).toEqual([
      { line: 1, field: null, message: expect.stringContaining('unknown column "emial"') },
      { line: 1, field: null, message: "the header has no email column" },
    ]);
    expect(errorsOf("name,email,team,Team\nAna,ana@example.com,a,b\n")).toEqual([
      { line: 1, field: "team", message: "the column team appears twice" },
    ]);
  });

  test("headers are case-insensitive and accept 'manager email'", () => {
    const result = okPlan(
      "Name,EMAIL,Manager Email,Team,Track,Level\nBo,bo@example.com,,,,\nAna,ana@example.com,bo@example.com,Core,ic,ic2\n",
    );
    expect(result.columns).toEqual(["name", "email", "manager_email", "team", "track", "level"]);
    expect(result.creates.map((row) => row.email)).toEqual(["bo@example.com", "ana@example.com"]);
  });

  test("a byte-order mark and Windows line endings are tolerated", () => {
    const result = okPlan(`\uFEFF${header}\r\nAna,ana@example.com,,,ic,ic1\r\n`);
    expect(result.creates).toEqual([
      {
        line: 2,
        name: "Ana",
        email: "ana@example.com",
        managerEmail: null,
        team: null,
        ladder: "engineering",
        track: "ic",
        level: "ic1",
        sublevel: null,
        attributes: {},
        levelSince: null,
      },
    ]);
  });

  test("quoted fields keep commas and quotes, and line numbers follow the file after a value spanning lines", () => {
    const result = okPlan(
      csv(
        '"Lovelace, Ada ""Countess""",ada@example.com,,"Core, Platform",,',
        "",
        "Bo,bo@example.com,,,,",
      ),
    );
    expect(result.creates).toEqual([
      expect.objectContaining({
        line: 2,
        name: 'Lovelace, Ada "Countess"',
        team: "Core, Platform",
      }),
      expect.objectContaining({ line: 4, email: "bo@example.com" }),
    ]);
    // A line break inside a quoted name is refused, on the line where the record starts; the next record keeps its own line.
    expect(errorsOf(csv('"Multi', 'line",multi@example.com,,,,', "Bo,not-an-email,,,,"))).toEqual([
      { line: 2, field: "name", message: "has a control character (U+000A); remove it" },
      { line: 4, field: "email", message: "not a valid email address" },
    ]);
  });

  test("blank lines are skipped but still counted", () => {
    const errors = errorsOf(csv("Ana,ana@example.com,,,,", "", ",,,,,", "Bo,not-an-email,,,,"));
    expect(errors).toEqual([{ line: 5, field: "email", message: "not a valid email address" }]);
  });

  test("malformed CSV names the line", () => {
    const errors = errorsOf(csv("Ana,ana@example.com,,,,", '"Bo,bo@example.com,,,,'));
    expect(errors).toEqual([
      { line: 3, field: null, message: expect.stringContaining("not valid CSV") },
    ]);
  });

  test("a row with the wrong number of values is named", () => {
    expect(errorsOf(csv("Ana,Smith,ana@example.com,,,,"))).toEqual([
      { line: 2, field: null, message: expect.stringContaining("expected 6 values but found 7") },
    ]);
  });

  test("columns without a name (trailing commas from a spreadsheet) are ignored", () => {
    const result = okPlan("name,email,,\nAna,ana@example.com,,\n");
    expect(result.columns).toEqual(["name", "email"]);
    expect(result.creates).toHaveLength(1);
  });

  test("optional columns may be left out", () => {
    const result = okPlan("email,name\nana@example.com,Ana\n");
    expect(result.columns).toEqual(["email", "name"]);
    expect(result.creates).toEqual([
      {
        line: 2,
        name: "Ana",
        email: "ana@example.com",
        managerEmail: null,
        team: null,
        ladder: null,
        track: null,
        level: null,
        sublevel: null,
        attributes: {},
        levelSince: null,
      },
    ]);
  });
});

describe("row errors name line and field", () => {
  test("every field problem in a row is reported", () => {
    const errors = errorsOf(csv("Ana,ana@example.com,,,,", ",nope,also-nope,,,"));
    expect(errors).toEqual([
      { line: 3, field: "name", message: "enter a name" },
      { line: 3, field: "email", message: "not a valid email address" },
      { line: 3, field: "manager_email", message: "not a valid email address" },
    ]);
  });

  test("missing email", () => {
    expect(errorsOf(csv("Ana,,,,,"))).toEqual([
      { line: 2, field: "email", message: "enter an email address" },
    ]);
  });

  test("unknown track, unknown level, level without track", () => {
    expect(
      errorsOf(
        csv("A,a@example.com,,,wizard,ic1", "B,b@example.com,,,ic,m1", "C,c@example.com,,,,ic1"),
      ),
    ).toEqual([
      { line: 2, field: "track", message: expect.stringContaining('Unknown track "wizard"') },
      {
        line: 3,
        field: "level",
        message: expect.stringContaining('Level "m1" is not on the ic track'),
      },
      { line: 4, field: "track", message: expect.stringContaining("A level needs a track") },
    ]);
    // Worded in the admin's language, the ladder's ids joined as it joins them.
    const result = plan(csv("A,a@example.com,,,wizard,ic1"));
    if (result.ok) throw new Error("expected errors");
    expect(inWordsOf("de", result.errors[0]!.message)).toBe(
      "Unbekannte Laufbahn „wizard“ (möglich: ic, manager).",
    );
  });

  test("track and level are case-insensitive; emails are lower-cased", () => {
    const result = okPlan(csv("Ana,Ana@Example.COM,,,IC,IC3"));
    expect(result.creates[0]).toMatchObject({
      email: "ana@example.com",
      track: "ic",
      level: "ic3",
    });
  });

  test("a duplicate email names the earlier line", () => {
    expect(
      errorsOf(
        csv("Ana,ana@example.com,,,,", "Bo,bo@example.com,,,,", "Ana B,ANA@example.com,,,,"),
      ),
    ).toEqual([{ line: 4, field: "email", message: "ana@example.com is also on line 2" }]);
  });

  test("a manager must be in the file or in Rungs", () => {
    expect(errorsOf(csv("Ana,ana@example.com,x@y.com,,,"))).toEqual([
      {
        line: 2,
        field: "manager_email",
        message: "no person with email x@y.com in the file or in Rungs",
      },
    ]);
    const result = okPlan(csv("Ana,ana@example.com,boss@example.com,,,"), [
      existing({ id: "boss", email: "boss@example.com" }),
    ]);
    expect(result.creates[0]?.managerEmail).toBe("boss@example.com");
  });

  test("a deactivated manager is refused, also when the file has a row for them (the import reactivates nobody)", () => {
    expect(
      errorsOf(csv("Gone,gone@example.com,,,,", "Ana,ana@example.com,gone@example.com,,,"), [
        existing({ id: "g", email: "gone@example.com", active: false }),
      ]),
    ).toEqual([
      {
        line: 3,
        field: "manager_email",
        message: expect.stringContaining("gone@example.com is deactivated"),
      },
    ]);
    expect(
      errorsOf(csv("Ana,ana@example.com,gone@example.com,,,"), [
        existing({ id: "g", email: "gone@example.com", active: false }),
      ]),
    ).toEqual([
      {
        line: 2,
        field: "manager_email",
        message: expect.stringContaining("gone@example.com is deactivated"),
      },
    ]);
  });

  test("nobody manages themselves", () => {
    expect(errorsOf(csv("Ana,ana@example.com,ANA@example.com,,,"))).toEqual([
      { line: 2, field: "manager_email", message: "a person cannot be their own manager" },
    ]);
  });

  test("row errors and reference errors are all reported at once", () => {
    const errors = errorsOf(
      csv(
        "Ana,ana@example.com,bad@example.com,,,",
        "Bad,bad@example.com,,,wizard,",
        "Bo,bo@example.com,ghost@example.com,,,",
        "Cy,,,,,",
      ),
    );
    expect(errors).toEqual([
      { line: 3, field: "track", message: expect.stringContaining('Unknown track "wizard"') },
      {
        line: 4,
        field: "manager_email",
        message: "no person with email ghost@example.com in the file or in Rungs",
      },
      { line: 5, field: "email", message: "enter an email address" },
    ]);
  });

  test("a row with a bad cell is still checked against other rows and Rungs, so one check reports all its problems", () => {
    expect(errorsOf(csv("Ana,not-an-email,ghost@example.com,,ic,ic9"))).toEqual([
      { line: 2, field: "email", message: "not a valid email address" },
      { line: 2, field: "level", message: expect.stringContaining('"ic9"') },
      {
        line: 2,
        field: "manager_email",
        message: "no person with email ghost@example.com in the file or in Rungs",
      },
    ]);
    expect(
      errorsOf(
        csv(
          "Ana,ana@example.com,,,wizard,ic1",
          "Bo,bo@example.com,gone@example.com,,ic,ic9",
          "Ana B,ana@example.com,,,,",
          "Cy,cy@example.com,CY@example.com,,ic,ic9",
        ),
        [existing({ id: "g", email: "gone@example.com", active: false })],
      ),
    ).toEqual([
      { line: 2, field: "track", message: expect.stringContaining('Unknown track "wizard"') },
      { line: 3, field: "level", message: expect.stringContaining('"ic9"') },
      {
        line: 3,
        field: "manager_email",
        message: expect.stringContaining("gone@example.com is deactivated"),
      },
      { line: 4, field: "email", message: "ana@example.com is also on line 2" },
      { line: 5, field: "level", message: expect.stringContaining('"ic9"') },
      { line: 5, field: "manager_email", message: "a person cannot be their own manager" },
    ]);
  });
});

describe("reporting cycles", () => {
  test("a cycle within the file names every row in it", () => {
    const errors = errorsOf(
      csv(
        "A,a@example.com,b@example.com,,,",
        "B,b@example.com,c@example.com,,,",
        "C,c@example.com,a@example.com,,,",
        "D,d@example.com,a@example.com,,,",
      ),
    );
    expect(errors.map((error) => [error.line, error.field])).toEqual([
      [2, "manager_email"],
      [3, "manager_email"],
      [4, "manager_email"],
    ]);
    expect(errors[0]?.message).toBe(
      "reporting cycle: a@example.com → b@example.com → c@example.com → a@example.com",
    );
  });

  test("a cycle through existing people is found", () => {
    // In Rungs: boss is managed by mid; the file makes mid report to boss.
    const people = [
      existing({ id: "boss", email: "boss@example.com", managerId: "mid" }),
      existing({ id: "mid", email: "mid@example.com" }),
    ];
    const errors = errorsOf(csv("Mid,mid@example.com,boss@example.com,,,"), people);
    expect(errors).toEqual([
      {
        line: 2,
        field: "manager_email",
        message: "reporting cycle: mid@example.com → boss@example.com → mid@example.com",
      },
    ]);
  });

  test("the file may untangle an existing line while moving another", () => {
    // In Rungs: b reports to a. The file swaps them: a reports to b, b to nobody.
    const people = [
      existing({ id: "a", email: "a@example.com" }),
      existing({ id: "b", email: "b@example.com", managerId: "a" }),
    ];
    const result = okPlan(csv("A,a@example.com,b@example.com,,,", "B,b@example.com,,,,"), people);
    expect(result.changes).toHaveLength(2);
  });

  test("findCycles reports each cycle once", () => {
    const managers: Record<string, string | null> = { a: "b", b: "a", c: "a", d: "d", e: null };
    expect(findCycles(["c", "a", "b", "d", "e"], (email) => managers[email] ?? null)).toEqual([
      ["a", "b"],
      ["d"],
    ]);
  });
});

describe("the plan", () => {
  test("creates are ordered manager first and new teams are listed once", () => {
    const result = okPlan(
      csv(
        "Ana,ana@example.com,bo@example.com,Core,ic,ic2",
        "Bo,bo@example.com,cy@example.com,core,manager,m1",
        "Cy,cy@example.com,,Platform,,",
      ),
    );
    expect(result.creates.map((row) => row.email)).toEqual([
      "cy@example.com",
      "bo@example.com",
      "ana@example.com",
    ]);
    expect(result.newTeams).toEqual(["Core", "Platform"]);
    expect(result.creates.find((row) => row.email === "bo@example.com")?.team).toBe("Core");
  });

  test("existing teams are matched without regard to case", () => {
    const result = okPlan(csv("Ana,ana@example.com,,core,,"), [], [{ id: "t1", name: "Core" }]);
    expect(result.newTeams).toEqual([]);
    expect(result.creates[0]?.team).toBe("Core");
  });

  test("changes to existing people are listed field by field", () => {
    const people = [
      existing({ id: "boss", email: "boss@example.com", name: "Boss" }),
      existing({
        id: "ana",
        email: "ana@example.com",
        name: "Ana",
        team: "Core",
        track: "ic",
        level: "ic1",
      }),
      existing({
        id: "same",
        email: "same@example.com",
        name: "Same",
        managerId: "boss",
        team: "Core",
        track: "ic",
        level: "ic2",
      }),
    ];
    const teams = [{ id: "t1", name: "Core" }];
    const result = okPlan(
      csv(
        "Ana Smith,ANA@example.com,boss@example.com,Core,ic,ic2",
        "Same,same@example.com,boss@example.com,core,ic,ic2",
        "Boss,boss@example.com,,,,",
        "New,new@example.com,ana@example.com,,,",
      ),
      people,
      teams,
    );
    expect(result.creates.map((row) => row.email)).toEqual(["new@example.com"]);
    expect(result.changes).toEqual([
      {
        line: 2,
        id: "ana",
        email: "ana@example.com",
        name: "Ana",
        changes: [
          { field: "name", from: "Ana", to: "Ana Smith" },
          { field: "manager_email", from: null, to: "boss@example.com" },
          { field: "level", from: "ic1", to: "ic2" },
        ],
      },
    ]);
    expect(result.unchangedCount).toBe(2);
  });

  test("clearing a value is a change; a column that is left out is not", () => {
    const people = [
      existing({
        id: "ana",
        email: "ana@example.com",
        name: "Ana",
        team: "Core",
        track: "ic",
        level: "ic1",
      }),
    ];
    const cleared = okPlan(csv("Ana,ana@example.com,,,ic,"), people, [{ id: "t1", name: "Core" }]);
    expect(cleared.changes[0]?.changes).toEqual([
      { field: "team", from: "Core", to: null },
      { field: "level", from: "ic1", to: null },
    ]);
    const untouched = okPlan("name,email\nAna,ana@example.com\n", people, [
      { id: "t1", name: "Core" },
    ]);
    expect(untouched.changes).toEqual([]);
    expect(untouched.unchangedCount).toBe(1);
  });

  test("5,000 rows plan with every new manager before their reports", () => {
    const lines = ["Root,root@example.com,,Core,manager,m1"];
    for (let index = 1; index < 5000; index++) {
      const manager = index < 50 ? "root@example.com" : `p${(index % 49) + 1}@example.com`;
      lines.push(
        `Person ${index},p${index}@example.com,${manager},Team ${index % 20},ic,ic${(index % 3) + 1}`,
      );
    }
    const result = okPlan(csv(...lines));
    expect(result.creates).toHaveLength(5000);
    expect(result.creates[0]?.email).toBe("root@example.com");
    const position = new Map(result.creates.map((row, index) => [row.email, index]));
    for (const row of result.creates) {
      if (row.managerEmail)
        expect(position.get(row.managerEmail)!).toBeLessThan(position.get(row.email)!);
    }
  });
});

describe("sub-levels", () => {
  const withSublevel = (...lines: string[]) => [`${header},sublevel`, ...lines].join("\n") + "\n";

  test("a sub-level of the row's level is taken; one of another level, or for a level without any, is a row error", () => {
    expect(
      okPlan(withSublevel("Ada,ada@x.io,,,ic,ic2,B")).creates.map((row) => [
        row.level,
        row.sublevel,
      ]),
    ).toEqual([["ic2", "b"]]);
    expect(
      errorsOf(
        withSublevel("Ada,ada@x.io,,,ic,ic2,c", "Bo,bo@x.io,,,ic,ic1,a", "Cy,cy@x.io,,,,,a"),
      ),
    ).toEqual([
      {
        line: 2,
        field: "sublevel",
        message: `Sub-level "c" is not one of level "ic2"'s (expected one of a, b).`,
      },
      { line: 3, field: "sublevel", message: `Level "ic1" has no sub-levels.` },
      { line: 4, field: "sublevel", message: "A sub-level needs a level: choose the level first." },
    ]);
  });

  test("a file without the column keeps a person's sub-level, unless it moves them to another level", () => {
    const ada = existing({
      id: "u1",
      email: "ada@x.io",
      name: "Ada",
      track: "ic",
      level: "ic2",
      sublevel: "a",
    });
    expect(okPlan(csv("Ada,ada@x.io,,,ic,ic2"), [ada]).unchangedCount).toBe(1);
    expect(okPlan(csv("Ada,ada@x.io,,,ic,ic3"), [ada]).changes[0]!.changes).toEqual([
      { field: "level", from: "ic2", to: "ic3" },
      { field: "sublevel", from: "a", to: null },
    ]);
    expect(okPlan(withSublevel("Ada,ada@x.io,,,ic,ic2,b"), [ada]).changes[0]!.changes).toEqual([
      { field: "sublevel", from: "a", to: "b" },
    ]);
  });
});

describe("characters no field may hold", () => {
  test("control characters, direction overrides and unreadable bytes are row errors that say which", () => {
    expect(errorsOf(csv("Ann\u0007Bell,ann@example.com,,,,"))).toEqual([
      { line: 2, field: "name", message: "has a control character (U+0007); remove it" },
    ]);
    expect(errorsOf(csv("Nul,nul\u0000@example.com,,,,"))).toContainEqual({
      line: 2,
      field: "email",
      message: "has a control character (U+0000); remove it",
    });
    const direction = plan(csv("Eve,eve@example.com,,Pay\u202Emoc.exe,,"));
    if (direction.ok) throw new Error("expected errors");
    expect(inWordsOf("de", direction.errors[0]!.message)).toBe(
      "enthält ein Zeichen, das die Schreibrichtung ändert (U+202E); entfernen Sie es",
    );
    expect(errorsOf(csv("Eve,eve@example.com,,Pay\u202Emoc.exe,,"))).toEqual([
      {
        line: 2,
        field: "team",
        message: "has a character that changes the direction of text (U+202E); remove it",
      },
    ]);
    expect(errorsOf(csv("Jos\uFFFD,jose@example.com,,,,"))).toEqual([
      {
        line: 2,
        field: "name",
        message:
          "has characters that could not be read (save the file as UTF-8 and choose it again)",
      },
    ]);
    // A line break inside a quoted name is a control character too.
    expect(errorsOf(csv('"Two\nLines",two@example.com,,,,'))).toEqual([
      { line: 2, field: "name", message: "has a control character (U+000A); remove it" },
    ]);
  });

  test("ordinary letters of any script pass", () => {
    expect(
      okPlan(csv("Zoë Ørsted-Łukasz 田中,zoe@example.com,,Équipe Ñ,,")).creates.map((row) => [
        row.name,
        row.team,
      ]),
    ).toEqual([["Zoë Ørsted-Łukasz 田中", "Équipe Ñ"]]);
  });
});

describe("several ladders", () => {
  // Two job families that both have an "engineer"-style track id and share a level id.
  const two = makeTrackLevelCheck([
    {
      ladderId: "engineering",
      ladderName: "Engineering",
      id: "ic",
      name: "Individual contributor",
      levels: [
        { id: "ic1", title: "IC1" },
        { id: "l2", title: "L2" },
      ],
    },
    {
      ladderId: "product",
      ladderName: "Product",
      id: "ic",
      name: "Product IC",
      levels: [
        { id: "p1", title: "P1" },
        { id: "l2", title: "L2" },
      ],
    },
    {
      ladderId: "product",
      ladderName: "Product",
      id: "pm",
      name: "Product manager",
      levels: [{ id: "pm1", title: "PM1" }],
    },
  ]);
  const withLadder = "name,email,ladder,track,level";
  const planTwo = (text: string, people: ExistingPerson[] = []) =>
    planImport(text, { people, teams: [] }, two);

  test("a track and level that fit one ladder need no ladder column; the person gets that ladder", () => {
    const result = planTwo(
      "name,email,track,level\nAna,ana@example.com,ic,p1\nBo,bo@example.com,pm,pm1\n",
    );
    expect(result.ok && result.plan.creates.map((row) => [row.email, row.ladder])).toEqual([
      ["ana@example.com", "product"],
      ["bo@example.com", "product"],
    ]);
  });

  test("ambiguous and unknown values are row errors naming the ladders, and the ladder column settles them (by id or name)", () => {
    const result = planTwo(
      `${withLadder}\nAna,ana@example.com,,ic,l2\nBo,bo@example.com,Marketing,ic,l2\nCy,cy@example.com,Product,ic,l2\nDi,di@example.com,engineering,pm,pm1\n`,
    );
    expect(result.ok).toBe(false);
    const english = translatorOf(undefined);
    expect(
      !result.ok &&
        result.errors.map((error) => ({ ...error, message: wordsOf(english, error.message) })),
    ).toEqual([
      {
        line: 2,
        field: "ladder",
        message:
          'Track "ic" and level "l2" are in several ladders (engineering, product): name the ladder.',
      },
      {
        line: 3,
        field: "ladder",
        message: 'Unknown ladder "Marketing" (expected one of engineering, product).',
      },
      {
        line: 5,
        field: "track",
        message: 'Unknown track "pm" in the Engineering ladder (expected one of ic).',
      },
    ]);
    const settled = planTwo(`${withLadder}\nCy,cy@example.com,Product,ic,l2\n`);
    expect(settled.ok && settled.plan.creates[0]!.ladder).toBe("product");
  });

  test("moving a person to another ladder is a change of ladder", () => {
    const people = [
      existing({
        id: "ana",
        email: "ana@example.com",
        ladder: "engineering",
        track: "ic",
        level: "l2",
      }),
    ];
    const result = planTwo(`${withLadder}\nana,ana@example.com,product,ic,l2\n`, people);
    expect(result.ok && result.plan.changes[0]!.changes).toEqual([
      { field: "ladder", from: "engineering", to: "product" },
    ]);
  });
});

describe("optional attributes", () => {
  test("attribute columns are read by name, case-insensitively; a new person carries theirs, empty cells left out", () => {
    const plan = okPlan(
      "name,email,Attribute:Location,attribute:employment\nAna,ana@example.com,Berlin,\n",
    );
    expect(plan.attributeColumns).toEqual(["location", "employment"]);
    expect(plan.creates[0]!.attributes).toEqual({ location: "Berlin", employment: null });
  });

  test("bad, repeated and too many attribute columns are header errors; long or unreadable values are row errors", () => {
    expect(errorsOf("name,email,attribute:\nAna,ana@example.com,x\n")).toEqual([
      {
        line: 1,
        field: null,
        message: expect.stringContaining('"attribute:" is not a usable attribute column'),
      },
    ]);
    expect(errorsOf("name,email,attribute:9lives\nAna,ana@example.com,x\n")[0]!.message).toContain(
      "starting with a letter",
    );
    expect(
      errorsOf("name,email,attribute:location,attribute:Location\nAna,ana@example.com,a,b\n"),
    ).toEqual([
      {
        line: 1,
        field: "attribute:location",
        message: "the column attribute:location appears twice",
      },
    ]);
    const many = Array.from(
      { length: MAX_ATTRIBUTE_COLUMNS + 1 },
      (_, index) => `attribute:a${index}`,
    );
    expect(
      errorsOf(
        `name,email,${many.join(",")}\nAna,ana@example.com,${many.map(() => "x").join(",")}\n`,
      ),
    ).toEqual([
      {
        line: 1,
        field: null,
        message: `the file has ${MAX_ATTRIBUTE_COLUMNS + 1} attribute columns; at most ${MAX_ATTRIBUTE_COLUMNS} are allowed`,
      },
    ]);
    expect(
      errorsOf(
        `name,email,attribute:location\nAna,ana@example.com,${"x".repeat(101)}\nBo,bo@example.com,Lis\u202Ebon\n`,
      ),
    ).toEqual([
      {
        line: 2,
        field: "attribute:location",
        message: "an attribute can be at most 100 characters",
      },
      {
        line: 3,
        field: "attribute:location",
        message: expect.stringContaining("changes the direction of text"),
      },
    ]);
    expect(errorsOf("name,email,locatoin\nAna,ana@example.com,x\n")[0]!.message).toContain(
      "attribute:<name>",
    );
  });

  test("changes to existing people's attributes are listed; an empty cell removes one; a column left out changes nothing", () => {
    const ana = existing({
      id: "1",
      email: "ana@example.com",
      name: "Ana",
      attributes: { location: "Berlin", employment: "full-time" },
    });
    const moved = okPlan(
      "name,email,attribute:location,attribute:employment\nAna,ana@example.com,Lisbon,\n",
      [ana],
    );
    expect(moved.changes).toEqual([
      {
        line: 2,
        id: "1",
        email: "ana@example.com",
        name: "Ana",
        changes: [
          { field: "attribute:location", from: "Berlin", to: "Lisbon" },
          { field: "attribute:employment", from: "full-time", to: null },
        ],
      },
    ]);
    expect(okPlan("name,email\nAna,ana@example.com\n", [ana]).unchangedCount).toBe(1);
    expect(
      okPlan("name,email,attribute:location\nAna,ana@example.com,Berlin\n", [ana]).unchangedCount,
    ).toBe(1);
  });

  test("names are read like headers: spaces and hyphens become underscores", () => {
    const plan = okPlan("name,email,Attribute: Work-Location\nAna,ana@example.com,Remote\n");
    expect(plan.attributeColumns).toEqual(["work_location"]);
    expect(plan.creates[0]!.attributes).toEqual({ work_location: "Remote" });
  });

  test("an attribute named like a property of every object is only a change when the person has a different value", () => {
    const stored = existing({
      id: "1",
      email: "ana@example.com",
      name: "Ana",
      attributes: parseAttributes("{}"),
    });
    const plain = existing({ id: "2", email: "bo@example.com", name: "Bo" });
    const result = okPlan(
      "name,email,attribute:constructor\nAna,ana@example.com,\nBo,bo@example.com,\n",
      [stored, plain],
    );
    expect(result.changes).toEqual([]);
    expect(result.unchangedCount).toBe(2);
    const set = okPlan("name,email,attribute:constructor\nAna,ana@example.com,x\n", [stored]);
    expect(set.changes[0]!.changes).toEqual([
      { field: "attribute:constructor", from: null, to: "x" },
    ]);
  });
});

describe("parseAttributes", () => {
  test("reads a stored JSON object of strings; anything else counts as no attributes", () => {
    expect(parseAttributes('{"location":"Berlin","employment":"part-time"}')).toEqual({
      location: "Berlin",
      employment: "part-time",
    });
    for (const malformed of ["", "not json", "{", "null", "[]", '["Berlin"]', '"Berlin"', "42"])
      expect(parseAttributes(malformed)).toEqual({});
    // A value that is not a string is left out; the others are kept.
    expect(
      parseAttributes('{"location":"Berlin","floor":3,"remote":true,"team":null,"tags":["a"]}'),
    ).toEqual({ location: "Berlin" });
  });

  test("a name that is also a property of every object is not found unless stored", () => {
    expect(parseAttributes("{}")["constructor"]).toBeUndefined();
    expect(parseAttributes('{"constructor":"x"}')["constructor"]).toBe("x");
  });
});

describe("a file that leaves track or level out", () => {
  const ana = existing({
    id: "ana",
    email: "ana@example.com",
    name: "Ana",
    ladder: "engineering",
    track: "ic",
    level: "ic2",
  });

  test("changes the one it names when the place it leads to exists", () => {
    expect(okPlan("name,email,level\nAna,ana@example.com,ic3\n", [ana]).changes).toEqual([
      {
        line: 2,
        id: "ana",
        email: "ana@example.com",
        name: "Ana",
        changes: [{ field: "level", from: "ic2", to: "ic3" }],
      },
    ]);
  });

  test("is refused where the person's kept level would not be on the new track, or the kept track has no such level", () => {
    expect(errorsOf("name,email,track\nAna,ana@example.com,manager\n", [ana])).toEqual([
      {
        line: 2,
        field: "level",
        message:
          'Level "ic2" is not on the manager track (expected one of m1). The file leaves their current level, ic2, as it is.',
      },
    ]);
    expect(errorsOf("name,email,level\nAna,ana@example.com,m1\n", [ana])).toEqual([
      {
        line: 2,
        field: "level",
        message:
          'Level "m1" is not on the ic track (expected one of ic1, ic2, ic3). The file leaves their current track, ic, as it is.',
      },
    ]);
  });

  test("a file of names and emails only leaves everyone's place alone", () => {
    expect(okPlan("name,email\nAna Maria,ana@example.com\n", [ana]).changes).toEqual([
      {
        line: 2,
        id: "ana",
        email: "ana@example.com",
        name: "Ana",
        changes: [{ field: "name", from: "Ana", to: "Ana Maria" }],
      },
    ]);
  });
});

describe("an organisation's size", () => {
  /** One manager and everyone else reporting to them, in teams of ten. */
  function organisation(size: number): string {
    const lines = [`Manager Zero,m0@example.com,,Team 0,manager,m1`];
    for (let i = 1; i < size; i++)
      lines.push(`Person ${i},p${i}@example.com,m0@example.com,Team ${Math.floor(i / 10)},ic,ic1`);
    return csv(...lines);
  }

  test("takes 50,000 people in one file, and refuses one more with how many there are", () => {
    expect(MAX_IMPORT_ROWS).toBe(50_000);
    const whole = plan(organisation(MAX_IMPORT_ROWS));
    expect(whole.ok && whole.plan.creates.length).toBe(50_000);
    expect(errorsOf(organisation(MAX_IMPORT_ROWS + 1))).toEqual([
      {
        line: 1,
        field: null,
        message: "the file has 50,001 people; import at most 50,000 at a time",
      },
    ]);
  });
});
