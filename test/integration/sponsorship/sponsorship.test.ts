// Sponsorships against a real database, through the service and the page's loader and action: who
// may sponsor whom (senior, under the admins' cap), what promotions ask (activelySponsors), the
// sponsee seeing and declining, and who reads a sponsorship (a marker in its note; each role reads
// the pages).
import { beforeAll, describe, expect, test } from "vitest";
import { DomainError } from "~/modules/errors";
import {
  activelySponsors,
  activeSponsorsOf,
  declineSponsorship,
  endSponsorship,
  recordSponsorship,
  setSponsorshipCap,
  sponsoredOn,
} from "~/modules/sponsorship/sponsorship.server";
import { db } from "~/db/client.server";
import { queueReminders } from "~/modules/notifications/outbox.server";
import { todoFor } from "~/modules/todo/todo.server";
import * as pageRoute from "~/routes/sponsorships";
import * as homeRoute from "~/routes/_index";
import { answerText, bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { createPerson } from "../../utils/factories";
import { renderPage } from "../../utils/render-page";

type Person = Awaited<ReturnType<typeof createPerson>>;

const MARK = "SPONSOR-NOTE-4b9e";
const until = "2027-06-30";

async function refused(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.kind}:${error.message}`;
    throw error;
  }
  return "allowed";
}

let sponsor: Person,
  lena: Person,
  omar: Person,
  quinn: Person,
  manager: Person,
  peer: Person,
  admin: Person;

beforeAll(async () => {
  manager = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
  sponsor = await createPerson({ name: "Priya Principal", track: "ic", level: "ic5" });
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
  quinn = await createPerson({
    name: "Quinn Engineer",
    track: "ic",
    level: "ic3",
    managerId: manager.id,
  });
  peer = await createPerson({ name: "Pat Peer", track: "ic", level: "ic2", managerId: manager.id });
  admin = await createPerson({ name: "Ada Admin", isAdmin: true });
});

describe("sponsorship", () => {
  test("a senior person sponsors someone for a level until a day; promotions can ask whether they actively sponsor them", async () => {
    const made = await pageRoute.action(
      routeArgs(
        await signedInPost("/sponsorships", sponsor.id, {
          intent: "record",
          sponseeEmail: lena.email,
          advocacy: "level",
          levelId: "ic3",
          note: `Lena leads our test strategy ${MARK}`,
          until,
        }),
      ),
    );
    expect(statusOf(made)).toBe(302);
    expect(await activelySponsors(sponsor.id, lena.id)).toBe(true);
    expect(await activelySponsors(sponsor.id, omar.id)).toBe(false);
    expect(await activeSponsorsOf(lena.id)).toEqual([
      {
        sponsorId: sponsor.id,
        sponsorName: "Priya Principal",
        advocacy: "level",
        target: "Senior Engineer",
        until: new Date(`${until}T00:00:00Z`),
      },
    ]);
    expect(await sponsoredOn(new Date())).toContain(lena.id);
    // Past its last day it is no longer active, nor while the sponsor has left.
    expect(await activelySponsors(sponsor.id, lena.id, new Date("2027-07-01T09:00:00Z"))).toBe(
      false,
    );
    await db.user.update({ where: { id: sponsor.id }, data: { deactivatedAt: new Date() } });
    expect(await activelySponsors(sponsor.id, lena.id)).toBe(false);
    await db.user.update({ where: { id: sponsor.id }, data: { deactivatedAt: null } });
  });

  test("only someone senior, never themselves, never twice, and no more than the cap at once; a refusal writes nothing", async () => {
    const input = (sponseeEmail: string) => ({
      sponseeEmail,
      advocacy: "role" as const,
      role: "Tech lead of Payments",
      note: "",
      until,
    });
    expect(await refused(() => recordSponsorship(peer, input(lena.email)))).toBe(
      "invalid:sponsorship:errors.notSenior",
    );
    expect(await refused(() => recordSponsorship(sponsor, input(sponsor.email)))).toBe(
      "invalid:sponsorship:errors.self",
    );
    expect(await refused(() => recordSponsorship(sponsor, input(lena.email)))).toBe(
      "invalid:sponsorship:errors.already",
    );
    expect(
      await refused(() =>
        recordSponsorship(sponsor, {
          ...input(omar.email),
          advocacy: "level",
          levelId: "no-such-level",
        }),
      ),
    ).toBe("invalid:sponsorship:errors.level");
    // Two by default: a second sponsee, then the cap.
    expect(await recordSponsorship(sponsor, input(omar.email))).toEqual(expect.any(String));
    expect(await refused(() => recordSponsorship(sponsor, input(quinn.email)))).toBe(
      "invalid:sponsorship:errors.cap",
    );
    expect(await activelySponsors(sponsor.id, quinn.id)).toBe(false);
    // The admins set the cap; nobody else may.
    expect(await refused(() => setSponsorshipCap(manager, 5))).toBe(
      "not-found:common:errors.notFound",
    );
    await setSponsorshipCap(admin, 3);
    expect(await recordSponsorship(sponsor, input(quinn.email))).toEqual(expect.any(String));
    await setSponsorshipCap(admin, 2);
  });

  test("only people placed on a ladder sponsor and are sponsored, and only while the sponsee is here; a refusal writes nothing", async () => {
    const rae = await createPerson({ name: "Rae Principal", track: "ic", level: "ic6" });
    const unplaced = await createPerson({ name: "Nell Unplaced" });
    const gone = await createPerson({
      name: "Gil Gone",
      track: "ic",
      level: "ic2",
      deactivatedAt: new Date(),
    });
    const input = (sponseeEmail: string) => ({
      sponseeEmail,
      advocacy: "role" as const,
      role: "Tech lead of Search",
      note: "",
      until,
    });
    expect(await refused(() => recordSponsorship(rae, input(unplaced.email)))).toBe(
      "invalid:sponsorship:errors.notSenior",
    );
    expect(await refused(() => recordSponsorship(unplaced, input(lena.email)))).toBe(
      "invalid:sponsorship:errors.notSenior",
    );
    expect(await refused(() => recordSponsorship(rae, input(gone.email)))).toBe(
      "invalid:sponsorship:errors.sponseeMissing",
    );
    expect(
      await db.sponsorship.count({
        where: { OR: [{ sponsorId: { in: [rae.id, unplaced.id] } }, { sponseeId: gone.id }] },
      }),
    ).toBe(0);
  });

  test("the sponsee is told, sees it and may decline; then it is no longer active", async () => {
    expect(
      (await todoFor(lena, new Date())).filter((item) => item.kind === "sponsorship-new"),
    ).toHaveLength(1);
    // Her email says someone sponsors her, and nothing of the note.
    await queueReminders(new Date());
    const emails = await db.outboxMessage.findMany({
      select: { userId: true, textBody: true, htmlBody: true, subject: true },
    });
    expect(
      emails
        .filter((email) => email.userId === lena.id)
        .map((email) => email.textBody)
        .join("\n"),
    ).toContain("Someone sponsors you: see it");
    expect(JSON.stringify(emails)).not.toContain(MARK);
    const page = await pageRoute.loader(routeArgs(await signedInRequest("/sponsorships", lena.id)));
    const received = (page as Awaited<ReturnType<typeof pageRoute.loader>>).received;
    expect(received.map((row) => [row.sponsorName, row.target, row.canDecline])).toEqual([
      ["Priya Principal", "Senior Engineer", true],
    ]);
    expect(
      (await todoFor(lena, new Date())).filter((item) => item.kind === "sponsorship-new"),
    ).toEqual([]);
    // Nobody but the sponsee declines; to anyone who may not read it, it does not exist.
    expect(
      statusOf(
        await thrown(async () =>
          pageRoute.action(
            routeArgs(
              await signedInPost("/sponsorships", peer.id, {
                intent: "decline",
                sponsorshipId: received[0]!.id,
                reason: "",
              }),
            ),
          ),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await pageRoute.action(
          routeArgs(
            await signedInPost("/sponsorships", lena.id, {
              intent: "decline",
              sponsorshipId: received[0]!.id,
              reason: "I would rather grow as an IC first",
            }),
          ),
        ),
      ),
    ).toBe(302);
    expect(await activelySponsors(sponsor.id, lena.id)).toBe(false);
  });

  test("a sponsorship is read by its sponsor, its sponsee and admins; not by the sponsee's manager or colleagues", async () => {
    const read = async (viewer: Person) =>
      [
        await answerText(pageRoute.loader, await signedInRequest("/sponsorships", viewer.id)),
        await answerText(homeRoute.loader, await signedInRequest("/", viewer.id)),
      ].join("\n");
    const sees = async (viewer: Person) => (await read(viewer)).includes(MARK);
    expect(await sees(sponsor)).toBe(true);
    expect(await sees(lena)).toBe(true);
    expect(await sees(admin)).toBe(true);
    expect(await sees(manager)).toBe(false);
    expect(await sees(peer)).toBe(false);
    expect(await sees(omar)).toBe(false);
  });

  test("the form offers each track's levels in a group named by the track, as the ladder words them", async () => {
    const { html } = await renderPage(pageRoute, "/sponsorships", "/sponsorships", sponsor.id);
    const levelSelect = /<select[^>]*name="levelId"[^>]*>(.*?)<\/select>/s.exec(html)?.[1] ?? "";
    expect(levelSelect).toMatch(
      /<optgroup label="Individual contributor"><option value="ic1">Engineer I<\/option>/,
    );
    expect(levelSelect).toMatch(/<optgroup label="Engineering manager">/);
    expect(levelSelect).not.toContain("(");
  });

  test("a sponsorship refused comes back with what was typed, for the form to show again", async () => {
    const answer = await pageRoute.action(
      routeArgs(
        await signedInPost("/sponsorships", sponsor.id, {
          intent: "record",
          sponseeEmail: "nobody@example.com",
          advocacy: "role",
          levelId: "",
          role: "Tech lead of Search",
          opportunityId: "",
          note: "TYPED-NOTE",
          until,
        }),
      ),
    );
    expect(statusOf(answer)).toBe(400);
    expect(bodyOf<{ typed: Record<string, string> }>(answer).typed).toMatchObject({
      sponseeEmail: "nobody@example.com",
      role: "Tech lead of Search",
      note: "TYPED-NOTE",
      until,
    });
  });

  test("someone who leaves ends what they are part of: the page, the cap and the sponsee's to-do read one rule of what is active", async () => {
    type Page = Awaited<ReturnType<typeof pageRoute.loader>>;
    const page = async (viewer: Person) =>
      (await pageRoute.loader(
        routeArgs(await signedInRequest("/sponsorships", viewer.id)),
      )) as Page;
    // After the tests above, Priya sponsors Omar and Quinn (Lena declined), at the cap of two.
    expect((await page(sponsor)).activeGiven).toBe(2);
    const input = (sponseeEmail: string) => ({
      sponseeEmail,
      advocacy: "role" as const,
      role: "Tech lead of Payments",
      note: "",
      until,
    });
    expect(await refused(() => recordSponsorship(sponsor, input(peer.email)))).toBe(
      "invalid:sponsorship:errors.cap",
    );

    await db.user.update({ where: { id: quinn.id }, data: { deactivatedAt: new Date() } });
    const after = await page(sponsor);
    expect(after.activeGiven).toBe(1);
    expect(after.given.find((row) => row.sponseeName === "Quinn Engineer")).toMatchObject({
      active: false,
      canEnd: false,
    });
    // One under the cap, as the page says: a new one is recorded.
    expect(await recordSponsorship(sponsor, input(peer.email))).toEqual(expect.any(String));
    expect((await page(sponsor)).activeGiven).toBe(2);

    // A sponsor who leaves: Pat's new sponsorship is not something to see any more, nor active on their page.
    expect(
      (await todoFor(peer, new Date())).filter((item) => item.kind === "sponsorship-new"),
    ).toHaveLength(1);
    await db.user.update({ where: { id: sponsor.id }, data: { deactivatedAt: new Date() } });
    expect(
      (await todoFor(peer, new Date())).filter((item) => item.kind === "sponsorship-new"),
    ).toEqual([]);
    expect(
      (await page(peer)).received.map((row) => [row.sponsorName, row.active, row.canDecline]),
    ).toEqual([["Priya Principal", false, false]]);
    await db.user.updateMany({
      where: { id: { in: [sponsor.id, quinn.id] } },
      data: { deactivatedAt: null },
    });
  });

  test("a sponsor advocates for an opportunity the opportunities page offers: not one whose poster has left, which only those involved see", async () => {
    const poster = await createPerson({ name: "Pia Poster", track: "manager", level: "m1" });
    const opportunity = await db.opportunity.create({
      data: {
        kind: "project",
        title: "Search relevance rotation",
        ladderId: "engineering",
        competencyIds: "[]",
        hoursPerWeek: 4,
        startsOn: new Date("2027-01-04"),
        endsOn: new Date("2027-03-26"),
        posterId: poster.id,
      },
      select: { id: true },
    });
    const staff = await createPerson({ name: "Sara Staff", track: "ic", level: "ic5" });
    const offered = async () =>
      (
        (await pageRoute.loader(routeArgs(await signedInRequest("/sponsorships", staff.id)))) as {
          opportunities: { id: string }[];
        }
      ).opportunities.map((row) => row.id);
    expect(await offered()).toContain(opportunity.id);
    await db.user.update({ where: { id: poster.id }, data: { deactivatedAt: new Date() } });
    expect(await offered()).not.toContain(opportunity.id);
    const input = {
      sponseeEmail: omar.email,
      advocacy: "opportunity" as const,
      opportunityId: opportunity.id,
      note: "",
      until,
    };
    expect(await refused(() => recordSponsorship(staff, input))).toBe(
      "invalid:sponsorship:errors.opportunity",
    );
    expect(await db.sponsorship.count({ where: { sponsorId: staff.id } })).toBe(0);
  });

  test("only the sponsee declines and only the sponsor ends, each while it is active: not once ended, nor after its last day, but still on that day", async () => {
    const giver = await createPerson({ name: "Gil Giver", track: "ic", level: "ic5" });
    const taker = await createPerson({ name: "Tess Taker", track: "ic", level: "ic2" });
    const today = new Date();
    const startOfToday = new Date(
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()),
    );
    const sponsorship = (until: Date) =>
      db.sponsorship.create({
        data: { sponsorId: giver.id, sponseeId: taker.id, advocacy: "level", target: "ic3", until },
      });
    const open = await sponsorship(new Date(startOfToday.getTime() + 30 * 24 * 60 * 60 * 1000));
    // The sponsor does not decline, the sponsee does not end.
    expect(await refused(() => declineSponsorship(giver, open.id, ""))).toBe(
      "forbidden:sponsorship:errors.notActive",
    );
    expect(await refused(() => endSponsorship(taker, open.id))).toBe(
      "forbidden:sponsorship:errors.notActive",
    );
    // Ended, it is ended once, and no longer declined.
    expect(await refused(() => endSponsorship(giver, open.id))).toBe("allowed");
    expect(await refused(() => endSponsorship(giver, open.id))).toBe(
      "forbidden:sponsorship:errors.notActive",
    );
    expect(await refused(() => declineSponsorship(taker, open.id, ""))).toBe(
      "forbidden:sponsorship:errors.notActive",
    );
    // Its last day past, nothing; on its last day, still active.
    const past = await sponsorship(new Date(startOfToday.getTime() - 24 * 60 * 60 * 1000));
    expect(await refused(() => declineSponsorship(taker, past.id, ""))).toBe(
      "forbidden:sponsorship:errors.notActive",
    );
    const lastDay = await sponsorship(startOfToday);
    expect(await refused(() => declineSponsorship(taker, lastDay.id, ""))).toBe("allowed");
  });
});
