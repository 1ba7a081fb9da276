import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import {
  action as programmeAction,
  loader as programmeLoader,
} from "~/routes/mentorship.$programmeId._index";
import {
  action as settingsAction,
  loader as settingsLoader,
} from "~/routes/mentorship.$programmeId.settings";
import { loader as listLoader } from "~/routes/mentorship._index";
import { action as newAction, loader as newLoader } from "~/routes/mentorship.new";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { call, programmeFields, setUp } from "./helpers";

describe("mentorship programmes", () => {
  test("an admin sets up a programme through the form; bad input is a 400 that keeps what was typed and writes nothing; others may not", async () => {
    const { admin, lena } = await setUp();
    const before = await db.mentorshipProgramme.count();
    const refused = await call(async () =>
      newAction(
        routeArgs(
          await signedInPost(
            "/mentorship/new",
            admin.id,
            programmeFields({ name: "Autumn", endsOn: "2020-01-01" }),
          ),
        ),
      ),
    );
    expect(statusOf(refused)).toBe(400);
    expect(
      bodyOf<{ initialValue: Record<string, string>; error: Record<string, string[]> }>(refused),
    ).toMatchObject({
      initialValue: { name: "Autumn" },
      error: { endsOn: ["mentorship:programmeForm.errors.endsBeforeStart"] },
    });
    const past = await call(async () =>
      newAction(
        routeArgs(
          await signedInPost(
            "/mentorship/new",
            admin.id,
            programmeFields({ matchingOn: "2020-01-01", startsOn: "2020-01-01" }),
          ),
        ),
      ),
    );
    expect(bodyOf<{ error: Record<string, string[]> }>(past).error.matchingOn).toEqual([
      "mentorship:programmeForm.errors.matchingNotAfterToday",
    ]);
    const noTeams = await call(async () =>
      newAction(
        routeArgs(
          await signedInPost("/mentorship/new", admin.id, programmeFields({ openTo: "teams" })),
        ),
      ),
    );
    expect(bodyOf<{ error: Record<string, string[]> }>(noTeams).error.teamIds).toEqual([
      "mentorship:programmeForm.errors.teamsMissing",
    ]);
    const unknownTeam = await call(async () =>
      newAction(
        routeArgs(
          await signedInPost(
            "/mentorship/new",
            admin.id,
            programmeFields({ openTo: "teams", teamIds: "nope" }),
          ),
        ),
      ),
    );
    expect(bodyOf<{ error: Record<string, string[]> }>(unknownTeam).error.teamIds).toEqual([
      "mentorship:programmeForm.errors.teamGone",
    ]);
    expect(await db.mentorshipProgramme.count()).toBe(before);

    const made = await call(async () =>
      newAction(
        routeArgs(
          await signedInPost(
            "/mentorship/new",
            admin.id,
            programmeFields({ name: "Autumn", crossTeamOnly: "on", maxTimeZoneHours: "4" }),
          ),
        ),
      ),
    );
    expect(statusOf(made)).toBe(302);
    const programmeId = (made as Response).headers.get("Location")!.split("/").at(-1)!;
    expect(
      await db.mentorshipProgramme.findUniqueOrThrow({ where: { id: programmeId } }),
    ).toMatchObject({ name: "Autumn", crossTeamOnly: true, maxTimeZoneHours: 4, weightGoals: 3 });
    expect(
      await db.auditEvent.count({
        where: { action: "mentorship.programme_created", subjectId: programmeId },
      }),
    ).toBe(1);

    expect(
      statusOf(
        await call(async () =>
          newLoader(routeArgs(await signedInRequest("/mentorship/new", lena.id))),
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await call(async () =>
          newAction(routeArgs(await signedInPost("/mentorship/new", lena.id, programmeFields()))),
        ),
      ),
    ).toBe(403);
  });

  test("a programme is listed and shown to the people it is open to; chosen teams narrow it; anyone else gets a 404", async () => {
    const { admin, lena, ravi, sasha, teams, programmeId } = await setUp();
    const list = async (personId: string) =>
      bodyOf<Awaited<ReturnType<typeof listLoader>>>(
        await listLoader(routeArgs(await signedInRequest("/mentorship", personId))),
      );
    expect((await list(lena.id)).programmes.map((programme) => programme.id)).toContain(
      programmeId,
    );
    // Sasha has no level on the ladder.
    expect((await list(sasha.id)).programmes.map((programme) => programme.id)).not.toContain(
      programmeId,
    );
    const page = async (personId: string) =>
      call(async () =>
        programmeLoader(
          routeArgs(await signedInRequest(`/mentorship/${programmeId}`, personId), { programmeId }),
        ),
      );
    expect(bodyOf<Awaited<ReturnType<typeof programmeLoader>>>(await page(lena.id))).toMatchObject({
      canOptIn: true,
      optIns: [],
      pairs: [],
      admin: null,
    });
    expect(statusOf(await page(sasha.id))).toBe(404);
    expect(
      statusOf(
        await call(async () =>
          programmeLoader(
            routeArgs(await signedInRequest("/mentorship/nope", lena.id), { programmeId: "nope" }),
          ),
        ),
      ),
    ).toBe(404);

    // Open to Search only: Lena (Checkout) no longer sees it, Ravi (Search) does.
    const values = bodyOf<Awaited<ReturnType<typeof settingsLoader>>>(
      await settingsLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/settings`, admin.id), {
          programmeId,
        }),
      ),
    ).values;
    const fields = {
      ...Object.fromEntries(
        Object.entries(values).filter(([, value]) => typeof value === "string"),
      ),
      openTo: "teams",
      teamIds: teams.search.id,
    } as Record<string, string>;
    const saved = await call(async () =>
      settingsAction(
        routeArgs(
          await signedInPost(`/mentorship/${programmeId}/settings`, admin.id, {
            ...fields,
            intent: "save",
          }),
          { programmeId },
        ),
      ),
    );
    expect(statusOf(saved)).toBe(302);
    expect(statusOf(await page(lena.id))).toBe(404);
    expect(statusOf(await page(ravi.id))).toBe(200);
    expect(
      await db.auditEvent.findFirst({
        where: { action: "mentorship.programme_updated", subjectId: programmeId },
        select: { detail: true },
      }),
    ).toMatchObject({ detail: { changed: ["openTo", "teamIds"] } });
  });

  test("settings are the admins': others who may see the programme get a 403, others a 404; the admin closes the programme", async () => {
    const { admin, lena, sasha, programmeId } = await setUp();
    expect(
      statusOf(
        await call(async () =>
          settingsLoader(
            routeArgs(await signedInRequest(`/mentorship/${programmeId}/settings`, lena.id), {
              programmeId,
            }),
          ),
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await call(async () =>
          settingsLoader(
            routeArgs(await signedInRequest(`/mentorship/${programmeId}/settings`, sasha.id), {
              programmeId,
            }),
          ),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await call(async () =>
          settingsAction(
            routeArgs(
              await signedInPost(`/mentorship/${programmeId}/settings`, lena.id, {
                ...programmeFields(),
                intent: "save",
              }),
              { programmeId },
            ),
          ),
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await call(async () =>
          programmeAction(
            routeArgs(
              await signedInPost(`/mentorship/${programmeId}`, lena.id, { intent: "close" }),
              { programmeId },
            ),
          ),
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await call(async () =>
          programmeAction(
            routeArgs(
              await signedInPost(`/mentorship/${programmeId}`, admin.id, { intent: "close" }),
              { programmeId },
            ),
          ),
        ),
      ),
    ).toBe(302);
    expect(
      bodyOf<Awaited<ReturnType<typeof programmeLoader>>>(
        await programmeLoader(
          routeArgs(await signedInRequest(`/mentorship/${programmeId}`, lena.id), { programmeId }),
        ),
      ),
    ).toMatchObject({
      programme: { phase: "closed" },
      canOptIn: false,
    });
    const bad = await call(async () =>
      settingsAction(
        routeArgs(
          await signedInPost(`/mentorship/${programmeId}/settings`, admin.id, {
            ...programmeFields(),
            intent: "save",
          }),
          { programmeId },
        ),
      ),
    );
    expect(statusOf(bad)).toBe(400);
  });
});
