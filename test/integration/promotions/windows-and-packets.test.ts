// A promotion window from the admin's choice of committees to packets: the ladder version locks as
// the window opens, the self-, manager- and sponsor-nominations the rules allow, the manager's
// addition (and no way to block), a packet built from evidence (the manager is offered only what
// the nominee shared), submitted packets the database itself keeps unchanged, amendments, and a
// calibration "promote" outcome that becomes a nomination instead of a second decision.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { i18nFor } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { ownOutcomeViews } from "~/modules/calibration/session-view.server";
import { applyDuePromotions } from "~/modules/calibration/sessions.server";
import { DomainError } from "~/modules/errors";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import { requireLadderOfVersion } from "~/modules/ladders/versions.server";
import { getPerson, setPersonActive, updatePerson } from "~/modules/people/service.server";
import { getTrackLevelCheck } from "~/modules/people/track-levels.server";
import {
  addToNomination,
  nominate,
  withdrawNomination,
} from "~/modules/promotions/nominations.server";
import {
  amendPacket,
  nominationPage,
  saveCase,
  submitPacket,
} from "~/modules/promotions/packets.server";
import { saveSettings, DEFAULT_SETTINGS } from "~/modules/promotions/settings.server";
import { nameMember } from "~/modules/promotions/committee.server";
import { promotionTargets } from "~/modules/promotions/targets";
import { createWindow, openWindow, startVotes } from "~/modules/promotions/windows.server";
import { todoFor } from "~/modules/todo/todo.server";
import * as adminRoute from "~/routes/admin.promotions._index";
import * as nominateRoute from "~/routes/promotions.nominate";
import * as nominationRoute from "~/routes/promotions.nominations.$nominationId";
import { createPerson } from "../../utils/factories";
import { renderPage } from "../../utils/render-page";
import {
  answerOf,
  answerText,
  bodyOf,
  refusal,
  routeArgs,
  statusOf,
  type RouteFunction,
} from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { adminAndLine, DAY, dayFrom, windowInput } from "./fixtures";

const now = new Date();
const day = (offset: number) => dayFrom(now, offset);

let org: Awaited<ReturnType<typeof setUp>>;

async function setUp() {
  const { admin, boss, manager } = await adminAndLine();
  const nia = await createPerson({
    name: "Nia Nominee",
    ladderId: "engineering",
    track: "ic",
    level: "ic3",
    managerId: manager.id,
  });
  const omar = await createPerson({
    name: "Omar Report",
    ladderId: "engineering",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const sol = await createPerson({
    name: "Sol Sponsor",
    ladderId: "engineering",
    track: "ic",
    level: "ic5",
  });
  const cal = await createPerson({
    name: "Cal Calibrated",
    ladderId: "engineering",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const gone = await createPerson({
    name: "Gil Gone",
    ladderId: "engineering",
    track: "ic",
    level: "ic2",
    deactivatedAt: new Date(),
  });
  return { admin, boss, manager, nia, omar, sol, cal, gone };
}

let windowId: string;

beforeAll(async () => {
  org = await setUp();
});

describe("the process and its windows", () => {
  test("a window needs committees on its ladder; opening it locks its criteria and keeps who was eligible", async () => {
    expect(await refusal(() => createWindow(org.admin, windowInput(now)))).toBe(
      "invalid promotions:errors.ladderDecidedInCalibration",
    );
    expect(
      await refusal(() =>
        saveSettings(org.manager, { scope: "", ...DEFAULT_SETTINGS, mode: "committee" }),
      ),
    ).toMatch(/^forbidden/);
    await saveSettings(org.admin, {
      scope: "",
      ...DEFAULT_SETTINGS,
      mode: "committee",
      sponsorNomination: true,
      selfNomination: true,
    });
    expect(await db.auditEvent.count({ where: { action: "promotions.settings_changed" } })).toBe(1);
    windowId = await createWindow(org.admin, windowInput(now));
    expect(
      await refusal(() =>
        nominate(
          org.nia,
          { windowId, nomineeEmail: "", targetLevelId: "ic4", statement: "Ready" },
          now,
        ),
      ),
    ).toBe("invalid promotions:errors.windowNotTakingNominations");

    // A stale version on the draft: opening takes the ladder's version of the moment and never changes after.
    await db.promotionWindow.update({
      where: { id: windowId },
      data: {
        ladderVersionId: (
          await db.ladderVersion.create({
            data: { ladderId: "engineering", hash: `old-${windowId}`, version: "0", content: {} },
          })
        ).id,
      },
    });
    await openWindow(org.admin, windowId, now);
    const opened = await db.promotionWindow.findUniqueOrThrow({ where: { id: windowId } });
    expect(opened.state).toBe("open");
    expect(opened.ladderVersionId).toBe((await servedLadderVersion("engineering"))!.versionId);
    const eligible = (
      await db.promotionEligible.findMany({ where: { windowId }, select: { personId: true } })
    ).map((row) => row.personId);
    expect(eligible).toEqual(
      expect.arrayContaining([org.nia.id, org.omar.id, org.sol.id, org.manager.id]),
    );
    expect(eligible).not.toContain(org.gone.id);
    expect(eligible).not.toContain(org.admin.id);
  });
});

describe("the end of nominations", () => {
  test("the admin starts the votes once the committee has a chair and every packet is in; nominations end then", async () => {
    const votingWindow = await createWindow(org.admin, {
      ...windowInput(now),
      name: "Votes promotions",
    });
    await openWindow(org.admin, votingWindow, now);
    expect(await refusal(() => startVotes(org.manager, votingWindow))).toBe(
      "forbidden common:errors.adminsOnly",
    );
    expect(await refusal(() => startVotes(org.admin, votingWindow))).toBe(
      "conflict promotions:errors.votesWithoutChair",
    );
    await nameMember(org.admin, votingWindow, { email: org.sol.email, role: "chair" });
    expect(await refusal(() => startVotes(org.admin, votingWindow))).toBe(
      "conflict promotions:errors.votesWithoutNominations",
    );
    const made = await nominate(
      org.manager,
      {
        windowId: votingWindow,
        nomineeEmail: org.omar.email,
        targetLevelId: "ic3",
        statement: "Runs the team's releases.",
      },
      now,
    );
    if (!made.ok) throw new Error("expected a nomination");
    const packetsOut = await startVotes(org.admin, votingWindow).catch((error: unknown) => error);
    expect(packetsOut).toBeInstanceOf(DomainError);
    expect(wordsOf(i18nFor("en").getFixedT("en"), (packetsOut as DomainError).said)).toBe(
      "1 packet is not submitted yet: the votes start once every packet is in.",
    );
    const packet = (await nominationPage(org.omar, made.nominationId, now)).packet!;
    await submitPacket(org.omar, made.nominationId, packet.id, packet.revision, now);

    await startVotes(org.admin, votingWindow, now);
    expect(
      (await db.promotionWindow.findUniqueOrThrow({ where: { id: votingWindow } })).state,
    ).toBe("committee");
    // While the committee reads, the packet may still be amended: an amendment started is on its author's to-do list until submitted.
    const packetKeys = async (person: { id: string; isAdmin: boolean }) =>
      (await todoFor(person, now))
        .filter((item) => item.kind === "promotion-packet")
        .map((item) => item.key);
    expect(await packetKeys(org.omar)).toEqual([]);
    await amendPacket(org.omar, made.nominationId, "The release train now runs weekly.", now);
    expect(await packetKeys(org.omar)).toEqual([`promotion-packet:${made.nominationId}`]);
    const amended = (await nominationPage(org.omar, made.nominationId, now)).packet!;
    await submitPacket(org.omar, made.nominationId, amended.id, amended.revision, now);
    expect(await packetKeys(org.omar)).toEqual([]);
    expect(
      (
        await db.promotionEvent.findMany({
          where: { windowId: votingWindow, kind: "state" },
          select: { change: true },
        })
      ).map((event) => JSON.parse(event.change ?? "{}")),
    ).toContainEqual({ state: ["open", "committee"] });
    expect(
      await refusal(() =>
        nominate(
          org.sol,
          {
            windowId: votingWindow,
            nomineeEmail: org.cal.email,
            targetLevelId: "ic3",
            statement: "Ready",
          },
          now,
        ),
      ),
    ).toBe("invalid promotions:errors.windowNotTakingNominations");
    // A new window the service refuses (no ladder of that id is served) comes back as filled in.
    const refusedWindow = await adminRoute.action(
      routeArgs(
        await signedInPost("/admin/promotions", org.admin.id, {
          intent: "window",
          name: "Spring round TYPED-WINDOW",
          ladderId: "no-such-ladder",
          nominationsOpenOn: "2031-03-01",
          nominationsCloseOn: "2031-03-15",
          packetsDueOn: "2031-03-29",
          votesDueOn: "2031-04-12",
          effectiveOn: "2031-05-01",
        }),
      ),
    );
    expect(statusOf(refusedWindow)).toBe(400);
    expect(JSON.stringify(bodyOf<{ reply: unknown }>(refusedWindow).reply)).toContain(
      "TYPED-WINDOW",
    );
    // Refused through the page, the form comes back with what was typed.
    const refusedPost = await nominateRoute.action(
      routeArgs(
        await signedInPost("/promotions/nominate", org.sol.id, {
          windowId: votingWindow,
          nomineeEmail: org.cal.email,
          targetLevelId: "ic3",
          statement: "Cal rebuilt the release train. STATEMENT-TYPED",
        }),
      ),
    );
    expect(statusOf(refusedPost)).toBe(400);
    expect(JSON.stringify(bodyOf<{ reply: unknown }>(refusedPost).reply)).toContain(
      "STATEMENT-TYPED",
    );
    expect(await refusal(() => startVotes(org.admin, votingWindow))).toBe(
      "conflict promotions:errors.votesNotFromOpen",
    );
  });
});

describe("nominations", () => {
  let selfNomination: string;

  test("the person nominates themselves for a higher level; the level must be a promotion and one nomination a window", async () => {
    expect(
      await refusal(() =>
        nominate(
          org.nia,
          { windowId, nomineeEmail: "", targetLevelId: "ic2", statement: "Ready" },
          now,
        ),
      ),
    ).toBe("invalid promotions:errors.targetNotAllowed");
    const made = await nominate(
      org.nia,
      {
        windowId,
        nomineeEmail: "",
        targetLevelId: "ic4",
        statement: "I led the storage migration.",
      },
      now,
    );
    expect(made.ok).toBe(true);
    selfNomination = made.ok ? made.nominationId : "";
    const row = await db.promotionNomination.findUniqueOrThrow({ where: { id: selfNomination } });
    expect({
      kind: row.kind,
      managerId: row.managerId,
      levelId: row.levelId,
      candidateNumber: row.candidateNumber,
    }).toEqual({ kind: "self", managerId: org.manager.id, levelId: "ic3", candidateNumber: 1 });
    expect(
      await refusal(() =>
        nominate(
          org.manager,
          { windowId, nomineeEmail: org.nia.email, targetLevelId: "ic4", statement: "Again" },
          now,
        ),
      ),
    ).toBe("invalid promotions:errors.alreadyNominated");
  });

  test("the manager is told (a to-do until they add to it) and cannot withdraw it; both have the packet to write", async () => {
    const keys = async (person: { id: string; isAdmin: boolean }) =>
      (await todoFor(person, now))
        .filter((item) => item.kind.startsWith("promotion"))
        .map((item) => item.key);
    expect(await keys(org.manager)).toEqual(
      expect.arrayContaining([
        `promotion-add:${selfNomination}`,
        `promotion-packet:${selfNomination}`,
      ]),
    );
    expect(await keys(org.nia)).toEqual([`promotion-packet:${selfNomination}`]);
    expect(await keys(org.boss)).toEqual([]);
    // The level is named in the reader's language (a page's, or an email's recipient's), as the ladder's translation has it.
    const target = async (language?: "ar") =>
      (await todoFor(org.manager, now, language)).find(
        (item) => item.key === `promotion-add:${selfNomination}`,
      )!.detail[0]!.values?.target;
    expect(await target()).toBe("Staff Engineer");
    expect(await target("ar")).toBe("مهندس خبير");
    await addToNomination(org.manager, selfNomination, "She also mentored two engineers.", now);
    expect(
      (await db.promotionNomination.findUniqueOrThrow({ where: { id: selfNomination } }))
        .managerAddition,
    ).toBe("She also mentored two engineers.");
    expect(await refusal(() => addToNomination(org.boss, selfNomination, "From above", now))).toBe(
      "forbidden promotions:errors.onlyManagerAdds",
    );
    expect(
      await refusal(() => withdrawNomination(org.manager, selfNomination, "Not now", now)),
    ).toBe("forbidden promotions:errors.cannotWithdraw");
    // A colleague whose page it is not learns nothing by posting to it: not even that Nia is nominated (the answer an id nobody has gets).
    const asForNobody = await refusal(() =>
      addToNomination(org.omar, "no-such-nomination", "Hm", now),
    );
    expect(asForNobody).toMatch(/^not-found /);
    expect(await refusal(() => addToNomination(org.omar, selfNomination, "Hm", now))).toBe(
      asForNobody,
    );
    expect(await refusal(() => withdrawNomination(org.omar, selfNomination, "Hm", now))).toBe(
      asForNobody,
    );
    expect(await keys(org.manager)).toEqual([`promotion-packet:${selfNomination}`]);
  });

  test("a manager and a sponsor nominate; a sponsor only while the settings allow it", async () => {
    const byManager = await nominate(
      org.manager,
      { windowId, nomineeEmail: org.omar.email, targetLevelId: "ic3", statement: "Omar is ready." },
      now,
    );
    expect(
      byManager.ok &&
        (await db.promotionNomination.findUniqueOrThrow({ where: { id: byManager.nominationId } }))
          .kind,
    ).toBe("manager");
    await saveSettings(org.admin, {
      scope: "engineering",
      ...DEFAULT_SETTINGS,
      mode: "committee",
      sponsorNomination: false,
    });
    expect(
      await refusal(() =>
        nominate(
          org.sol,
          { windowId, nomineeEmail: org.cal.email, targetLevelId: "ic3", statement: "Sponsoring" },
          now,
        ),
      ),
    ).toBe("invalid promotions:errors.sponsorNominationOff");
    // With sponsors not taken, an address nobody has gets that answer too.
    expect(
      await refusal(() =>
        nominate(
          org.sol,
          {
            windowId,
            nomineeEmail: "nobody@example.com",
            targetLevelId: "ic3",
            statement: "Sponsoring",
          },
          now,
        ),
      ),
    ).toBe("invalid promotions:errors.sponsorNominationOff");
    await saveSettings(org.admin, {
      scope: "engineering",
      ...DEFAULT_SETTINGS,
      mode: "committee",
      sponsorNomination: true,
    });
    // Nobody nominates as a sponsor without a sponsorship recorded, and an address nobody active
    // has gets the same answer: the form tells an outsider nothing of who works here.
    for (const nomineeEmail of [org.cal.email, "nobody@example.com"])
      expect(
        await refusal(() =>
          nominate(
            org.sol,
            { windowId, nomineeEmail, targetLevelId: "ic3", statement: "Sponsoring" },
            now,
          ),
        ),
        nomineeEmail,
      ).toBe("invalid promotions:errors.sponsorNeedsSponsorship");
    for (const sponsee of [org.cal, org.nia])
      await db.sponsorship.create({
        data: {
          sponsorId: org.sol.id,
          sponseeId: sponsee.id,
          advocacy: "level",
          target: "ic3",
          until: new Date(now.getTime() + 90 * 24 * 60 * 60 * 1000),
        },
      });
    // Someone who left is answered as an address nobody has.
    expect(
      await refusal(() =>
        nominate(
          org.sol,
          { windowId, nomineeEmail: org.gone.email, targetLevelId: "ic3", statement: "Sponsoring" },
          now,
        ),
      ),
    ).toBe("invalid promotions:errors.sponsorNeedsSponsorship");
    // A sponsor is not told that Nia is nominated already, nor which levels are a promotion from hers: one answer for both.
    expect(
      await refusal(() =>
        nominate(
          org.sol,
          { windowId, nomineeEmail: org.nia.email, targetLevelId: "ic4", statement: "Sponsoring" },
          now,
        ),
      ),
    ).toBe("invalid promotions:errors.sponsorCannotNominate");
    expect(
      await refusal(() =>
        nominate(
          org.sol,
          { windowId, nomineeEmail: org.nia.email, targetLevelId: "ic2", statement: "Sponsoring" },
          now,
        ),
      ),
    ).toBe("invalid promotions:errors.sponsorCannotNominate");
  });

  test("the form offers the levels open to the nominee, and only to them and their manager chain; a sponsor, or anyone by email, is offered the whole ladder with nothing marked", async () => {
    type Form = {
      chosen: {
        tracks: { id: string; levels: { id: string; title: string }[] }[];
        team: { id: string; name: string }[];
        nominee: { id: string; self: boolean; levelTitle: string | null } | null;
      };
    };
    const url = (nominee?: string) =>
      `/promotions/nominate?window=${windowId}${nominee ? `&nominee=${nominee}` : ""}`;
    const form = async (viewer: { id: string }, nominee?: string) =>
      bodyOf<Form>(
        await nominateRoute.loader(routeArgs(await signedInRequest(url(nominee), viewer.id))),
      ).chosen;
    const levelsOf = (chosen: Form["chosen"]) =>
      chosen.tracks.flatMap((track) => track.levels.map((level) => level.id));
    const window = await db.promotionWindow.findUniqueOrThrow({ where: { id: windowId } });
    const ladder = await requireLadderOfVersion(window.ladderVersionId);
    const aboveOmar = promotionTargets(ladder, "ic2").map((level) => level.id);
    const everyLevel = ladder.tracks.flatMap((track) => track.levels.map((level) => level.id));

    // Omar (Engineer II), by himself, his manager and hers: the levels above his, not theirs.
    for (const viewer of [org.omar, org.manager, org.boss]) {
      const chosen = await form(viewer, org.omar.id);
      expect(levelsOf(chosen), viewer.name).toEqual(aboveOmar);
      expect(chosen.nominee).toMatchObject({
        id: org.omar.id,
        self: viewer === org.omar,
        levelTitle: "Engineer II",
      });
    }
    // One step up: the next level, or the first level of each track branching off at his.
    expect([...aboveOmar].sort()).toEqual(["ic3", "m1", "tl1"]);
    // His manager's own levels (above Engineering Manager) are not what she is offered for him.
    expect(aboveOmar).not.toEqual(promotionTargets(ladder, "m1").map((level) => level.id));

    // A sponsor may not ask the form about Omar: the 404 of a person nobody has.
    const readAs = (viewer: { id: string }, nominee: string) =>
      signedInRequest(url(nominee), viewer.id).then((request) =>
        answerText(nominateRoute.loader as RouteFunction, request),
      );
    const nobody = await readAs(org.sol, "no-such-person");
    expect(nobody.startsWith("404")).toBe(true);
    expect(await readAs(org.sol, org.omar.id)).toBe(nobody);
    expect(await readAs(org.nia, org.omar.id)).toBe(nobody);
    expect(await readAs(org.omar, org.manager.id)).toBe(nobody);

    // Without a nominee the form does not know whose levels they are: every level, the same for anyone.
    for (const viewer of [org.sol, org.manager, org.omar]) {
      const chosen = await form(viewer);
      expect(chosen.nominee).toBeNull();
      expect(levelsOf(chosen), viewer.name).toEqual(everyLevel);
    }
    // Whom a manager may pick: the active people under them on the ladder; a sponsor nobody.
    expect((await form(org.manager)).team.map((person) => person.id).sort()).toEqual(
      [org.nia.id, org.omar.id, org.cal.id].sort(),
    );
    expect((await form(org.sol)).team).toEqual([]);

    const forOmar = await renderPage(
      nominateRoute,
      "/promotions/nominate",
      url(org.omar.id),
      org.manager.id,
    );
    expect(forOmar.html).toContain("You are nominating Omar Report, Engineer II now.");
    expect(forOmar.html).not.toMatch(/value="ic[12]"/);
    const byEmail = await renderPage(nominateRoute, "/promotions/nominate", url(), org.sol.id);
    expect(byEmail.html).toMatch(/value="ic1"/);
    expect(byEmail.html).not.toMatch(/open to you|Engineer II now/);
  });

  test("the packet: a case per criterion from the evidence on offer, gaps shown, the manager offered only what was shared", async () => {
    const kept = await db.careerEvidence.create({
      data: {
        personId: org.nia.id,
        competencyId: "code-quality",
        text: "Wrote the review guide.",
        occurredOn: new Date(now.getTime() - 30 * DAY),
      },
    });
    const page = await nominationPage(org.nia, selfNomination, now);
    expect(page.can.write).toBe(true);
    const criterion = page.packet!.criteria.find((item) => item.competencyId === "code-quality")!;
    expect(criterion.gap).toBe(true);
    expect(criterion.offered.map((item) => item.ref)).toContain(`career-evidence:${kept.id}`);
    const managerPage = await nominationPage(org.manager, selfNomination, now);
    expect(
      managerPage
        .packet!.criteria.find((item) => item.competencyId === "code-quality")!
        .offered.map((item) => item.ref),
    ).not.toContain(`career-evidence:${kept.id}`);

    // The packet is found only under its own nomination: posted to another's page, or to one that does not exist, it is not found and nothing is written.
    const another = await db.promotionNomination.findFirstOrThrow({
      where: { id: { not: selfNomination } },
      select: { id: true },
    });
    for (const nominationId of [another.id, "no-such-nomination"]) {
      expect(
        await refusal(() =>
          saveCase(
            org.nia,
            nominationId,
            page.packet!.id,
            {
              competencyId: "code-quality",
              text: "Elsewhere",
              evidence: [],
              revision: page.packet!.revision,
            },
            now,
          ),
        ),
      ).toBe("not-found promotions:errors.noSuchNomination");
      expect(
        await refusal(() =>
          submitPacket(org.nia, nominationId, page.packet!.id, page.packet!.revision, now),
        ),
      ).toBe("not-found promotions:errors.noSuchNomination");
    }
    // A revision the page never gave (a fraction, a word, past what the database holds) is a clear 400, not a server error.
    for (const revision of ["1.5", "abc", "1e30", "99999999999", ""]) {
      const answer = await nominationRoute.action(
        routeArgs(
          await signedInPost(`/promotions/nominations/${selfNomination}`, org.nia.id, {
            intent: "submit",
            packetId: page.packet!.id,
            revision,
          }),
          { nominationId: selfNomination },
        ),
      );
      expect(statusOf(answer), revision).toBe(400);
      expect(bodyOf<{ error: string }>(answer).error).toBe(
        "That form was not understood; nothing was saved. Reload the page and try again.",
      );
    }
    expect(
      await db.promotionPacket.findUniqueOrThrow({
        where: { id: page.packet!.id },
        select: { revision: true, submittedAt: true },
      }),
    ).toEqual({ revision: page.packet!.revision, submittedAt: null });
    const revision = await saveCase(
      org.nia,
      selfNomination,
      page.packet!.id,
      {
        competencyId: "code-quality",
        text: "The review guide is used by four teams.",
        evidence: [`career-evidence:${kept.id}`],
        revision: page.packet!.revision,
      },
      now,
    );
    expect(
      await refusal(() =>
        saveCase(
          org.manager,
          selfNomination,
          page.packet!.id,
          {
            competencyId: "code-quality",
            text: "Stale",
            evidence: [],
            revision: page.packet!.revision,
          },
          now,
        ),
      ),
    ).toBe("conflict promotions:errors.packetChangedMeanwhile");
    // The same conflict through the page without JavaScript: a 409 that shows the manager's words and
    // ticks as sent (here, the nominee's chosen evidence unticked), beside the newer packet's revision;
    // with JavaScript the page reads the packet again after it.
    const stale = new URLSearchParams({
      intent: "case",
      packetId: page.packet!.id,
      revision: String(page.packet!.revision),
      competencyId: "code-quality",
      text: "Stale but TYPED-BY-MAX",
    });
    const refused = await renderPage(
      nominationRoute,
      "/promotions/nominations/:nominationId",
      `/promotions/nominations/${selfNomination}`,
      org.manager.id,
      stale,
    );
    expect(refused.status).toBe(409);
    expect(refused.html).toMatch(
      /<textarea[^>]*name="text"[^>]*>Stale but TYPED-BY-MAX<\/textarea>/,
    );
    const box = refused.html.match(
      new RegExp(`<input type="checkbox" id="code-quality-career-evidence:${kept.id}"[^>]*>`),
    )?.[0];
    expect(box).toBeDefined();
    expect(box).not.toContain("checked");
    expect(refused.html).toContain(`name="revision" value="${revision}"`);
    expect(
      nominationRoute.shouldRevalidate({
        actionStatus: 409,
        defaultShouldRevalidate: false,
      } as Parameters<typeof nominationRoute.shouldRevalidate>[0]),
    ).toBe(true);
    expect(
      nominationRoute.shouldRevalidate({
        actionStatus: 400,
        defaultShouldRevalidate: false,
      } as Parameters<typeof nominationRoute.shouldRevalidate>[0]),
    ).toBe(false);
    // The manager keeps what the nominee chose, though they could not have offered it, and writes their own words.
    await saveCase(
      org.manager,
      selfNomination,
      page.packet!.id,
      {
        competencyId: "code-quality",
        text: "Agreed.",
        evidence: [`career-evidence:${kept.id}`],
        revision,
      },
      now,
    );
    expect(
      await refusal(() =>
        saveCase(
          org.manager,
          selfNomination,
          page.packet!.id,
          {
            competencyId: "code-quality",
            text: "",
            evidence: ["career-evidence:someone-elses"],
            revision: revision + 1,
          },
          now,
        ),
      ),
    ).toBe("invalid promotions:errors.unknownEvidence");
    const after = (await nominationPage(org.boss, selfNomination, now)).packet!.criteria.find(
      (item) => item.competencyId === "code-quality",
    )!;
    expect({
      nominee: after.nomineeCase,
      manager: after.managerCase,
      gap: after.gap,
      chosen: after.chosen.map((item) => item.text),
    }).toEqual({
      nominee: "The review guide is used by four teams.",
      manager: "Agreed.",
      gap: false,
      chosen: ["Wrote the review guide."],
    });
    await db.careerEvidence.update({ where: { id: kept.id }, data: { text: "Edited later." } });
    expect(
      (await nominationPage(org.nia, selfNomination, now)).packet!.criteria.find(
        (item) => item.competencyId === "code-quality",
      )!.chosen[0]!.text,
    ).toBe("Wrote the review guide.");
  });

  test("the packet is written a criterion at a time: the first without the author's own case, or the one asked; only its evidence is offered; a save goes on to the next and names the one saved", async () => {
    const openOf = (page: Awaited<ReturnType<typeof nominationPage>>) =>
      page.packet!.criteria.filter((criterion) => criterion.open).map((item) => item.competencyId);
    const offeredOf = (page: Awaited<ReturnType<typeof nominationPage>>) =>
      page
        .packet!.criteria.filter((criterion) => criterion.offered.length > 0)
        .map((item) => item.competencyId);
    await db.careerEvidence.createMany({
      data: ["testing", "system-design"].map((competencyId) => ({
        personId: org.nia.id,
        competencyId,
        text: `Evidence for ${competencyId}.`,
        occurredOn: new Date(now.getTime() - 10 * DAY),
      })),
    });
    // Both authors have written code quality: each is offered the next criterion.
    const nias = await nominationPage(org.nia, selfNomination, now);
    const criteria = nias.packet!.criteria.map((criterion) => criterion.competencyId);
    expect(criteria.slice(0, 3)).toEqual(["code-quality", "testing", "system-design"]);
    expect(openOf(nias)).toEqual(["testing"]);
    expect(offeredOf(nias)).toEqual(["testing"]);
    // One asked for opens, written or not; a criterion the packet has not is not opened.
    const asked = await nominationPage(org.nia, selfNomination, now, undefined, "system-design");
    expect(openOf(asked)).toEqual(["system-design"]);
    expect(offeredOf(asked)).toEqual(["system-design"]);
    expect(
      openOf(await nominationPage(org.nia, selfNomination, now, undefined, "code-quality")),
    ).toEqual(["code-quality"]);
    expect(
      openOf(await nominationPage(org.nia, selfNomination, now, undefined, "no-such-criterion")),
    ).toEqual(["testing"]);
    // Readers write nothing: nothing is open, nothing offered.
    const bosss = await nominationPage(org.boss, selfNomination, now, undefined, "testing");
    expect([openOf(bosss), offeredOf(bosss)]).toEqual([[], []]);

    const path = `/promotions/nominations/${selfNomination}`;
    const html = (
      await renderPage(nominationRoute, "/promotions/nominations/:nominationId", path, org.nia.id)
    ).html;
    // The open criterion's form comes back to it when refused; the others are links to open them.
    expect(html).toContain(`action="${path}?criterion=testing"`);
    expect(html).toMatch(
      /href="\?criterion=code-quality#case-code-quality"[^>]*>Change your case</,
    );
    expect(html).toMatch(
      /href="\?criterion=system-design#case-system-design"[^>]*>Write your case</,
    );
    expect(html.match(/name="text"/g)).toHaveLength(1);
    expect(html).toContain(`Written: 1 of ${criteria.length} criteria.`);

    const saved = await nominationRoute.action(
      routeArgs(
        await signedInPost(`${path}?criterion=testing`, org.nia.id, {
          intent: "case",
          packetId: nias.packet!.id,
          revision: String(nias.packet!.revision),
          competencyId: "testing",
          text: "Flaky tests went from forty to two.",
        }),
        { nominationId: selfNomination },
      ),
    );
    expect(answerOf(saved)).toEqual({ status: 302, location: `${path}?saved=testing` });
    const next = await renderPage(
      nominationRoute,
      "/promotions/nominations/:nominationId",
      `${path}?saved=testing`,
      org.nia.id,
    );
    expect(openOf(next.view as Awaited<ReturnType<typeof nominationPage>>)).toEqual([
      "system-design",
    ]);
    expect(next.html).toContain("Your case for <!-- -->Testing and verification<!-- --> is saved.");
    expect(next.html).toMatch(
      /<textarea[^>]*autofocus=""[^>]*name="text"|<textarea[^>]*name="text"[^>]*autofocus=""/,
    );
    expect(next.html).toContain(`Written: 2 of ${criteria.length} criteria.`);
    // Nia's case for testing is not her manager's: testing is still the one he writes next.
    expect(openOf(await nominationPage(org.manager, selfNomination, now))).toEqual(["testing"]);
  });

  test("a submitted packet never changes, even written to directly; a correction is a linked amendment", async () => {
    const packet = (await nominationPage(org.nia, selfNomination, now)).packet!;
    await submitPacket(org.nia, selfNomination, packet.id, packet.revision, now);
    expect(
      await refusal(() =>
        saveCase(
          org.nia,
          selfNomination,
          packet.id,
          { competencyId: "code-quality", text: "Later", evidence: [], revision: packet.revision },
          now,
        ),
      ),
    ).toBe("conflict promotions:errors.packetSubmitted");
    await expect(
      db.promotionCase.update({
        where: { packetId_competencyId: { packetId: packet.id, competencyId: "code-quality" } },
        data: { nomineeCase: "rewritten" },
      }),
    ).rejects.toThrow();
    await expect(
      db.promotionPacket.update({
        where: { id: packet.id },
        data: { amendmentReason: "rewritten" },
      }),
    ).rejects.toThrow();
    const event = await db.promotionEvent.findFirstOrThrow({
      where: { nominationId: selfNomination, kind: "packet-submitted" },
    });
    await expect(
      db.promotionEvent.update({ where: { id: event.id }, data: { reason: "rewritten" } }),
    ).rejects.toThrow();
    await expect(db.promotionEvent.delete({ where: { id: event.id } })).rejects.toThrow();

    const amendmentId = await amendPacket(
      org.nia,
      selfNomination,
      "The guide is used by five teams, not four.",
      now,
    );
    const amendment = await db.promotionPacket.findUniqueOrThrow({
      where: { id: amendmentId },
      include: { cases: true },
    });
    expect({
      amends: amendment.amendsId,
      version: amendment.ladderVersionId,
      submitted: amendment.submittedAt,
    }).toEqual({
      amends: packet.id,
      version: (await db.promotionPacket.findUniqueOrThrow({ where: { id: packet.id } }))
        .ladderVersionId,
      submitted: null,
    });
    expect(amendment.cases.find((item) => item.competencyId === "code-quality")!.nomineeCase).toBe(
      "The review guide is used by four teams.",
    );
    const page = await nominationPage(org.manager, selfNomination, now);
    expect(page.packet!.id).toBe(amendmentId);
    expect(page.packet!.versionCount).toBe(2);
    // Amended again: the page words the newest reason and counts the versions; an earlier reason is not sent.
    await submitPacket(
      org.nia,
      selfNomination,
      amendmentId,
      (await db.promotionPacket.findUniqueOrThrow({ where: { id: amendmentId } })).revision,
      now,
    );
    await amendPacket(org.nia, selfNomination, "Six teams now use it.", now);
    const again = await nominationPage(org.manager, selfNomination, now);
    expect({ reason: again.packet!.amendmentReason, versions: again.packet!.versionCount }).toEqual(
      { reason: "Six teams now use it.", versions: 3 },
    );
    expect(JSON.stringify(again)).not.toContain("The guide is used by five teams, not four.");
  });

  test("the record's time at level reads as the person's page: a level since given late counts from its day, a return from the return", async () => {
    const shownOnPage = async () => {
      const person = await getPerson(org.nia.id);
      return (
        person.levelSince ?? (person.levelMovedAt ?? person.createdAt).toISOString().slice(0, 10)
      );
    };
    const shownInPacket = async () =>
      (await nominationPage(org.manager, selfNomination, now))
        .record!.atLevelSince.toISOString()
        .slice(0, 10);
    // An admin learns today that Nia has been at her level for a year: not since today, when Rungs was told.
    const value = {
      name: org.nia.name,
      email: org.nia.email,
      managerEmail: org.manager.email,
      track: "ic",
      level: "ic3",
      levelSince: day(-365),
    };
    expect(
      (await updatePerson(org.admin.id, org.nia.id, value, await getTrackLevelCheck())).ok,
    ).toBe(true);
    expect(await shownInPacket()).toBe(day(-365));
    expect(await shownInPacket()).toBe(await shownOnPage());

    // She left last month and is back: her time at the level starts again at her return (decision 075), on her page as in the packet.
    await db.user.update({
      where: { id: org.nia.id },
      data: { deactivatedAt: new Date(now.getTime() - 30 * DAY) },
    });
    expect(await setPersonActive(org.admin.id, org.nia.id, true)).toEqual({ ok: true });
    const returned = (
      await db.levelChange.findFirstOrThrow({
        where: { personId: org.nia.id, source: "reactivated" },
      })
    ).changedAt
      .toISOString()
      .slice(0, 10);
    expect(await shownInPacket()).toBe(returned);
    expect(await shownInPacket()).toBe(await shownOnPage());
  });

  test("the record's outcomes are those released to the nominee: a published calibration's released outcome and a committee's released decision, newest first", async () => {
    const version = (await servedLadderVersion("engineering"))!.versionId;
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Record reviews",
        startsOn: new Date(now.getTime() - 400 * DAY),
        endsOn: new Date(now.getTime() - 300 * DAY),
      },
    });
    const calibration = async (name: string, state: string, released: boolean, outcome: string) => {
      const session = await db.calibrationSession.create({
        data: {
          name,
          cycleId: cycle.id,
          facilitatorId: org.boss.id,
          state,
          ladderId: "engineering",
          ladderVersionId: version,
          groupFloor: 4,
        },
      });
      await db.calibrationEntry.create({
        data: {
          sessionId: session.id,
          personId: org.nia.id,
          trackId: "ic",
          levelId: "ic2",
          finalOutcome: outcome,
          released,
        },
      });
      return session;
    };
    const shown = await calibration("Spring record calibration", "published", true, "stay");
    await calibration("Unreleased record calibration", "published", false, "promote");
    await calibration("Unpublished record calibration", "meeting", true, "promote");
    const decided = async (name: string, releasedAt: Date | null) => {
      const window = await db.promotionWindow.create({
        data: {
          name,
          ladderId: "engineering",
          ladderVersionId: version,
          state: "closed",
          nominationsOpenOn: new Date(now.getTime() - 200 * DAY),
          nominationsCloseOn: new Date(now.getTime() - 190 * DAY),
          packetsDueOn: new Date(now.getTime() - 180 * DAY),
          votesDueOn: new Date(now.getTime() - 170 * DAY),
          effectiveOn: new Date(now.getTime() - 160 * DAY),
          minMembers: 3,
          membersAtOrAbove: true,
          minOutsideMembers: 1,
          redactedFirstRead: false,
        },
      });
      const nomination = await db.promotionNomination.create({
        data: {
          windowId: window.id,
          nomineeId: org.nia.id,
          kind: "self",
          nominatedById: org.nia.id,
          targetTrackId: "ic",
          targetLevelId: "ic3",
          statement: "",
          candidateNumber: 1,
        },
      });
      await db.promotionDecision.create({
        data: {
          nominationId: nomination.id,
          outcome: "promote",
          rationale: "",
          decidedById: org.boss.id,
          decidedAt: new Date(now.getTime() - 165 * DAY),
          releasedAt,
        },
      });
      return window;
    };
    const releasedAt = new Date(now.getTime() - 160 * DAY);
    await decided("Released record window", releasedAt);
    await decided("Unreleased record window", null);
    try {
      const page = await nominationPage(org.manager, selfNomination, now);
      const storedSession = await db.calibrationSession.findUniqueOrThrow({
        where: { id: shown.id },
      });
      expect(page.record!.outcomes).toEqual([
        {
          source: "calibration",
          name: "Spring record calibration",
          outcome: "stay",
          on: storedSession.updatedAt,
        },
        { source: "committee", name: "Released record window", outcome: "promote", on: releasedAt },
      ]);
      expect(JSON.stringify(page)).not.toMatch(/Unreleased record|Unpublished record/);
    } finally {
      const nominations = await db.promotionNomination.findMany({
        where: { nomineeId: org.nia.id, window: { name: { contains: "record window" } } },
      });
      await db.promotionDecision.deleteMany({
        where: { nominationId: { in: nominations.map((row) => row.id) } },
      });
      await db.promotionNomination.deleteMany({
        where: { id: { in: nominations.map((row) => row.id) } },
      });
      await db.promotionWindow.deleteMany({ where: { name: { contains: "record window" } } });
      await db.calibrationSession.deleteMany({ where: { cycleId: cycle.id } });
      await db.reviewCycle.delete({ where: { id: cycle.id } });
    }
  });
});

describe("calibration and committees", () => {
  test("a released calibration promotion on a committee ladder becomes a nomination into the open window, and calibration never applies it", async () => {
    const version = (await servedLadderVersion("engineering"))!.versionId;
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Autumn reviews",
        startsOn: new Date(now.getTime() - 90 * DAY),
        endsOn: new Date(now.getTime() - 10 * DAY),
      },
    });
    const session = await db.calibrationSession.create({
      data: {
        name: "Autumn calibration",
        cycleId: cycle.id,
        facilitatorId: org.boss.id,
        state: "published",
        ladderId: "engineering",
        ladderVersionId: version,
        groupFloor: 4,
        promotionsEffectiveOn: new Date(now.getTime() - DAY),
      },
    });
    const entry = await db.calibrationEntry.create({
      data: {
        sessionId: session.id,
        personId: org.cal.id,
        managerId: org.manager.id,
        trackId: "ic",
        levelId: "ic2",
        finalRating: 4,
        finalOutcome: "promote",
        finalLevelId: "ic3",
        rationale: "Cal ran the on-call rotation.",
        released: true,
      },
    });
    expect(await applyDuePromotions(now)).toBe(0);
    expect(await applyDuePromotions(now)).toBe(0);
    const nominations = await db.promotionNomination.findMany({
      where: { calibrationEntryId: entry.id },
    });
    expect(
      nominations.map((row) => ({
        window: row.windowId,
        kind: row.kind,
        target: row.targetLevelId,
        statement: row.statement,
        by: row.nominatedById,
      })),
    ).toEqual([
      {
        window: windowId,
        kind: "calibration",
        target: "ic3",
        statement: "Cal ran the on-call rotation.",
        by: org.boss.id,
      },
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: org.cal.id } })).level).toBe("ic2");
    expect(
      (await db.calibrationEntry.findUniqueOrThrow({ where: { id: entry.id } })).appliedAt,
    ).toBeNull();
    // What the person reads of their calibration outcome says who decides now.
    const said = (language: "en" | "de" | "ar") =>
      ownOutcomeViews(org.cal.id, language).then((views) =>
        views.map((view) => wordsOf(i18nFor(language).getFixedT(language, "growth"), view.outcome)),
      );
    expect(await said("en")).toEqual([
      "Put forward for promotion to Senior Engineer: the promotion committee decides.",
    ]);
    expect(await said("de")).toEqual([
      "Für eine Beförderung zu Senior Engineer vorgeschlagen: Das Beförderungsgremium entscheidet.",
    ]);
    // The level as the ladder's Arabic translation names it.
    expect((await said("ar"))[0]).toContain("مهندس أول");
  });
});
