// Every name field refuses the characters that make a name display as something else (a right-to-left
// override turns "Cand \u202Egnp.exe" into "Cand exe.png" on screen), with one message, and writes nothing.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { translatorOf } from "~/i18n/i18n.server";
import { messageText, wordsOf } from "~/i18n/messages";
import * as cycleRoute from "~/routes/admin.cycles.new";
import * as editRoute from "~/routes/admin.people.$personId";
import * as newPersonRoute from "~/routes/admin.people.new";
import * as teamsRoute from "~/routes/admin.teams";
import * as calibrationRoute from "~/routes/calibration.new";
import * as openingRoute from "~/routes/hiring.openings.$openingId._index";
import * as newOpeningRoute from "~/routes/hiring.openings.new";
import * as programmeRoute from "~/routes/mentorship.new";
import { createAdmin, createPerson, uniqueEmail } from "../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../utils/responses";
import { signedInPost } from "../utils/session";
import { hiringSetUp } from "./hiring/helpers";

const OVERRIDE = "Cand \u202Egnp.exe";
/** The message refusing a name with this character, as it stands (escaped) in a reply's JSON. */
const refusal = (code: string) =>
  JSON.stringify(messageText({ key: "common:errors.name.direction", values: { code } }));
const MESSAGE = refusal("U+202E");

/** The route's answer to a post: its status and its reply as text (the field errors are in it). */
async function answer(run: () => Promise<unknown>): Promise<[number, string]> {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    result = error;
  }
  return [statusOf(result), JSON.stringify(bodyOf(result))];
}

describe("names with characters that change the direction of text", () => {
  test("the refusal says which character, in the reader's words", () => {
    expect(wordsOf(translatorOf(undefined), JSON.parse(MESSAGE) as string)).toBe(
      "This name has a character that changes the direction of text (U+202E); remove it.",
    );
  });

  test("people and teams: the new-person form, a person's page, creating and renaming a team", async () => {
    const admin = await createAdmin();
    const person = await createPerson({ name: "Lena Fischer" });
    const team = await db.team.create({ data: { name: `Platform ${uniqueEmail()}` } });
    const email = uniqueEmail("bidi");
    const refused = [
      await answer(async () =>
        newPersonRoute.action(
          routeArgs(await signedInPost("/admin/people/new", admin.id, { name: OVERRIDE, email })),
        ),
      ),
      await answer(async () =>
        editRoute.action(
          routeArgs(
            await signedInPost(`/admin/people/${person.id}`, admin.id, {
              intent: "update",
              name: `Lena \u2067Fischer`,
              email: person.email,
            }),
            { personId: person.id },
          ),
        ),
      ),
      await answer(async () =>
        teamsRoute.action(
          routeArgs(
            await signedInPost("/admin/teams", admin.id, { intent: "create", name: OVERRIDE }),
          ),
        ),
      ),
      await answer(async () =>
        teamsRoute.action(
          routeArgs(
            await signedInPost("/admin/teams", admin.id, {
              intent: "rename",
              teamId: team.id,
              name: OVERRIDE,
            }),
          ),
        ),
      ),
    ];
    expect(refused.map(([status]) => status)).toEqual([400, 400, 400, 400]);
    expect(refused[1]![1]).toContain(refusal("U+2067"));
    for (const index of [0, 2, 3]) expect(refused[index]![1]).toContain(MESSAGE);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe(
      "Lena Fischer",
    );
    expect(await db.team.count({ where: { name: { contains: "\u202E" } } })).toBe(0);
  });

  test("hiring: a candidate's name, an opening's title and a stage's name", async () => {
    const facts = await hiringSetUp();
    const post = async (fields: Record<string, string>) =>
      openingRoute.action(
        routeArgs(
          await signedInPost(`/hiring/openings/${facts.openingId}`, facts.grace.id, fields),
          { openingId: facts.openingId },
        ),
      );
    const refused = [
      await answer(() =>
        post({ intent: "add-candidate", name: OVERRIDE, email: "cand@example.org" }),
      ),
      await answer(() => post({ intent: "save-stage", name: OVERRIDE })),
      await answer(async () =>
        newOpeningRoute.action(
          routeArgs(
            await signedInPost("/hiring/openings/new", facts.grace.id, {
              title: OVERRIDE,
              ladderId: "engineering",
              levelId: "ic3",
            }),
          ),
        ),
      ),
    ];
    for (const [status, text] of refused)
      expect([status, text.includes(MESSAGE)]).toEqual([400, true]);
    expect(await db.hiringCandidate.count({ where: { name: OVERRIDE } })).toBe(0);
    expect(await db.hiringStage.count({ where: { openingId: facts.openingId } })).toBe(2);
    expect(await db.hiringOpening.count({ where: { title: OVERRIDE } })).toBe(0);
  });

  test("a review cycle, a calibration session and a mentorship programme", async () => {
    const admin = await createAdmin();
    const refused = [
      await answer(async () =>
        cycleRoute.action(
          routeArgs(
            await signedInPost("/admin/cycles/new", admin.id, {
              name: OVERRIDE,
              startsOn: "2026-01-01",
              endsOn: "2026-03-31",
              participants: "everyone",
            }),
          ),
        ),
      ),
      await answer(async () =>
        calibrationRoute.action(
          routeArgs(
            await signedInPost("/calibration/new", admin.id, {
              name: OVERRIDE,
              cycleId: "c",
              ladderId: "engineering",
              facilitatorEmail: admin.email,
              population: "cycle",
            }),
          ),
        ),
      ),
      await answer(async () =>
        programmeRoute.action(
          routeArgs(
            await signedInPost("/mentorship/new", admin.id, {
              name: OVERRIDE,
              ladderId: "engineering",
              startsOn: "2026-01-01",
              endsOn: "2026-06-30",
              matchingOn: "2026-01-15",
              openTo: "everyone",
            }),
          ),
        ),
      ),
    ];
    for (const [status, text] of refused)
      expect([status, text.includes(MESSAGE)]).toEqual([400, true]);
    expect(await db.reviewCycle.count({ where: { name: OVERRIDE } })).toBe(0);
    expect(await db.calibrationSession.count({ where: { name: OVERRIDE } })).toBe(0);
    expect(await db.mentorshipProgramme.count({ where: { name: OVERRIDE } })).toBe(0);
  });
});
