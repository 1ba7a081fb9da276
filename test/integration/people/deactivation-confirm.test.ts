// Before deactivating someone the admin's page says what it ends (series, meetings, feedback
// requests), counted as the deactivation itself then ends them, and asks to confirm.
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { startSeries } from "~/modules/conversations/series.server";
import { nominatePeer, saveFeedbackSettings } from "~/modules/feedback/feedback.server";
import { FeedbackSettingsSchema } from "~/modules/feedback/settings";
import { setPersonActive } from "~/modules/people/service.server";
import * as personRoute from "~/routes/admin.people.$personId";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, withRouteProps } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

type Page = Awaited<ReturnType<typeof personRoute.loader>>;

async function render(personId: string, adminId: string): Promise<string> {
  const route = {
    id: "page",
    path: "/admin/people/:personId",
    loader: async ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | undefined>;
    }) => bodyOf(await personRoute.loader(routeArgs(request, params as { personId: string }))),
    Component: withRouteProps(personRoute.default as ComponentType<never>),
  };
  const handler = createStaticHandler([route]);
  const context = await handler.query(await signedInRequest(`/admin/people/${personId}`, adminId));
  if (context instanceof Response)
    throw new Error(`expected a page, got a ${context.status} response`);
  if (context.errors) throw new Error(`the page failed: ${JSON.stringify(context.errors)}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }))
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");
}

describe("deactivating someone, asked first", () => {
  test("the page lists the series, meetings and feedback requests it ends, and the deactivation ends exactly those", async () => {
    const admin = await createAdmin();
    const manager = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
    const engineer = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const peer = await createPerson({
      name: "Omar Peer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const cycle = await db.reviewCycle.create({
      data: {
        name: `Spring ${engineer.id}`,
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2099-12-31"),
        participants: {
          create: [manager, engineer, peer].map((person) => ({ userId: person.id })),
        },
      },
    });
    await saveFeedbackSettings(
      admin,
      cycle.id,
      FeedbackSettingsSchema.parse({
        peer: true,
        upward: false,
        dueOn: "2099-06-30",
        minPeers: 1,
        maxPeers: 3,
        reviewCap: 3,
        competencies: "level",
      }),
    );
    // One request about Lena, one she was to answer.
    expect((await nominatePeer(engineer, cycle.id, engineer.id, peer.id)).ok).toBe(true);
    expect((await nominatePeer(peer, cycle.id, peer.id, engineer.id)).ok).toBe(true);
    await startSeries(
      { id: manager.id, isAdmin: false },
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "weekly",
        firstAt: new Date("2099-03-02T09:00:00Z"),
      },
    );

    const page = bodyOf<Page>(
      await personRoute.loader(
        routeArgs(await signedInRequest(`/admin/people/${engineer.id}`, admin.id), {
          personId: engineer.id,
        }),
      ),
    );
    expect(page.ends).toEqual({
      conversationSeriesEnded: 1,
      conversationMeetingsWithdrawn: 1,
      feedbackRequestsWithdrawn: 2,
    });
    const words = await render(engineer.id, admin.id);
    expect(words).toContain("Deactivate Lena Engineer?");
    expect(words).toContain("1 one-to-one or skip-level series ends for good");
    expect(words).toContain("1 meeting still to come is cancelled in both people's calendars");
    expect(words).toContain("2 feedback requests by or about them are withdrawn");
    expect(words).toContain(
      "I understand: Lena Engineer is signed out and what is listed here ends",
    );
    // Asking changed nothing.
    expect(
      await db.feedbackRequest.count({ where: { cycleId: cycle.id, state: "nominated" } }),
    ).toBe(2);

    expect(await setPersonActive(admin.id, engineer.id, false)).toEqual({ ok: true });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "person.deactivated", subjectId: engineer.id },
      select: { detail: true },
    });
    expect(event.detail).toMatchObject({
      conversationMeetingsWithdrawn: 1,
      feedbackRequestsWithdrawn: 2,
    });
    expect(
      await db.conversationSeries.count({
        where: { reportId: engineer.id, endedAt: { not: null } },
      }),
    ).toBe(1);
  });

  test("someone with nothing in progress is told so", async () => {
    const admin = await createAdmin();
    const quiet = await createPerson({ name: "Quiet Person", track: "ic", level: "ic2" });
    expect(await render(quiet.id, admin.id)).toContain(
      "They have no series, meetings or feedback requests in progress.",
    );
  });
});
