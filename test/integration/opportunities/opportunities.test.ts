// Stretch opportunities against a real database, through their services and their pages' loaders and
// actions: who may post, the ranking by growth-plan gaps, interest with a note that reaches the
// manager, a choice whose reason reaches the person not chosen, evidence from the work, and who reads
// what (a marker in every note and reason; each role reads every page).
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { evidenceForSelfAssessment } from "~/modules/conversations/evidence.server";
import { saveGrowthPlan } from "~/modules/growth/growth-plan.server";
import {
  chooseForOpportunity,
  expressInterest,
  opportunityAccess,
  opportunityPage,
  postOpportunity,
  setPoster,
  withdrawOpportunity,
} from "~/modules/opportunities/opportunities.server";
import { queueReminders } from "~/modules/notifications/outbox.server";
import { todoFor } from "~/modules/todo/todo.server";
import * as listRoute from "~/routes/opportunities._index";
import * as newRoute from "~/routes/opportunities.new";
import * as pageRoute from "~/routes/opportunities.$opportunityId";
import * as adminRoute from "~/routes/admin.stretch";
import * as homeRoute from "~/routes/_index";
import { answerText, bodyOf, refused, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { createPerson } from "../../utils/factories";

type Person = Awaited<ReturnType<typeof createPerson>>;

const NOTE = (who: string) => `NOTE-${who}-71c3`;
const REASON = "REASON-71c3";

const basics = {
  description: "",
  ladderId: "engineering",
  hoursPerWeek: 4,
  startsOn: "2027-01-04",
  endsOn: "2027-03-26",
};

let manager: Person,
  lena: Person,
  omar: Person,
  otto: Person,
  otherManager: Person,
  admin: Person,
  poster: Person;
let testing: string, hiring: string;

beforeAll(async () => {
  manager = await createPerson({ name: "Sam Manager", track: "manager", level: "m2" });
  otherManager = await createPerson({ name: "Nia Manager", track: "manager", level: "m2" });
  lena = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  omar = await createPerson({
    name: "Omar Engineer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  otto = await createPerson({
    name: "Otto Outsider",
    track: "ic",
    level: "ic2",
    managerId: otherManager.id,
  });
  admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  poster = await createPerson({ name: "Priya Principal", track: "ic", level: "ic5" });
  expect(await saveGrowthPlan(lena.id, { target: "ic3", focus: ["testing"] })).toEqual({
    ok: true,
  });
  // Lena is not assessed yet, so every competency is half a gap; her growth plan's focus weighs twice, which puts the
  // project first although the gig starts sooner.
  hiring = await postOpportunity(manager, {
    ...basics,
    kind: "gig",
    title: "Interview panel gig",
    competencyIds: ["hiring"],
    startsOn: "2026-12-14",
  });
  testing = await postOpportunity(manager, {
    ...basics,
    kind: "project",
    title: "Test harness project",
    competencyIds: ["testing"],
    minLevel: "ic2",
    maxLevel: "ic3",
  });
});

describe("stretch opportunities", () => {
  test("managers post, and people an admin allows; anyone else is refused and the posting page is a 404", async () => {
    expect(
      await refused(() =>
        postOpportunity(lena, {
          ...basics,
          kind: "rotation",
          title: "Rotation",
          competencyIds: ["testing"],
        }),
      ),
    ).toBe("forbidden");
    expect(
      statusOf(
        await thrown(async () =>
          newRoute.loader(routeArgs(await signedInRequest("/opportunities/new", poster.id))),
        ),
      ),
    ).toBe(404);
    // The admins' page is a 404 to anyone else, and so is its action.
    expect(
      statusOf(
        await thrown(async () =>
          adminRoute.loader(routeArgs(await signedInRequest("/admin/stretch", manager.id))),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await thrown(async () =>
          adminRoute.action(
            routeArgs(
              await signedInPost("/admin/stretch", manager.id, {
                intent: "allow",
                email: poster.email,
              }),
            ),
          ),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await adminRoute.action(
          routeArgs(
            await signedInPost("/admin/stretch", admin.id, {
              intent: "allow",
              email: poster.email,
            }),
          ),
        ),
      ),
    ).toBe(302);
    const page = bodyOf<{ posters: { name: string }[] }>(
      await adminRoute.loader(routeArgs(await signedInRequest("/admin/stretch", admin.id))),
    );
    expect(page.posters.map((person) => person.name)).toEqual(["Priya Principal"]);
    expect(
      statusOf(
        await newRoute.loader(routeArgs(await signedInRequest("/opportunities/new", poster.id))),
      ),
    ).toBe(200);
    // A ladder the address names that Rungs does not serve is said, not swapped for another.
    expect(
      statusOf(
        await thrown(async () =>
          newRoute.loader(
            routeArgs(await signedInRequest("/opportunities/new?ladder=nope", poster.id)),
          ),
        ),
      ),
    ).toBe(400);
    // A bad posting changes nothing and says why.
    const before = await db.opportunity.count();
    const bad = await newRoute.action(
      routeArgs(
        await signedInPost("/opportunities/new", poster.id, {
          kind: "gig",
          title: "Gig",
          ladderId: "engineering",
          competencyIds: "no-such-competency",
          hoursPerWeek: "2",
          startsOn: "2027-01-04",
          endsOn: "2027-01-18",
        }),
      ),
    );
    expect(statusOf(bad)).toBe(400);
    expect(await db.opportunity.count()).toBe(before);
    await setPoster(admin, poster.email, false);
    expect(
      await refused(() =>
        postOpportunity(poster, {
          ...basics,
          kind: "gig",
          title: "Gig",
          competencyIds: ["testing"],
        }),
      ),
    ).toBe("forbidden");
  });

  test("people see open opportunities ranked by the gaps in their growth plan they would close", async () => {
    const list = bodyOf<Awaited<ReturnType<typeof listRoute.loader>>>(
      await listRoute.loader(routeArgs(await signedInRequest("/opportunities", lena.id))),
    );
    const mine = list.open.filter(
      (opportunity) => opportunity.id === testing || opportunity.id === hiring,
    );
    expect(
      mine.map((opportunity) => [
        opportunity.title,
        opportunity.closes.map((competency) => competency.id),
        opportunity.focusCloses,
        opportunity.fitsLevel,
      ]),
    ).toEqual([
      ["Test harness project", ["testing"], ["testing"], true],
      ["Interview panel gig", ["hiring"], [], true],
    ]);
  });

  test("interest with a note reaches the manager; the choice's reason reaches the person not chosen; the chosen one records evidence", async () => {
    const url = `/opportunities/${testing}`;
    const params = { opportunityId: testing };
    // An empty note is refused and writes nothing.
    expect(
      statusOf(
        await pageRoute.action(
          routeArgs(await signedInPost(url, lena.id, { intent: "interest", note: "  " }), params),
        ),
      ),
    ).toBe(400);
    expect(await db.opportunityInterest.count({ where: { opportunityId: testing } })).toBe(0);
    expect(
      statusOf(
        await pageRoute.action(
          routeArgs(
            await signedInPost(url, lena.id, {
              intent: "interest",
              note: `I wrote our flaky-test triage ${NOTE("lena")}`,
            }),
            params,
          ),
        ),
      ),
    ).toBe(302);
    await expressInterest(omar, testing, `I want to learn property testing ${NOTE("omar")}`);
    await expressInterest(otto, testing, `Happy to help ${NOTE("otto")}`);
    expect(await refused(() => expressInterest(omar, testing, "again"))).toBe("invalid");
    // Refused through the page (already interested), the note comes back with the answer, for the form to show again.
    const again = await pageRoute.action(
      routeArgs(
        await signedInPost(url, lena.id, {
          intent: "interest",
          note: "Second thoughts TYPED-AGAIN",
        }),
        params,
      ),
    );
    expect(statusOf(again)).toBe(400);
    expect(bodyOf<{ typed: Record<string, string> }>(again).typed).toMatchObject({
      note: "Second thoughts TYPED-AGAIN",
    });

    const managerTodo = await todoFor(manager, new Date());
    expect(
      managerTodo
        .filter((item) => item.kind === "opportunity-interest")
        .map((item) => item.key)
        .sort(),
    ).toEqual(
      [
        `opportunity-interest:${testing}/${lena.id}`,
        `opportunity-interest:${testing}/${omar.id}`,
      ].sort(),
    );
    expect(
      (await todoFor(manager, new Date())).find((item) => item.kind === "opportunity-decide")?.key,
    ).toBe(`opportunity-decide:${testing}`);
    // Opening the page is reading what they were told.
    await pageRoute.loader(routeArgs(await signedInRequest(url, manager.id), params));
    expect(
      (await todoFor(manager, new Date())).filter((item) => item.kind === "opportunity-interest"),
    ).toEqual([]);

    // Criteria must be competencies it exercises, and a reason is needed: nothing changes otherwise.
    expect(
      await refused(() =>
        chooseForOpportunity(manager, testing, {
          personId: lena.id,
          criteriaIds: ["hiring"],
          reason: "Because",
        }),
      ),
    ).toBe("invalid");
    expect(
      await refused(() =>
        chooseForOpportunity(otherManager, testing, {
          personId: lena.id,
          criteriaIds: ["testing"],
          reason: "Because",
        }),
      ),
    ).toBe("forbidden");
    expect(
      statusOf(
        await pageRoute.action(
          routeArgs(
            await signedInPost(url, manager.id, {
              intent: "choose",
              personId: lena.id,
              criteriaIds: "testing",
              reason: "",
            }),
            params,
          ),
        ),
      ),
    ).toBe(400);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: testing } })).status).toBe(
      "open",
    );
    const chosen = await pageRoute.action(
      routeArgs(
        await signedInPost(url, manager.id, {
          intent: "choose",
          personId: lena.id,
          criteriaIds: "testing",
          reason: `Lena's triage work shows the testing depth this needs ${REASON}`,
        }),
        params,
      ),
    );
    expect(statusOf(chosen)).toBe(302);

    // The email tells each person interested that a choice is made, and carries no note and no reason.
    await queueReminders(new Date());
    const emails = await db.outboxMessage.findMany({
      select: { userId: true, subject: true, textBody: true, htmlBody: true },
    });
    expect(
      emails
        .filter((email) => email.userId === omar.id)
        .map((email) => email.textBody)
        .join("\n"),
    ).toContain("Read the choice made for Test harness project");
    expect(JSON.stringify(emails)).not.toMatch(/NOTE-|REASON-/);

    const omarTodo = (await todoFor(omar, new Date())).filter(
      (item) => item.kind === "opportunity-outcome",
    );
    expect(omarTodo.map((item) => item.key)).toEqual([`opportunity-outcome:${testing}`]);
    const omarPage = bodyOf<Awaited<ReturnType<typeof pageRoute.loader>>>(
      await pageRoute.loader(routeArgs(await signedInRequest(url, omar.id), params)),
    );
    expect(omarPage.ownOutcome).toBe("not-chosen");
    expect(omarPage.decision?.reason).toContain(REASON);
    expect(omarPage.decision?.criteria.map((competency) => competency.id)).toEqual(["testing"]);
    // Who was chosen is the poster's and the chosen person's to know.
    expect(omarPage.decision?.chosenName).toBeNull();
    expect(
      (await todoFor(omar, new Date())).filter((item) => item.kind === "opportunity-outcome"),
    ).toEqual([]);

    expect(
      statusOf(
        await thrown(async () =>
          pageRoute.action(
            routeArgs(
              await signedInPost(url, omar.id, {
                intent: "evidence",
                competencyId: "testing",
                text: "Not mine to record",
                occurredOn: "2026-11-02",
              }),
              params,
            ),
          ),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await pageRoute.action(
          routeArgs(
            await signedInPost(url, lena.id, {
              intent: "evidence",
              competencyId: "testing",
              text: "Replaced the retry loop with deterministic fakes",
              occurredOn: "2026-11-02",
            }),
            params,
          ),
        ),
      ),
    ).toBe(302);
    const offered = await evidenceForSelfAssessment(lena.id);
    expect(offered.get("testing")?.map((item) => item.text)).toEqual([
      "Replaced the retry loop with deterministic fakes",
    ]);

    const access = (await opportunityAccess()).filter((row) => row.opportunityId === testing);
    const byPerson = new Map(access.map((row) => [row.personId, row]));
    expect(byPerson.get(lena.id)).toMatchObject({ saw: true, applied: true, chosen: true });
    expect(byPerson.get(omar.id)).toMatchObject({ saw: true, applied: true, chosen: false });
    // The poster opening their own posting is not someone who saw an opportunity.
    expect(byPerson.has(manager.id)).toBe(false);
  });

  test("each role reads only what is theirs: notes to the person, the poster and their manager; the reason to the poster and those who expressed interest", async () => {
    const url = `/opportunities/${testing}`;
    const read = async (
      loader: Parameters<typeof answerText>[0],
      path: string,
      viewer: Person,
      params: Record<string, string> = {},
    ) => answerText(loader, await signedInRequest(path, viewer.id), params);
    const pages = async (viewer: Person) =>
      [
        await read(pageRoute.loader, url, viewer, { opportunityId: testing }),
        await read(listRoute.loader, "/opportunities", viewer),
        await read(homeRoute.loader, "/", viewer),
      ].join("\n");
    const seen = async (viewer: Person) => {
      const text = await pages(viewer);
      return ["lena", "omar", "otto"]
        .filter((who) => text.includes(NOTE(who)))
        .concat(text.includes(REASON) ? ["reason"] : []);
    };
    expect(await seen(lena)).toEqual(["lena", "reason"]);
    expect(await seen(omar)).toEqual(["omar", "reason"]);
    expect(await seen(otto)).toEqual(["otto", "reason"]);
    expect(await seen(manager)).toEqual(["lena", "omar", "otto", "reason"]);
    expect(await seen(otherManager)).toEqual(["otto"]);
    expect(await seen(admin)).toEqual([]);
    // A decided opportunity is a 404 to anyone not part of it.
    expect(
      (await read(pageRoute.loader, url, admin, { opportunityId: testing })).startsWith("404"),
    ).toBe(true);
    expect(
      (
        await read(pageRoute.loader, "/opportunities/nope", lena, { opportunityId: "nope" })
      ).startsWith("404"),
    ).toBe(true);
  });

  test("an opportunity whose poster left is offered to nobody: not in the list, nor by its link to someone not part of it; who expressed interest still reads it", async () => {
    const leaver = await createPerson({ name: "Leo Leaving", track: "ic", level: "ic5" });
    await setPoster(admin, leaver.email, true);
    const orphan = await postOpportunity(leaver, {
      ...basics,
      kind: "gig",
      title: "Orphaned gig",
      competencyIds: ["testing"],
    });
    await expressInterest(omar, orphan, `Interested ${NOTE("omar-orphan")}`);
    await db.user.update({ where: { id: leaver.id }, data: { deactivatedAt: new Date() } });
    const listed = bodyOf<Awaited<ReturnType<typeof listRoute.loader>>>(
      await listRoute.loader(routeArgs(await signedInRequest("/opportunities", lena.id))),
    );
    expect(JSON.stringify(listed)).not.toContain("Orphaned gig");
    const url = `/opportunities/${orphan}`;
    expect(
      statusOf(
        await thrown(async () =>
          pageRoute.loader(
            routeArgs(await signedInRequest(url, lena.id), { opportunityId: orphan }),
          ),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await thrown(async () =>
          pageRoute.action(
            routeArgs(await signedInPost(url, lena.id, { intent: "interest", note: "Me too" }), {
              opportunityId: orphan,
            }),
          ),
        ),
      ),
    ).toBe(404);
    expect(await db.opportunityInterest.count({ where: { opportunityId: orphan } })).toBe(1);
    const omars = bodyOf<Awaited<ReturnType<typeof pageRoute.loader>>>(
      await pageRoute.loader(
        routeArgs(await signedInRequest(url, omar.id), { opportunityId: orphan }),
      ),
    );
    expect(omars.opportunity.title).toBe("Orphaned gig");
  });

  test("the poster decides only while it is open and never asks for their own; decided or withdrawn, they still read it, and nobody asks for it any more", async () => {
    // A poster who manages nobody who expressed interest: they read it as its poster alone.
    const pola = await createPerson({ name: "Pola Poster", track: "ic", level: "ic5" });
    await setPoster(admin, pola.email, true);
    const gig = await postOpportunity(pola, {
      ...basics,
      kind: "gig",
      title: "Docs gig",
      competencyIds: ["testing"],
    });
    expect(await refused(() => expressInterest(pola, gig, "Mine"))).toBe("forbidden");
    expect((await opportunityPage(pola, gig)).canExpressInterest).toBe(false);
    await expressInterest(lena, gig, "I would like the docs gig");
    await chooseForOpportunity(pola, gig, {
      personId: lena.id,
      criteriaIds: ["testing"],
      reason: "Lena asked first",
    });
    const decided = await opportunityPage(pola, gig);
    expect([decided.opportunity.title, decided.canDecide]).toEqual(["Docs gig", false]);
    expect(await refused(() => withdrawOpportunity(pola, gig))).toBe("forbidden");
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: gig } })).status).toBe("chosen");
    // Lena's manager reads it through her interest, but may no longer ask for it.
    expect((await opportunityPage(manager, gig)).canExpressInterest).toBe(false);
    expect(await refused(() => expressInterest(manager, gig, "Me too"))).toBe("forbidden");
    expect(await db.opportunityInterest.count({ where: { opportunityId: gig } })).toBe(1);

    const quiet = await postOpportunity(pola, {
      ...basics,
      kind: "gig",
      title: "Quiet gig",
      competencyIds: ["testing"],
    });
    await withdrawOpportunity(pola, quiet);
    expect((await opportunityPage(pola, quiet)).opportunity.title).toBe("Quiet gig");
  });

  test("opened in two tabs at once, an opportunity is recorded as seen once, and both open", async () => {
    const poster = await createPerson({ name: "Tess Twice", track: "ic", level: "ic5" });
    await setPoster(admin, poster.email, true);
    const gig = await postOpportunity(poster, {
      ...basics,
      kind: "gig",
      title: "Twice gig",
      competencyIds: ["testing"],
    });
    const [first, second] = await Promise.all([
      opportunityPage(lena, gig),
      opportunityPage(lena, gig),
    ]);
    expect([first.opportunity.title, second.opportunity.title]).toEqual(["Twice gig", "Twice gig"]);
    expect(
      await db.opportunityView.count({ where: { opportunityId: gig, personId: lena.id } }),
    ).toBe(1);
  });
});
