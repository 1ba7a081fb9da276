// Each module declares once what it holds about a person (platform/personal-data.ts, registered in
// workflows.server.ts); erasure and the person's export read the declarations. A table the schema gains is claimed by one
// module, as holding something about a person or nothing, or this fails.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { CALENDAR_EVENTS, eventKind } from "~/platform/calendar";
import { SECTIONS } from "~/platform/export-document";
import { personalData } from "~/platform/personal-data";

type Model = { name: string; fields: { name: string; type: string }[] };

function schemaModels(): Model[] {
  const schema = readFileSync("prisma/schema.prisma", "utf8");
  return [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, name, body]) => ({
    name: name!,
    fields: body!
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter(([field, type]) => field && type && /^\w/.test(field) && !field.startsWith("//"))
      .map(([field, type]) => ({ name: field!, type: type! })),
  }));
}

/** Whether a table keeps a person's id: a relation to one User, or a column named for a person. */
const keepsAPerson = (model: Model) =>
  model.name === "User" ||
  model.fields.some(
    (field) =>
      field.type.replace(/\?$/, "") === "User" ||
      /^(person|user|author|subject|reviewer|nominee|member|sponsor|sponsee|trainee|interviewer|viewer|respondent|mentee|mentor|manager|report|poster|owner|calibrator|facilitator|actor)Id$/.test(
        field.name,
      ),
  );

describe("personal data declared once", () => {
  test("every table is claimed by exactly one module's declaration", () => {
    const claims = new Map<string, string[]>();
    for (const [module, declaration] of personalData.all())
      for (const model of [
        ...Object.keys(declaration.holds),
        ...Object.keys(declaration.holdsNothing ?? {}),
      ])
        claims.set(model, [...(claims.get(model) ?? []), module]);
    const models = schemaModels().map((model) => model.name);
    expect(models.length).toBeGreaterThan(100);
    expect(models.filter((model) => !claims.has(model))).toEqual([]);
    expect([...claims].filter(([, modules]) => modules.length > 1)).toEqual([]);
    expect([...claims.keys()].filter((model) => !models.includes(model))).toEqual([]);
  });

  test("a table that keeps a person's id is declared as holding something about them, never as holding nothing", () => {
    const nothing = new Set(
      personalData.all().flatMap(([, declaration]) => Object.keys(declaration.holdsNothing ?? {})),
    );
    const wrong = schemaModels()
      .filter((model) => nothing.has(model.name) && keepsAPerson(model))
      .map((model) => model.name);
    expect(wrong).toEqual([]);
    // The rule reads the schema as it is: these tables are known to keep a person.
    for (const name of ["PromotionNomination", "Sponsorship", "OpportunityInterest"])
      expect(keepsAPerson(schemaModels().find((model) => model.name === name)!)).toBe(true);
  });

  test("every declaration says what erasure does to each table it holds", () => {
    for (const [module, declaration] of personalData.all())
      for (const [model, what] of Object.entries(declaration.holds))
        expect(what, `${module}: ${model}`).toMatch(/\w{3,}/);
  });

  test("every section of the person's export is filled by exactly one module, in the document's order", () => {
    const sections = personalData.exportSections();
    expect(sections.map((entry) => entry.section)).toEqual([...SECTIONS]);
    expect(
      Object.fromEntries(sections.map((entry) => [entry.section, entry.module])),
    ).toMatchObject({
      opportunities: "opportunities",
      sponsorships: "sponsorship",
      promotions: "promotions",
    });
  });

  test("a module that holds a person's words says what their export shows of them, or why nothing", () => {
    const silent = personalData
      .all()
      .filter(([, declaration]) => Object.keys(declaration.holds).length > 0)
      .filter(([, declaration]) => !declaration.exports && !declaration.notExported)
      .map(([module]) => module);
    expect(silent).toEqual([]);
  });

  test("every kind of calendar event is made by exactly one module's declaration, with the table holding its time", () => {
    const events = personalData.calendarEvents();
    expect(events.map((entry) => entry.event)).toEqual([...CALENDAR_EVENTS]);
    expect(Object.fromEntries(events.map((entry) => [entry.event, entry.module]))).toEqual({
      interview: "hiring",
      calibration: "calibration",
      conversation: "conversations",
      committee: "promotions",
    });
    // Each is a table the same module claims.
    const declarations = Object.fromEntries(personalData.all());
    for (const { module, model } of events)
      expect(
        Object.keys({ ...declarations[module]!.holds, ...declarations[module]!.holdsNothing }),
        `${module}: ${model}`,
      ).toContain(model);
    // An event's id tells its kind back, so an invitation's wording follows the module's event.
    expect(eventKind("calibration-s1")).toBe("calibration");
    expect(eventKind("i1")).toBe("interview");
  });

  test("a table that holds a meeting's time is declared as a calendar event by its module", () => {
    const declared = new Set<string>(personalData.calendarEvents().map((entry) => entry.model));
    const meetings = schemaModels()
      .filter((model) =>
        model.fields.some(
          (field) =>
            /^DateTime\??$/.test(field.type) &&
            /^(startsAt|scheduledAt|meetingStartsAt|\w+MeetingAt)$/.test(field.name),
        ),
      )
      .map((model) => model.name);
    expect(meetings.length).toBeGreaterThanOrEqual(4);
    expect(meetings.filter((model) => !declared.has(model))).toEqual([]);
  });

  test("the retention pass removes the kinds the modules declare, each once, and erases leavers after the rest", () => {
    const kinds = personalData.retentionKinds().map((entry) => `${entry.module}: ${entry.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "conversations: privateNotes",
        "feedback: feedbackTexts",
        "hiring: candidates",
      ]),
    );
    expect(kinds.at(-1)).toBe("retention: leavers");
  });
});
