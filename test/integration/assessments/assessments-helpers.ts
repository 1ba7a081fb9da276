import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import * as assessRoute from "~/routes/assess";
import * as saveRoute from "~/routes/assessments.$assessmentId.save";
import * as assessmentRoute from "~/routes/assessments.$assessmentId";
import * as reviewRoute from "~/routes/people.$personId.review";
import { db } from "~/db/client.server";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, thrown, withRouteProps } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

/** A small organisation: boss > manager > engineer and peer; an admin outside the line. */
export async function organisation() {
  const boss = await createPerson({ name: "Bea Boss", track: "manager", level: "m2" });
  const manager = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m1",
    managerId: boss.id,
  });
  const engineer = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const peer = await createPerson({
    name: "Pat Peer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  return { boss, manager, engineer, peer, admin };
}

function locationId(response: unknown): string {
  if (!(response instanceof Response) || response.status !== 302)
    throw new Error(`expected a redirect, got ${statusOf(response)}`);
  const match = /^\/assessments\/([^/]+)$/.exec(response.headers.get("Location") ?? "");
  if (!match) throw new Error(`unexpected redirect to ${response.headers.get("Location")}`);
  return match[1]!;
}

/** Starts (or continues) the person's self-assessment through POST /assess; returns its id. */
export async function startSelf(personId: string): Promise<string> {
  return locationId(
    await thrown(async () =>
      assessRoute.action(routeArgs(await signedInPost("/assess", personId, {}))),
    ),
  );
}

/** Starts (or continues) a manager review through POST /people/:id/review; returns its id. */
export async function startReview(authorId: string, subjectId: string): Promise<string> {
  const request = await signedInPost(`/people/${subjectId}/review`, authorId, {});
  return locationId(
    await thrown(() => reviewRoute.action(routeArgs(request, { personId: subjectId }))),
  );
}

export type PageData = Awaited<ReturnType<typeof assessmentRoute.loader>>;

/** GET /assessments/:id (with `search`, e.g. "?section=delivery"): the page data, or the status and message it threw. */
export async function readPage(
  viewerId: string,
  assessmentId: string,
  search = "",
): Promise<{ status: number; data?: PageData; message?: string }> {
  const request = await signedInRequest(`/assessments/${assessmentId}${search}`, viewerId);
  try {
    return {
      status: 200,
      data: bodyOf<PageData>(await assessmentRoute.loader(routeArgs(request, { assessmentId }))),
    };
  } catch (error) {
    return { status: statusOf(error), message: bodyOf<{ message?: string }>(error)?.message };
  }
}

/**
 * The HTML the server renders for the assessment page (the route's component with its
 * loader's data and, for a POST, its action's reply), through React Router's static
 * handler, which React Router's server rendering is built on.
 */
export async function renderPage(
  viewerId: string,
  path: string,
  init: { method?: string; fields?: Record<string, string> } = {},
): Promise<string> {
  const route = {
    id: "routes/assessments.$assessmentId",
    path: "/assessments/:assessmentId",
    loader: async ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | undefined>;
    }) =>
      bodyOf(
        await assessmentRoute.loader(
          routeArgs(request, { assessmentId: params.assessmentId ?? "" }),
        ),
      ),
    action: async ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | undefined>;
    }) =>
      bodyOf(
        await assessmentRoute.action(
          routeArgs(request, { assessmentId: params.assessmentId ?? "" }),
        ),
      ),
    Component: withRouteProps(assessmentRoute.default),
  };
  const handler = createStaticHandler([route]);
  const request =
    init.method === "POST"
      ? await signedInPost(path, viewerId, init.fields ?? {})
      : await signedInRequest(path, viewerId);
  const context = await handler.query(request);
  if (context instanceof Response)
    throw new Error(`expected a page, got a ${context.status} response`);
  if (context.errors) throw new Error(`the page failed: ${JSON.stringify(context.errors)}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
}

export type Change = { field: string; value: string | number | null; base: string | number | null };

/** POST /assessments/:id/save with a JSON body. */
export async function save(
  viewerId: string,
  assessmentId: string,
  baseRevision: number,
  changes: Change[] | unknown,
) {
  const request = await signedInRequest(`/assessments/${assessmentId}/save`, viewerId, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ baseRevision, changes }),
  });
  const response = await saveRoute.action(routeArgs(request, { assessmentId }));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as any };
}

/** POST /assessments/:id with intent=submit: the status and body (302 on success). */
export async function submit(viewerId: string, assessmentId: string, revision?: number | string) {
  const fields: Record<string, string> = { intent: "submit" };
  if (revision !== undefined) fields.revision = String(revision);
  const request = await signedInPost(`/assessments/${assessmentId}`, viewerId, fields);
  try {
    const result = await assessmentRoute.action(routeArgs(request, { assessmentId }));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: statusOf(result), body: bodyOf<any>(result) };
  } catch (error) {
    return { status: statusOf(error), body: error instanceof Response ? null : bodyOf(error) };
  }
}

/** Submits as the page does: with the revision it shows, the stored one. */
export async function submitShown(viewerId: string, assessmentId: string) {
  const { revision } = await db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: { revision: true },
  });
  return submit(viewerId, assessmentId, revision);
}

/**
 * Adding (`intent: "add"`) or removing (`intent: "remove"`) evidence as the draft's page does: its
 * own form, posted to the page (decision 169). A redirect back to the draft when done.
 */
export async function evidence(
  viewerId: string,
  assessmentId: string,
  { intent = "add", ...fields }: Record<string, string>,
) {
  const request = await signedInPost(`/assessments/${assessmentId}`, viewerId, {
    intent: `${intent}-evidence`,
    ...fields,
  });
  let answer: unknown;
  try {
    answer = await assessmentRoute.action(routeArgs(request, { assessmentId }));
  } catch (thrown) {
    answer = thrown; // redirects and refusals are thrown
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: statusOf(answer), body: bodyOf<any>(answer) };
}

/** The stored state of an assessment, for "nothing was written" checks. */
export async function snapshot(assessmentId: string) {
  return db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: {
      status: true,
      revision: true,
      summary: true,
      submittedAt: true,
      ratings: {
        select: {
          competencyId: true,
          rating: true,
          notes: true,
          nextLevelMarks: true,
          evidence: { select: { text: true } },
        },
        orderBy: { competencyId: "asc" },
      },
    },
  });
}

export async function competencyIds(assessmentId: string): Promise<string[]> {
  const rows = await db.assessmentRating.findMany({
    where: { assessmentId },
    select: { competencyId: true },
    orderBy: { competencyId: "asc" },
  });
  return rows.map((row) => row.competencyId);
}

export async function openCycle(
  name: string,
  participantIds: string[],
  closed = false,
  startsOn = new Date("2026-01-01"),
) {
  return db.reviewCycle.create({
    data: {
      name,
      startsOn,
      endsOn: new Date(Math.max(startsOn.getTime(), Date.parse("2026-12-31"))),
      closedAt: closed ? new Date() : null,
      participants: { create: participantIds.map((userId) => ({ userId })) },
    },
  });
}
