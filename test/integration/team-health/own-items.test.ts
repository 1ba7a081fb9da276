// The organisation's own team health items (decision 123) against a real database, through the
// services and the pages' loaders and actions: admins alone write, change, retire and delete them
// (a 404 for anyone else); a refused form says which field and keeps what was typed; a check-in asks
// offered items only, at most four besides the seven with the library's; it keeps the wording it
// asked; a reader sees the wording in their language or, marked, as written; an own item is shown
// per item, scored as it says, and never moves the scale's score.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { teamHealthResultByApi } from "~/modules/api/team-health.server";
import type { OwnItemInput } from "~/modules/team-health/forms";
import { EDMONDSON_ITEMS } from "~/modules/team-health/items";
import { ownKey } from "~/modules/team-health/own-items";
import {
  deleteOwnItem,
  offeredOwnItems,
  ownItemsForAdmin,
  restoreOwnItem,
  retireOwnItem,
  writeOwnItem,
} from "~/modules/team-health/own-items.server";
import { startLiveCheckIn } from "~/modules/team-health/live.server";
import { MAX_ACTIVE_OWN_ITEMS } from "~/modules/team-health/policy";
import {
  answerForm,
  closeCheckIn,
  startCheckIn,
  submitAnswer,
  teamResults,
} from "~/modules/team-health/team-health.server";
import * as adminRoute from "~/routes/admin.team-health";
import * as newRoute from "~/routes/team-health.new";
import { behindRoot } from "../../utils/behind-root";
import { createPerson } from "../../utils/factories";
import {
  bodyOf,
  refusal,
  routeArgs,
  statusOf,
  thrown,
  type RouteFunction,
} from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

type Person = Awaited<ReturnType<typeof createPerson>>;

const item = (wording: Record<string, string>, language = "en", reversed = false) =>
  ({ language, wording, reversed }) as OwnItemInput;

/** The admin page's form saving an own item, posted as `viewerId`. */
const saveOwnItem = async (viewerId: string, fields: Record<string, string>) =>
  adminRoute.action(
    routeArgs(await signedInPost("/admin/team-health", viewerId, { intent: "save", ...fields })),
  );

const start = (viewer: Person, teamId: string, libraryItems: string[], ownItems: string[]) =>
  startCheckIn(viewer, {
    teamIds: [teamId],
    libraryItems: libraryItems as "meaning"[],
    ownItems,
    askComment: false,
    days: 7,
  });

let admin: Person, manager: Person, members: Person[], german: Person;
let teamId: string;

beforeAll(async () => {
  admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  manager = await createPerson({ name: "Maya Manager" });
  teamId = (await db.team.create({ data: { name: "Falcons" } })).id;
  members = [];
  for (const name of ["Ari", "Bea", "Cem", "Dov", "Eli", "Fay", "Gus"])
    members.push(await createPerson({ name: `${name} Falcon`, teamId, managerId: manager.id }));
  german = await createPerson({
    name: "Hal Falcon",
    teamId,
    managerId: manager.id,
    language: "de",
  });
  members.push(german);
});

describe("who writes the organisation's own items", () => {
  test("admins alone: a manager reads a 404 on the page, its form and the service", async () => {
    const page = await thrown(() =>
      adminRoute.loader(routeArgs(new Request("http://localhost/admin/team-health"))),
    );
    expect(statusOf(page)).toBe(302);
    const asManager = await thrown(async () =>
      adminRoute.loader(routeArgs(await signedInRequest("/admin/team-health", manager.id))),
    );
    expect(statusOf(asManager)).toBe(404);
    const posted = await thrown(() =>
      saveOwnItem(manager.id, {
        language: "en",
        "wording.en": "We review each other's work kindly.",
      }),
    );
    expect(statusOf(posted)).toBe(404);
    expect(await refusal(() => writeOwnItem(manager, item({ en: "Anything." })))).toBe(
      "not-found common:errors.notFound",
    );
    expect(await db.teamHealthItem.count()).toBe(0);
  });

  test("a refused form says which field, keeps every word typed, and writes nothing", async () => {
    const typed = {
      intent: "save",
      language: "de",
      "wording.en": "We can disagree in meetings.",
      "wording.fr": "x".repeat(201),
      reversed: "on",
    };
    const answer = await saveOwnItem(admin.id, typed);
    expect(statusOf(answer)).toBe(400);
    const body = bodyOf<{
      errors: Record<string, string[]>;
      typed: { language: string; wording: Record<string, string>; reversed: boolean };
    }>(answer);
    expect(body.errors["wording.de"]).toEqual(["teamHealth:errors.own.statement"]);
    expect(body.errors["wording.fr"]).toEqual(["teamHealth:errors.own.tooLong"]);
    expect(body.errors["wording.en"]).toBeUndefined();
    expect(body.typed).toMatchObject({
      language: "de",
      wording: { en: "We can disagree in meetings.", fr: "x".repeat(201) },
      reversed: true,
    });
    const unknownLanguage = await saveOwnItem(admin.id, { language: "xx" });
    expect(bodyOf<{ errors: Record<string, string[]> }>(unknownLanguage).errors.language).toEqual([
      "teamHealth:errors.own.language",
    ]);
    expect(await db.teamHealthItem.count()).toBe(0);
  });

  test("an admin writes one in a language, the others optional; the page lists it", async () => {
    const answer = await saveOwnItem(admin.id, {
      language: "en",
      "wording.en": "It is hard to disagree with the lead here.",
      "wording.de": "Hier ist es schwer, der Leitung zu widersprechen.",
      "wording.fr": "  ",
      reversed: "on",
    });
    expect(statusOf(answer)).toBe(302);
    const page = await adminRoute.loader(
      routeArgs(await signedInRequest("/admin/team-health", admin.id)),
    );
    expect(page.offered).toHaveLength(1);
    expect(page.offered[0]).toMatchObject({
      language: "en",
      wording: {
        en: "It is hard to disagree with the lead here.",
        de: "Hier ist es schwer, der Leitung zu widersprechen.",
      },
      reversed: true,
      asked: false,
      canDelete: true,
    });
    // In the audit log: who wrote which item (by its id), never its words.
    expect(
      await db.auditEvent.findMany({
        where: { action: { startsWith: "team_health.item" } },
        select: { action: true, actorId: true, subjectType: true, subjectId: true, detail: true },
      }),
    ).toEqual([
      {
        action: "team_health.item_written",
        actorId: admin.id,
        subjectType: "team-health-item",
        subjectId: page.offered[0]!.id,
        detail: null,
      },
    ]);
    await db.teamHealthItem.deleteMany();
  });
});

describe("what a check-in asks", () => {
  test("offered items only, at most four besides the seven with the library's; each keeps its wording as asked", async () => {
    const own = await writeOwnItem(
      admin,
      item({ en: "Our on-call load is fair.", de: "Die Rufbereitschaft ist fair verteilt." }),
    );
    const other = await writeOwnItem(
      admin,
      item({ fr: "Nos revues de code sont bienveillantes." }, "fr"),
    );

    // Five besides the seven: refused, and nothing is written.
    expect(
      await refusal(() =>
        start(manager, teamId, ["meaning", "impact", "dependability"], [own, other]),
      ),
    ).toBe("invalid teamHealth:errors.tooManyItems");
    // The same item twice counts once.
    expect(
      await refusal(() =>
        start(manager, teamId, ["meaning", "impact", "dependability"], [own, own]),
      ),
    ).toBe("allowed");
    await db.teamHealthCheckIn.deleteMany();
    await db.teamHealthItem.updateMany({ data: { askedAt: null } });

    // A retired item is not offered, and a stale form that sends it is refused.
    await retireOwnItem(admin, other);
    expect((await offeredOwnItems("en")).map((row) => row.id)).toEqual([own]);
    const form = await newRoute.loader(
      routeArgs(await signedInRequest("/team-health/new", manager.id)),
    );
    expect(form.own.map((row) => row.id)).toEqual([own]);
    expect(await refusal(() => start(manager, teamId, [], [own, other]))).toBe(
      "invalid teamHealth:errors.own.notOffered",
    );
    expect(await refusal(() => start(manager, teamId, [], ["no-such-item"]))).toBe(
      "invalid teamHealth:errors.own.notOffered",
    );
    expect(await db.teamHealthCheckIn.count()).toBe(0);

    // The start form's refusal keeps what was chosen.
    const sent = await newRoute.action(
      routeArgs(
        await signedInPost("/team-health/new", manager.id, {
          teamIds: teamId,
          ownItems: other,
          days: "7",
          askComment: "on",
        }),
      ),
    );
    expect(statusOf(sent)).toBe(400);
    expect(
      bodyOf<{ typed: { ownItems: string[]; askComment: boolean } }>(sent).typed,
    ).toMatchObject({ ownItems: [other], askComment: true });

    // A form sending more ids than could ever be asked is refused before anything is read.
    const flood = await newRoute.action(
      routeArgs(
        await signedInRequest("/team-health/new", manager.id, {
          method: "POST",
          body: new URLSearchParams([
            ["teamIds", teamId],
            ["days", "7"],
            ...Array.from({ length: 13 }, (_, index) => ["ownItems", `id-${index}`]),
          ]),
        }),
      ),
    );
    expect(statusOf(flood)).toBe(400);
    expect(bodyOf<{ errors: Record<string, string[]> }>(flood).errors.ownItems).toEqual([
      'teamHealth:errors.tooManyItems|{"max":4}',
    ]);

    // The live start form offers them too, and its check-in asks them.
    const live = await startLiveCheckIn(manager, { teamId, libraryItems: [], ownItems: [own] });
    const liveCheckIn = await db.teamHealthCheckIn.findUniqueOrThrow({
      where: { liveCode: live },
      select: { id: true, items: true },
    });
    expect(JSON.parse(liveCheckIn.items)).toContain(ownKey(own));
    await closeCheckIn(manager, liveCheckIn.id);
    await db.teamHealthCheckIn.deleteMany();

    const checkInId = await start(manager, teamId, ["meaning"], [own]);
    expect((await answerForm(members[0]!, checkInId)).items).toEqual([
      ...EDMONDSON_ITEMS,
      "meaning",
      ownKey(own),
    ]);
    // Changed afterwards, the check-in still asks what it asked; the next one asks the new words.
    await writeOwnItem(admin, item({ en: "On-call is shared fairly." }), own);
    const asked = await answerForm(members[0]!, checkInId);
    expect(asked.own[ownKey(own)]).toEqual({
      text: "Our on-call load is fair.",
      lang: null,
      reversed: false,
    });
    // In German: its German words; an item without them, as written and marked with its language.
    expect((await answerForm(german, checkInId, undefined, "de")).own[ownKey(own)]).toEqual({
      text: "Die Rufbereitschaft ist fair verteilt.",
      lang: null,
      reversed: false,
    });
    expect((await offeredOwnItems("de"))[0]).toEqual({
      id: own,
      text: "On-call is shared fairly.",
      lang: "en",
      reversed: false,
    });
    await closeCheckIn(manager, checkInId);

    // Asked once, it is retired, never deleted; one never asked is deleted.
    expect(await refusal(() => deleteOwnItem(admin, own))).toBe(
      "conflict teamHealth:errors.own.asked",
    );
    expect(await refusal(() => deleteOwnItem(manager, other))).toBe(
      "not-found common:errors.notFound",
    );
    await deleteOwnItem(admin, other);
    expect(
      (await ownItemsForAdmin(admin)).offered.map((row) => [row.id, row.asked, row.canDelete]),
    ).toEqual([[own, true, false]]);
    await retireOwnItem(admin, own);
    expect((await answerForm(members[0]!, checkInId)).own[ownKey(own)]!.text).toBe(
      "Our on-call load is fair.",
    );
    await db.teamHealthCheckIn.deleteMany();
  });

  test("at most twelve own items are offered at once: a thirteenth, or one brought back, is refused", async () => {
    const retired = (await ownItemsForAdmin(admin)).retired.map((row) => row.id);
    for (let index = 0; index < MAX_ACTIVE_OWN_ITEMS; index++)
      await writeOwnItem(admin, item({ en: `Statement ${index}.` }));
    expect(await refusal(() => writeOwnItem(admin, item({ en: "One too many." })))).toBe(
      "invalid teamHealth:errors.own.tooMany",
    );
    expect(await refusal(() => restoreOwnItem(admin, retired[0]!))).toBe(
      "invalid teamHealth:errors.own.tooMany",
    );
    // The refusal is said beside the form, with the words typed.
    const answer = await saveOwnItem(admin.id, { language: "en", "wording.en": "One too many." });
    expect(statusOf(answer)).toBe(400);
    expect(bodyOf<{ typed: { wording: { en: string } } }>(answer).typed.wording.en).toBe(
      "One too many.",
    );
    const offered = (await ownItemsForAdmin(admin)).offered.map((row) => row.id);
    expect(offered).toHaveLength(MAX_ACTIVE_OWN_ITEMS);
    await retireOwnItem(admin, offered[0]!);
    await restoreOwnItem(admin, retired[0]!);
    expect((await ownItemsForAdmin(admin)).offered).toHaveLength(MAX_ACTIVE_OWN_ITEMS);
    await db.teamHealthItem.deleteMany({ where: { askedAt: null } });
  });
});

describe("an own item's results", () => {
  test("shown per item, scored as it says, never in the scale's score; the API words it", async () => {
    const own = await writeOwnItem(
      admin,
      item(
        { en: "Deadlines here are set without us.", de: "Fristen werden ohne uns gesetzt." },
        "en",
        true,
      ),
    );
    const withOwn = await start(manager, teamId, [], [own]);
    const without = await start(admin, teamId, [], []);
    for (const [index, person] of members.entries()) {
      const values = Object.fromEntries(
        EDMONDSON_ITEMS.map((key, position) => [key, ((index + position) % 7) + 1]),
      );
      await submitAnswer(person, without, { values, comment: "" });
      await submitAnswer(person, withOwn, {
        values: { ...values, [ownKey(own)]: (index % 3) + 1 },
        comment: "",
      });
    }
    const a = await teamResults(manager, withOwn, teamId, undefined, "de");
    const b = await teamResults(manager, without, teamId);
    expect(a.score).not.toBeNull();
    expect(a.score).toEqual(b.score);
    const row = a.items.find((entry) => entry.item === ownKey(own))!;
    expect(row.figures!.scoredMean).toBeCloseTo(8 - row.figures!.mean);
    expect(a.own[ownKey(own)]).toEqual({
      text: "Fristen werden ohne uns gesetzt.",
      lang: null,
      reversed: true,
    });
    const api = await teamHealthResultByApi(manager, withOwn, teamId);
    expect(api.score).toEqual(
      b.score && { estimate: b.score.estimate, interval: b.score.interval },
    );
    expect(api.items.find((entry) => entry.item === ownKey(own))).toMatchObject({
      reversed: true,
      own: {
        language: "en",
        wording: {
          en: "Deadlines here are set without us.",
          de: "Fristen werden ohne uns gesetzt.",
        },
      },
    });
    expect(api.items.find((entry) => entry.item === "safeToRisk")!.own).toBeNull();
    // The answer page of a German reader words it in German, behind the root's language choice.
    const { loader } = await import("~/routes/team-health.$checkInId._index");
    const later = await start(manager, teamId, [], [own]);
    const page = bodyOf<{ own: Record<string, { text: string }> }>(
      await behindRoot(
        loader as RouteFunction,
        routeArgs(await signedInRequest(`/team-health/${later}`, german.id), { checkInId: later }),
      ),
    );
    expect(page.own[ownKey(own)]!.text).toBe("Fristen werden ohne uns gesetzt.");
  });
});
