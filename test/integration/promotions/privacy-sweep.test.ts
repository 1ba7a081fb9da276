// A nomination and its packet reach only who may read them: every text carries a marker, and each
// role reads every promotions page (and the loader data a page's `.data` carries). The nominee, their
// manager chain and admins read the packet; the window's committee once it is submitted; a sponsor
// their nomination's statement but not the packet; anyone else, a 404 and nothing of it. Evidence the
// nominee has not put in the packet nor shared reaches nobody but them.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { addToNomination, nominate } from "~/modules/promotions/nominations.server";
import { nominationPage, saveCase, submitPacket } from "~/modules/promotions/packets.server";
import { DEFAULT_SETTINGS, saveSettings } from "~/modules/promotions/settings.server";
import { createWindow, openWindow } from "~/modules/promotions/windows.server";
import * as indexRoute from "~/routes/promotions._index";
import * as nominateRoute from "~/routes/promotions.nominate";
import * as nominationRoute from "~/routes/promotions.nominations.$nominationId";
import * as adminRoute from "~/routes/admin.promotions._index";
import * as adminWindowRoute from "~/routes/admin.promotions.$windowId";
import * as auditRoute from "~/routes/promotions.audit";
import * as windowAuditRoute from "~/routes/promotions.windows.$windowId.audit";
import * as windowRoute from "~/routes/promotions.windows.$windowId._index";
import * as committeeRoute from "~/routes/promotions.windows.$windowId.committee";
import * as meetingRoute from "~/routes/promotions.windows.$windowId.meeting";
import { renderPage, type PageModule } from "../../utils/render-page";
import { answerText, bodyOf, routeArgs, statusOf, type RouteFunction } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { createPerson } from "../../utils/factories";
import { adminAndLine, DAY, dayFrom, windowInput } from "./fixtures";

const MARK = (what: string) => `MARK-${what}-7c1d`;
const now = new Date();
const day = (offset: number) => dayFrom(now, offset);

type Person = Awaited<ReturnType<typeof createPerson>>;
let org: Record<"admin" | "boss" | "manager" | "nia" | "omar" | "sol" | "carl" | "otto", Person>;
let windowId: string;
let niaNomination: string;
let omarNomination: string;

const read = async (
  loader: RouteFunction,
  url: string,
  viewer: Person,
  params: Record<string, string> = {},
) => answerText(loader, await signedInRequest(url, viewer.id), params);
const nominationText = (viewer: Person, nominationId: string) =>
  read(nominationRoute.loader as RouteFunction, `/promotions/nominations/${nominationId}`, viewer, {
    nominationId,
  });
const marksIn = (text: string) => [...new Set(text.match(/MARK-[a-z-]+-7c1d/g) ?? [])].sort();

beforeAll(async () => {
  const { admin, boss, manager } = await adminAndLine("m3");
  const nia = await createPerson({
    name: `Nia ${MARK("nominee")}`,
    ladderId: "engineering",
    track: "ic",
    level: "ic3",
    managerId: manager.id,
  });
  const omar = await createPerson({
    name: `Omar ${MARK("sponsored")}`,
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
  const carl = await createPerson({
    name: "Carl Committee",
    ladderId: "engineering",
    track: "ic",
    level: "ic6",
  });
  const otto = await createPerson({
    name: "Otto Outsider",
    ladderId: "engineering",
    track: "ic",
    level: "ic3",
  });
  org = { admin, boss, manager, nia, omar, sol, carl, otto };

  await saveSettings(admin, { scope: "", ...DEFAULT_SETTINGS, mode: "committee" });
  windowId = await createWindow(admin, windowInput(now));
  await openWindow(admin, windowId, now);
  await db.promotionCommitteeMember.create({ data: { windowId, personId: carl.id } });

  const self = await nominate(
    nia,
    {
      windowId,
      nomineeEmail: "",
      targetLevelId: "ic4",
      statement: `I led the migration ${MARK("statement")}`,
    },
    now,
  );
  // Sol sponsors Omar, recorded, so she may nominate him.
  await db.sponsorship.create({
    data: {
      sponsorId: sol.id,
      sponseeId: omar.id,
      advocacy: "level",
      target: "ic3",
      until: new Date(day(90)),
    },
  });
  const sponsored = await nominate(
    sol,
    {
      windowId,
      nomineeEmail: omar.email,
      targetLevelId: "ic3",
      statement: `Omar carried the launch ${MARK("sponsor-statement")}`,
    },
    now,
  );
  if (!self.ok || !sponsored.ok) throw new Error("both nominations are allowed");
  niaNomination = self.nominationId;
  omarNomination = sponsored.nominationId;
  await addToNomination(manager, niaNomination, `She also mentors ${MARK("addition")}`, now);

  const chosen = await db.careerEvidence.create({
    data: {
      personId: nia.id,
      competencyId: "code-quality",
      text: `Review guide ${MARK("chosen-evidence")}`,
      occurredOn: new Date(now.getTime() - 20 * DAY),
    },
  });
  await db.careerEvidence.create({
    data: {
      personId: nia.id,
      competencyId: "code-quality",
      text: `A private note ${MARK("private-evidence")}`,
      occurredOn: new Date(now.getTime() - 10 * DAY),
    },
  });
  const packet = (await nominationPage(nia, niaNomination, now)).packet!;
  await saveCase(
    nia,
    niaNomination,
    packet.id,
    {
      competencyId: "code-quality",
      text: `Used by four teams ${MARK("case")}`,
      evidence: [`career-evidence:${chosen.id}`],
      revision: packet.revision,
    },
    now,
  );
});

describe("a nomination and its packet, by role", () => {
  test("before the packet is submitted, the committee reads nothing of it; the outsider never does", async () => {
    for (const viewer of [org.carl, org.otto]) {
      const text = await nominationText(viewer, niaNomination);
      expect(text.startsWith("404")).toBe(true);
      expect(marksIn(text)).toEqual([]);
    }
  });

  test("once submitted: the nominee, the manager chain, the committee and admins read the packet; the private evidence stays the nominee's", async () => {
    const packet = (await nominationPage(org.nia, niaNomination, now)).packet!;
    await submitPacket(org.nia, niaNomination, packet.id, packet.revision, now);
    const shared = [
      MARK("addition"),
      MARK("case"),
      MARK("chosen-evidence"),
      MARK("nominee"),
      MARK("statement"),
    ].sort();
    for (const viewer of [org.manager, org.boss, org.carl, org.admin])
      expect(marksIn(await nominationText(viewer, niaNomination))).toEqual(shared);
    // The nominee wrote the packet; after submitting they read it as everyone does, with nothing else of theirs on offer.
    expect(marksIn(await nominationText(org.nia, niaNomination))).toEqual(shared);
    for (const viewer of [org.otto, org.sol, org.omar]) {
      const text = await nominationText(viewer, niaNomination);
      expect(text.startsWith("404")).toBe(true);
      expect(marksIn(text)).toEqual([]);
    }
  });

  test("while writing, only the nominee is offered their unshared evidence", async () => {
    const draft = await db.promotionPacket.findFirstOrThrow({
      where: { nominationId: omarNomination },
    });
    await db.careerEvidence.create({
      data: {
        personId: org.omar.id,
        competencyId: "code-quality",
        text: `Omar's own note ${MARK("omar-private")}`,
        occurredOn: now,
      },
    });
    expect(draft.submittedAt).toBeNull();
    expect(marksIn(await nominationText(org.omar, omarNomination))).toContain(MARK("omar-private"));
    expect(marksIn(await nominationText(org.manager, omarNomination))).not.toContain(
      MARK("omar-private"),
    );
  });

  test("a sponsor reads their nomination's statement, never its packet; the committee nothing of a draft", async () => {
    const draft = await db.promotionPacket.findFirstOrThrow({
      where: { nominationId: omarNomination },
    });
    await db.promotionCase.update({
      where: { packetId_competencyId: { packetId: draft.id, competencyId: "code-quality" } },
      data: { nomineeCase: `Omar's case ${MARK("omar-case")}` },
    });
    const sponsorReads = await nominationText(org.sol, omarNomination);
    expect(marksIn(sponsorReads)).toEqual([MARK("sponsor-statement"), MARK("sponsored")].sort());
    // Omar's own level (Engineer II) is his record's, not his sponsor's to read.
    expect(sponsorReads).not.toContain("Engineer II");
    expect(marksIn(await nominationText(org.manager, omarNomination))).toContain(MARK("omar-case"));
    for (const viewer of [org.carl, org.otto, org.nia])
      expect((await nominationText(viewer, omarNomination)).startsWith("404")).toBe(true);
  });
});

describe("every promotions page, by role", () => {
  test("how promotion works names nobody but the reader's own nominations", async () => {
    expect(
      marksIn(await read(indexRoute.loader as RouteFunction, "/promotions", org.otto)),
    ).toEqual([]);
    expect(
      marksIn(await read(indexRoute.loader as RouteFunction, "/promotions", org.carl)),
    ).toEqual([]);
    expect(marksIn(await read(indexRoute.loader as RouteFunction, "/promotions", org.nia))).toEqual(
      [MARK("nominee")],
    );
    expect(
      marksIn(await read(indexRoute.loader as RouteFunction, "/promotions", org.manager)),
    ).toEqual([MARK("nominee"), MARK("sponsored")].sort());
    expect(
      marksIn(await read(nominateRoute.loader as RouteFunction, "/promotions/nominate", org.otto)),
    ).toEqual([]);
  });

  test("the admin pages are the admins'", async () => {
    for (const viewer of [org.manager, org.nia, org.carl]) {
      expect(
        (await read(adminRoute.loader as RouteFunction, "/admin/promotions", viewer)).startsWith(
          "403",
        ),
      ).toBe(true);
      const text = await read(
        adminWindowRoute.loader as RouteFunction,
        `/admin/promotions/${windowId}`,
        viewer,
        { windowId },
      );
      expect(text.startsWith("403")).toBe(true);
      expect(marksIn(text)).toEqual([]);
    }
    const admin = await read(
      adminWindowRoute.loader as RouteFunction,
      `/admin/promotions/${windowId}`,
      org.admin,
      { windowId },
    );
    // Names and states only: no statement, case or evidence on the window's page.
    expect(marksIn(admin)).toEqual([MARK("nominee"), MARK("sponsored")].sort());
  });
  test("the audit names nobody and is read by admins and managers; a committee member who is not the chair, a nominee and an outsider get a 404", async () => {
    for (const viewer of [org.otto, org.nia, org.sol, org.carl]) {
      for (const text of [
        await read(auditRoute.loader as RouteFunction, "/promotions/audit", viewer),
        await read(
          windowAuditRoute.loader as RouteFunction,
          `/promotions/windows/${windowId}/audit`,
          viewer,
          { windowId },
        ),
      ]) {
        expect(text.startsWith("404")).toBe(true);
        expect(marksIn(text)).toEqual([]);
      }
    }
    for (const viewer of [org.admin, org.boss, org.manager]) {
      expect(
        marksIn(await read(auditRoute.loader as RouteFunction, "/promotions/audit", viewer)),
      ).toEqual([]);
      expect(
        marksIn(
          await read(
            windowAuditRoute.loader as RouteFunction,
            `/promotions/windows/${windowId}/audit`,
            viewer,
            { windowId },
          ),
        ),
      ).toEqual([]);
    }
  });
});

describe("a window's own page", () => {
  type Pages = { manage: boolean; committee: boolean; meeting: boolean; audit: boolean };
  const windowText = (viewer: Person, id = windowId) =>
    read(windowRoute.loader as RouteFunction, `/promotions/windows/${id}`, viewer, {
      windowId: id,
    });
  /** Whether each page the window's page may lead to answers this viewer with the page itself. */
  async function opens(viewer: Person, id = windowId): Promise<Pages> {
    const status = async (loader: RouteFunction, url: string) =>
      (await read(loader, url, viewer, { windowId: id })).slice(0, 3);
    const base = `/promotions/windows/${id}`;
    const page = (loader: unknown, url: string) =>
      status(loader as RouteFunction, url).then((code) => code === "200");
    return {
      manage: await page(adminWindowRoute.loader, `/admin/promotions/${id}`),
      committee: await page(committeeRoute.loader, `${base}/committee`),
      meeting: await page(meetingRoute.loader, `${base}/meeting`),
      audit: await page(windowAuditRoute.loader, `${base}/audit`),
    };
  }

  test("it leads each reader to exactly the window's pages they may open; whoever may open none gets the 404 of a window that does not exist", async () => {
    const expected: [Person, Pages][] = [
      [org.admin, { manage: true, committee: true, meeting: true, audit: true }],
      // A member reads the committee from the start, the meeting once the votes begin.
      [org.carl, { manage: false, committee: true, meeting: false, audit: false }],
      // Managers read the window's audit over their own organisation.
      [org.boss, { manage: false, committee: false, meeting: false, audit: true }],
      [org.manager, { manage: false, committee: false, meeting: false, audit: true }],
    ];
    for (const [viewer, pages] of expected) {
      const text = await windowText(viewer);
      expect(text.startsWith("200"), viewer.name).toBe(true);
      expect(JSON.parse(text.slice(4)).pages, viewer.name).toEqual(pages);
      expect(await opens(viewer), viewer.name).toEqual(pages);
      // What a window is, never who is in it.
      expect(marksIn(text)).toEqual([]);
    }
    const nowhere = await windowText(org.otto, "no-such-window");
    expect(nowhere.startsWith("404")).toBe(true);
    for (const viewer of [org.otto, org.nia, org.sol, org.omar]) {
      expect(await opens(viewer)).toEqual({
        manage: false,
        committee: false,
        meeting: false,
        audit: false,
      });
      expect(await windowText(viewer)).toBe(nowhere);
    }
  });

  test("a draft: its committee's members and admins read it; its audit, and so a manager, not until it opens", async () => {
    const draftId = await createWindow(org.admin, {
      name: "Autumn draft",
      ladderId: "engineering",
      nominationsOpenOn: day(30),
      nominationsCloseOn: day(44),
      packetsDueOn: day(58),
      votesDueOn: day(65),
      effectiveOn: day(90),
    });
    await db.promotionCommitteeMember.create({
      data: { windowId: draftId, personId: org.carl.id },
    });
    const pagesOf = async (viewer: Person) => {
      const text = await windowText(viewer, draftId);
      return text.startsWith("200") ? JSON.parse(text.slice(4)).pages : text.slice(0, 3);
    };
    // Admins read every page of a window, the meeting's too (empty while a draft).
    const expected: [Person, Pages][] = [
      [org.admin, { manage: true, committee: true, meeting: true, audit: false }],
      [org.carl, { manage: false, committee: true, meeting: false, audit: false }],
    ];
    for (const [viewer, pages] of expected) {
      expect(await pagesOf(viewer), viewer.name).toEqual(pages);
      expect(await opens(viewer, draftId), viewer.name).toEqual(pages);
    }
    expect(await pagesOf(org.manager)).toBe("404");
    expect(await opens(org.manager, draftId)).toEqual({
      manage: false,
      committee: false,
      meeting: false,
      audit: false,
    });
  });

  test("the calendar links a window's name for those who may open its page", async () => {
    const linked = async (viewer: Person) =>
      bodyOf<{ windows: { id: string; hasPage: boolean }[] }>(
        await indexRoute.loader(routeArgs(await signedInRequest("/promotions", viewer.id))),
      ).windows.find((window) => window.id === windowId)?.hasPage;
    for (const viewer of [org.admin, org.carl, org.manager])
      expect(await linked(viewer)).toBe(true);
    for (const viewer of [org.otto, org.nia, org.sol]) expect(await linked(viewer)).toBe(false);
  });
});

describe("the pages as people see them", () => {
  test("each page renders for whoever reads it, the nominee's words on it", async () => {
    const pages: [PageModule, string, string, Person, string | null][] = [
      [
        indexRoute as unknown as PageModule,
        "/promotions",
        "/promotions",
        org.manager,
        MARK("nominee"),
      ],
      [
        nominateRoute as unknown as PageModule,
        "/promotions/nominate",
        "/promotions/nominate",
        org.otto,
        null,
      ],
      [
        nominationRoute as unknown as PageModule,
        "/promotions/nominations/:nominationId",
        `/promotions/nominations/${niaNomination}`,
        org.carl,
        MARK("case"),
      ],
      [
        nominationRoute as unknown as PageModule,
        "/promotions/nominations/:nominationId",
        `/promotions/nominations/${omarNomination}`,
        org.omar,
        MARK("sponsor-statement"),
      ],
      [
        adminRoute as unknown as PageModule,
        "/admin/promotions",
        "/admin/promotions",
        org.admin,
        null,
      ],
      [
        adminWindowRoute as unknown as PageModule,
        "/admin/promotions/:windowId",
        `/admin/promotions/${windowId}`,
        org.admin,
        MARK("nominee"),
      ],
      [
        auditRoute as unknown as PageModule,
        "/promotions/audit",
        "/promotions/audit",
        org.manager,
        null,
      ],
      [
        windowRoute as unknown as PageModule,
        "/promotions/windows/:windowId",
        `/promotions/windows/${windowId}`,
        org.admin,
        null,
      ],
      [
        windowRoute as unknown as PageModule,
        "/promotions/windows/:windowId",
        `/promotions/windows/${windowId}`,
        org.carl,
        null,
      ],
      [
        windowAuditRoute as unknown as PageModule,
        "/promotions/windows/:windowId/audit",
        `/promotions/windows/${windowId}/audit`,
        org.admin,
        null,
      ],
    ];
    for (const [module, pattern, path, viewer, marker] of pages) {
      const { html } = await renderPage(module, pattern, path, viewer.id);
      if (marker) expect(html).toContain(marker);
      expect(html).not.toMatch(/promotions:|\{\w+\}/);
    }
  });

  test("bad input gets a clear message and changes nothing", async () => {
    const settingsBefore = await db.promotionSettings.findMany({ orderBy: { scope: "asc" } });
    const refused = await adminRoute.action(
      routeArgs(
        await signedInPost("/admin/promotions", org.admin.id, {
          intent: "settings",
          scope: "",
          mode: "committee",
          minMembers: "99",
          minOutsideMembers: "1",
          waitWindowsAfterNotYet: "0",
        }),
      ) as never,
    );
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ error: string }>(refused).error).toBe("Give a number from 1 to 20.");
    expect(await db.promotionSettings.findMany({ orderBy: { scope: "asc" } })).toEqual(
      settingsBefore,
    );

    const nominations = await db.promotionNomination.count();
    const empty = await nominateRoute.action(
      routeArgs(
        await signedInPost("/promotions/nominate", org.otto.id, {
          windowId,
          nomineeEmail: "",
          targetLevelId: "ic4",
          statement: "  ",
        }),
      ) as never,
    );
    expect(statusOf(empty)).toBe(400);
    const tooLow = await nominateRoute.action(
      routeArgs(
        await signedInPost("/promotions/nominate", org.otto.id, {
          windowId,
          nomineeEmail: "",
          targetLevelId: "ic2",
          statement: "Ready",
        }),
      ) as never,
    );
    expect(statusOf(tooLow)).toBe(400);
    expect(bodyOf<{ error: string }>(tooLow).error).toBe(
      "That level is not a promotion from the person's level.",
    );
    expect(await db.promotionNomination.count()).toBe(nominations);
  });
});
