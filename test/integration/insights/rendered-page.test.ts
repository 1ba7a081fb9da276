// The insights page and a session's fairness report as the browser gets them: rendered on the server
// with their loaders' data (the insights page for an admin, a VP and a manager). Every figure a page
// prints must be one its loader released, and a hidden row must print nothing measured: only its name
// and, where it counts people, their number.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { formatDays } from "~/components/insights/charts";
import { i18nFor } from "~/i18n/i18n.server";
import { ladderForLevel } from "~/modules/ladders/registry.server";
import * as fairnessRoute from "~/routes/calibration.$sessionId.fairness";
import * as insightsRoute from "~/routes/insights._index";
import { seeded } from "../../../prisma/seed/random";
import { createAdmin, createPerson, uniqueEmail } from "../../utils/factories";
import { renderPage, type PageModule } from "../../utils/render-page";

type View = Awaited<ReturnType<typeof insightsRoute.loader>>;

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
const numbers = (value: string) => value.match(/\d+(?:\.\d+)?/g) ?? [];

const english = i18nFor("en").getFixedT("en", "insights");
const hiddenNote = (floor: number) => english("disclosure.hidden", { floor });
const smallGroupsNote = (floor: number) => english("disclosure.smallGroups", { floor });

/** Every way the page writes a released figure: as it is, as a percentage, signed to two places, in days, months or years. */
function written(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === "number" && Number.isFinite(value)) {
    for (const form of [
      String(value),
      value.toFixed(2),
      Math.abs(value).toFixed(2),
      String(Math.round(value * 100)),
      formatDays(english, value),
    ])
      for (const token of numbers(form)) into.add(token);
  } else if (Array.isArray(value)) for (const item of value) written(item, into);
  else if (value && typeof value === "object")
    for (const item of Object.values(value)) written(item, into);
  return into;
}

/** The section of the page under one heading id, as text. */
function section(html: string, id: string): string {
  const start = html.indexOf(`aria-labelledby="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</section>", start));
}

/** The rows of a section's tables and the cards of its lists, each as text (a chart's axis labels are wording, not figures). */
const rowsOf = (html: string) =>
  [
    ...html
      .replace(/<text\b[^>]*>[\s\S]*?<\/text>/g, "")
      .matchAll(/<(tr|li)\b[^>]*>([\s\S]*?)<\/\1>/g),
  ].map((match) => ` ${text(match[2]!).trim()} `);

/** What some printed text gives as figures once names and the page's fixed wording are taken out. */
function figuresIn(printed: string, names: readonly string[], floor: number): string[] {
  let rest = printed;
  for (const phrase of [hiddenNote(floor), smallGroupsNote(floor), ...names].sort(
    (a, b) => b.length - a.length,
  ))
    rest = rest.split(phrase).join(" ");
  // "Promoted (95%)", "95%: … to …": the interval's level is wording, not a figure.
  return numbers(rest.replace(/95%/g, " "));
}

/**
 * Each row of a section that names one of `rows` prints only figures that row's released data holds
 * (a hidden row's data holds its count of people at most), and no row names none of them while
 * printing a figure. Returns how many rows were hidden.
 */
function checkRows(
  html: string,
  rows: readonly { names: string[]; released: unknown }[],
  floor: number,
  where: string,
): number {
  const printed = rowsOf(html);
  const matched = new Set<string>();
  let hidden = 0;
  for (const row of rows) {
    const own = printed.filter((line) => row.names.every((name) => line.includes(` ${name} `)));
    expect(own.length, `${where}: ${row.names.join(" / ")} printed`).toBeGreaterThan(0);
    const allowed = written(row.released);
    for (const line of own) {
      matched.add(line);
      expect(
        figuresIn(line, row.names, floor).filter((figure) => !allowed.has(figure)),
        `${where}: ${line}`,
      ).toEqual([]);
    }
    if (own.some((line) => line.includes(hiddenNote(floor)))) hidden += 1;
  }
  expect(
    printed.filter((line) => !matched.has(line) && figuresIn(line, [], floor).length),
    `${where}: rows of no released row`,
  ).toEqual([]);
  return hidden;
}

async function organisation(seed: number, size = 30) {
  const random = seeded(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const tag = uniqueEmail("page").split("@")[0]!;
  const admin = await createAdmin({ name: `Admin ${tag}` });
  const vp = await createPerson({ name: `VP ${tag}`, track: "manager", level: "m1" });
  const managers = [await createPerson({ name: `Outside ${tag}`, track: "manager", level: "m1" })];
  for (let index = 1; index < 3; index++)
    managers.push(
      await createPerson({
        name: `Manager ${index} ${tag}`,
        managerId: vp.id,
        track: "manager",
        level: "m1",
      }),
    );
  const teams = await Promise.all(
    ["Payments", "Mobile", "Search"].map((name) =>
      db.team.create({ data: { name: `${name} ${tag}` } }),
    ),
  );
  const levels = ["ic1", "ic2", "ic3", "ic4"];
  const people = [];
  for (let index = 0; index < size; index++) {
    const level = pick(levels);
    const person = await createPerson({
      name: `Person ${index} ${tag}`,
      track: "ic",
      level,
      teamId: pick(teams).id,
      managerId: pick(managers).id,
      createdAt: new Date(Date.UTC(2023, Math.floor(random() * 12), 1)),
      attributes: JSON.stringify({ location: pick(["Berlin", "Lisbon", "Porto"]) }),
    });
    // Some were promoted into their level: a stay before it that ended in a promotion.
    const rank = levels.indexOf(level);
    if (rank > 0 && random() < 0.5) {
      await db.levelChange.create({
        data: {
          personId: person.id,
          fromTrackId: "ic",
          fromLevelId: levels[rank - 1]!,
          toTrackId: "ic",
          toLevelId: level,
          source: "promoted",
          changedAt: new Date(Date.UTC(2025, Math.floor(random() * 12), 1)),
        },
      });
    }
    people.push({ id: person.id, level, managerId: person.managerId });
  }
  const cycle = await db.reviewCycle.create({
    data: {
      name: `Cycle ${tag}`,
      startsOn: new Date(Date.UTC(2026, 0, 1)),
      endsOn: new Date(Date.UTC(2026, 3, 1)),
    },
  });
  const session = await db.calibrationSession.create({
    data: {
      name: `Session ${tag}`,
      cycleId: cycle.id,
      facilitatorId: admin.id,
      state: "locked",
      ladderId: "engineering",
      ladderVersionId: (await ladderForLevel("ic2"))!.versionId,
      groupFloor: 4,
    },
  });
  await db.calibrationEntry.createMany({
    data: people.map((person) => {
      const outcome = random() < 0.3 ? "promote" : random() < 0.8 ? "stay" : "not-ready";
      return {
        sessionId: session.id,
        personId: person.id,
        managerId: person.managerId,
        trackId: "ic",
        levelId: person.level,
        proposedRating: 1 + Math.floor(random() * 4),
        proposedOutcome: "stay",
        finalRating: 1 + Math.floor(random() * 4),
        finalOutcome: outcome,
      };
    }),
  });
  // Candidates through the pipeline: some far, some rejected, some still waiting.
  const stages = ["screen", "interviews", "offer", "hired"];
  for (let index = 0; index < 14; index++) {
    const candidate = await db.hiringCandidate.create({
      data: { name: `Candidate ${index} ${tag}` },
    });
    const moves: { fromStage: string | null; toStage: string }[] = [
      { fromStage: null, toStage: "screen" },
    ];
    for (let stage = 0; stage < stages.length - 1 && random() < 0.7; stage++)
      moves.push({ fromStage: stages[stage]!, toStage: stages[stage + 1]! });
    const last = moves.at(-1)!.toStage;
    if (last !== "hired" && random() < 0.4) moves.push({ fromStage: last, toStage: "rejected" });
    await db.hiringPipelineMove.createMany({
      data: moves.map((move, order) => ({
        candidateId: candidate.id,
        ...move,
        movedAt: new Date(Date.UTC(2026, 1, 1 + order)),
      })),
    });
  }
  return { admin, vp, manager: managers[1]!, tag, sessionId: session.id };
}

describe("the insights page, rendered", () => {
  test("prints only figures its loader released, for an admin, a VP and a manager, and nothing measured of a hidden row", async () => {
    let hidden = 0;
    let shown = 0;
    for (const seed of [1, 2]) {
      const org = await organisation(seed);
      for (const [role, viewerId] of [
        ["admin", org.admin.id],
        ["VP", org.vp.id],
        ["manager", org.manager.id],
      ] as const) {
        const { html, view } = await renderPage<View>(
          insightsRoute as unknown as PageModule,
          "/insights",
          "/insights",
          viewerId,
        );
        const where = `seed ${seed}, ${role}`;
        const floor = view.floor;
        // What the check released of each row: all of a shown row; of a hidden one, at most how many people it counts.
        // Each level has a card and a row of the table, both naming it; its stays are no count of people.
        const levels = view.timeInLevel.flatMap((track) =>
          track.levels.map((level) => ({
            names: [level.levelName],
            released: level.suppressed ? null : level,
          })),
        );
        hidden += checkRows(
          section(html, "time-in-level"),
          levels,
          floor,
          `${where}, time in level`,
        );
        shown += levels.filter((level) => level.released).length;
        const outcomes = section(html, "outcomes");
        // The cycle's own rates are drawn as each shown group's reference line.
        const groups = (view.outcomesByGroup?.dimensions ?? []).flatMap((dimension) =>
          dimension.groups.map((group) => ({
            names: [group.label],
            released: group.rates ? [group, view.outcomesByGroup!.rates] : { n: group.n },
          })),
        );
        const cycles = view.outcomesByCycle.map((cycle) => ({
          names: [cycle.name],
          released: cycle.rates ? cycle : { n: cycle.n },
        }));
        hidden += checkRows(outcomes, [...cycles, ...groups], floor, `${where}, outcomes`);
        shown += groups.filter((group) => Array.isArray(group.released)).length;
        const shift = [{ ...view.shift, name: "Everyone" }, ...view.shift.managers];
        hidden += checkRows(
          section(html, "calibration-shift"),
          shift.map((row) => ({
            names: [row.name],
            released: row.suppressed ? { n: row.n } : row,
          })),
          floor,
          `${where}, shift`,
        );
        const mentoring = written(
          view.mentoring.suppressed
            ? { mentees: view.mentoring.mentees, comparisonPeople: view.mentoring.comparisonPeople }
            : view.mentoring,
        );
        expect(
          figuresIn(text(section(html, "mentoring")), [], floor).filter(
            (figure) => !mentoring.has(figure),
          ),
          `${where}, mentoring`,
        ).toEqual([]);
        if (view.hiring) {
          // Candidates are no people in the organisation: their funnel is an admin's alone.
          expect(role).toBe("admin");
          // Each count of a stage is released on its own (null where hidden), its conversion only beside both of its counts.
          hidden += checkRows(
            section(html, "hiring"),
            view.hiring.funnel.map((row) => ({ names: [row.label], released: row })),
            floor,
            `${where}, funnel`,
          );
        } else expect(role).not.toBe("admin");
        // Anywhere on the page, a figure is one the loader released, or the floor, or where a curve's median is read (50%).
        const page = text(html.replace(/<text\b[^>]*>[\s\S]*?<\/text>/g, ""));
        const released = written(view);
        const names = [
          ...levels.flatMap((level) => level.names),
          ...view.timeInLevel.map((track) => track.trackName),
          ...view.cycles.map((cycle) => cycle.name),
          ...groups.flatMap((group) => group.names),
          ...shift.map((row) => row.name),
          org.tag,
        ];
        expect(
          figuresIn(page.replace(/50%/g, " "), names, floor).filter(
            (figure) => !released.has(figure) && figure !== String(floor),
          ),
          `${where}, the page`,
        ).toEqual([]);
      }
    }
    // Both kinds of row were printed: the test passes neither on a page that hides everything nor on one that hides nothing.
    expect(hidden).toBeGreaterThan(3);
    expect(shown).toBeGreaterThan(3);
  });

  test("the fairness report prints only figures its loader released, and of a hidden group only its name and how many people are in it", async () => {
    let hidden = 0;
    let shown = 0;
    // Smaller organisations: more groups hidden beside others.
    for (const seed of [3, 4, 5]) {
      const org = await organisation(seed, 14);
      type Fairness = Awaited<ReturnType<typeof fairnessRoute.loader>>;
      const { html, view } = await renderPage<Fairness>(
        fairnessRoute as unknown as PageModule,
        "/calibration/:sessionId/fairness",
        `/calibration/${org.sessionId}/fairness`,
        org.admin.id,
      );
      const { floor, report, session } = view;
      const groups = report.dimensions.flatMap((dimension) =>
        dimension.groups.map((group) => ({
          names: [group.label],
          released: group.suppressed ? { n: group.n } : group,
        })),
      );
      hidden += checkRows(html, groups, floor, `seed ${seed}, fairness`);
      shown += groups.filter((group) => "meanRating" in group.released).length;
      // Besides the released figures: the floor, and the wording of Benjamini–Hochberg's "5 in 100" and of the studies cited beside peer feedback.
      const page = text(html);
      const released = written(report);
      const names = [...groups.flatMap((group) => group.names), session.name, org.tag];
      expect(
        figuresIn(page, names, floor).filter(
          (figure) =>
            !released.has(figure) && ![String(floor), "5", "100", "2014", "2016"].includes(figure),
        ),
        `seed ${seed}, the fairness page`,
      ).toEqual([]);
    }
    expect(hidden).toBeGreaterThan(1);
    expect(shown).toBeGreaterThan(1);
  });
});
