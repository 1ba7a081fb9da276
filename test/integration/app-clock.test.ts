// One clock (decision 078): the columns that say when something happened in the organisation take
// the app's clock when a row is written, not the machine's; sign-in machinery keeps real time.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { APP_CLOCK_DEFAULTS, MACHINE_TIME_DEFAULTS } from "~/db/app-clock-defaults";
import { startSession } from "~/modules/identity/sessions/session.server";
import { createPerson } from "../utils/factories";

const TEST_DAY = new Date("2031-03-04T10:00:00Z");
// Before the clock is first read (it reads its setting once): this worker runs on a test clock, as
// a journey's server does.
const clockFile = join(mkdtempSync(join(tmpdir(), "rungs-clock-")), "clock.json");
writeFileSync(clockFile, JSON.stringify({ at: TEST_DAY.toISOString(), setAt: Date.now() }));
process.env.RUNGS_TEST_CLOCK = clockFile;
process.env.RUNGS_TEST_CLOCK_ALLOWED = "1";

/** Within a minute of `at`: the test clock moves on from the instant set, in real time. */
const near = (value: Date, at: Date) => Math.abs(value.getTime() - at.getTime()) < 60_000;

describe("one clock", () => {
  test("every column that defaults to the time of writing is on the app's clock or, for sign-in machinery, the machine's", () => {
    const schema = readFileSync("prisma/schema.prisma", "utf8");
    const defaults = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].flatMap(
      ([, model, body]) =>
        body!
          .split("\n")
          .filter((line) => line.includes("@default(now())"))
          .map((line) => `${model}.${line.trim().split(/\s+/)[0]}`),
    );
    const listed = (lists: typeof APP_CLOCK_DEFAULTS) =>
      Object.entries(lists).flatMap(([model, columns]) =>
        (columns ?? []).map((column) => `${model}.${column}`),
      );
    expect(defaults.length).toBeGreaterThan(60);
    expect([...listed(APP_CLOCK_DEFAULTS), ...listed(MACHINE_TIME_DEFAULTS)].sort()).toEqual(
      [...defaults].sort(),
    );
  });

  test("what people do is dated on the app's clock, however it is written; a sign-in session on the machine's", async () => {
    const poster = await createPerson({ name: "Pat Poster" });
    const person = await createPerson({ name: "Lena Person" });
    expect(near(person.createdAt, TEST_DAY)).toBe(true);
    const opportunity = await db.opportunity.create({
      data: {
        kind: "project",
        title: "Stretch",
        ladderId: "engineering",
        competencyIds: "[]",
        hoursPerWeek: 4,
        startsOn: TEST_DAY,
        endsOn: TEST_DAY,
        posterId: poster.id,
      },
    });
    expect(near(opportunity.createdAt, TEST_DAY)).toBe(true);
    await db.$transaction(async (tx) => {
      await tx.opportunityInterest.createMany({
        data: [{ opportunityId: opportunity.id, personId: person.id, note: "" }],
      });
      await tx.opportunityView.upsert({
        where: { opportunityId_personId: { opportunityId: opportunity.id, personId: person.id } },
        create: { opportunityId: opportunity.id, personId: person.id },
        update: {},
      });
    });
    const interest = await db.opportunityInterest.findFirstOrThrow({
      where: { personId: person.id },
    });
    const view = await db.opportunityView.findFirstOrThrow({ where: { personId: person.id } });
    expect(near(interest.createdAt, TEST_DAY)).toBe(true);
    expect(near(view.viewedAt, TEST_DAY)).toBe(true);
    // Given by the caller, kept as given.
    const earlier = new Date("2030-01-01T00:00:00Z");
    const given = await db.sponsorship.create({
      data: {
        sponsorId: poster.id,
        sponseeId: person.id,
        advocacy: "role",
        target: "Lead",
        until: TEST_DAY,
        createdAt: earlier,
      },
    });
    expect(given.createdAt).toEqual(earlier);
    // Sign-in ages in real time.
    await startSession(person.id);
    const session = await db.session.findFirstOrThrow({ where: { userId: person.id } });
    expect(near(session.createdAt, new Date())).toBe(true);
    expect(near(session.createdAt, TEST_DAY)).toBe(false);
  });
});
