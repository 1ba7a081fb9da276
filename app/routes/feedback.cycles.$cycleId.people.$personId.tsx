import { Form, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/feedback.cycles.$cycleId.people.$personId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FeedbackReleaseView } from "~/components/feedback/release-view";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { ConflictError, InvalidError } from "~/modules/errors";
import {
  decideNomination,
  nominatePeer,
  nominatePeerByEmail,
  pickCompetencies,
  swapReviewer,
  withdrawRequest,
} from "~/modules/feedback/feedback.server";
import { feedbackFollowUp, personFeedbackPage } from "~/modules/feedback/person-page.server";
import { addPointToNextOneToOne } from "~/modules/conversations/agenda.server";
import { addGrowthFocus } from "~/modules/growth/growth-plan.server";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { plainHtml } from "~/utils/page-scripts";

// Opened from home and three emails as a document; its forms post, redirect when accepted and come
// back with what was typed when refused (decision 145).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("feedback:personPage.title", {
          name: loaderData.subject.name,
          cycle: loaderData.cycle.name,
        })
      : metaT(matches)("feedback:personPage.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return personFeedbackPage(
    viewer,
    params.cycleId ?? "",
    params.personId ?? "",
    languageOf(context),
  );
});

/**
 * Nominating (a suggestion, or a colleague by email), approving, declining with a reason, swapping,
 * withdrawing; the person acting on their released feedback. Each accepted form redirects to the
 * page, which words `?done=` (and the competency acted on), so a reload never posts again; a
 * refusal comes back on the page with what was typed (decision 145).
 */
export const action = withFormRefusals(
  async ({ request, params, context }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const t = translatorOf(context);
    const cycleId = params.cycleId ?? "";
    const personId = params.personId ?? "";
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    const done = (what: string, competencyId?: string) =>
      redirect(
        `/feedback/cycles/${cycleId}/people/${personId}?${new URLSearchParams({
          done: what,
          ...(competencyId ? { competency: competencyId } : {}),
        })}`,
      );
    const intent = text("intent");
    if (intent === "nominate") {
      const result = text("reviewerId")
        ? await nominatePeer(viewer, cycleId, personId, text("reviewerId"))
        : await nominatePeerByEmail(viewer, cycleId, personId, text("email"));
      if (!result.ok) throw new InvalidError(result.message);
      return done(result.state === "nominated" ? "nominated" : "asked");
    }
    if (intent === "approve" || intent === "decline") {
      await decideNomination(
        viewer,
        text("requestId"),
        intent,
        intent === "decline" ? text("reason") : null,
      );
      return done(intent === "approve" ? "approved" : "declined");
    }
    if (intent === "swap") {
      const replacement = text("reviewerId")
        ? { reviewerId: text("reviewerId") }
        : { email: text("email") };
      const result = await swapReviewer(viewer, text("requestId"), replacement, text("reason"));
      if (!result.ok) throw new InvalidError(result.message);
      return done("swapped");
    }
    if (intent === "pick-competencies") {
      const picked = form
        .getAll("competencyId")
        .filter((value): value is string => typeof value === "string");
      const result = await pickCompetencies(viewer, cycleId, personId, picked);
      if (!result.ok) throw new InvalidError(result.message);
      return done("picked");
    }
    if (intent === "to-one-to-one" || intent === "to-growth-plan") {
      const topic = await feedbackFollowUp(
        viewer,
        cycleId,
        personId,
        text("competencyId"),
        languageOf(context),
      );
      if (intent === "to-one-to-one") {
        const added = await addPointToNextOneToOne(viewer, wordsOf(t, topic.agendaPoint));
        if (!added.ok) throw new ConflictError(added.message);
        return done("agenda-point", topic.competencyId);
      }
      const focus = await addGrowthFocus(viewer, personId, topic.competencyId, languageOf(context));
      if (!focus.ok) throw new ConflictError(focus.message);
      return done(focus.added ? "focus-added" : "focus-already", topic.competencyId);
    }
    if (intent === "withdraw") {
      await withdrawRequest(viewer, text("requestId"));
      return done("withdrawn");
    }
    throw new InvalidError({ key: "feedback:errors.unknownAction" });
  },
  // What was typed goes back into the form it came from: the email asked, a swap's or a decline's.
  (form) => ({
    requestId: String(form.get("requestId") ?? ""),
    email: String(form.get("email") ?? ""),
    reason: String(form.get("reason") ?? ""),
  }),
);

export default function PersonFeedback({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const refused = actionData;
  const sending = useSubmitting();
  const busy = sending;
  const { settings, subject, cycle } = page;
  const { t } = useTranslation("feedback");
  const f = useFormats();
  const [searchParams] = useSearchParams();
  // The competency a follow-up named, among those the page offers to act on.
  const actedOn = page.followUp.find(
    (competency) => competency.id === searchParams.get("competency"),
  )?.name;
  const done = useDoneMessage(
    {
      nominated: t("personPage.done.nominated"),
      asked: t("personPage.done.asked"),
      approved: t("personPage.done.approved"),
      declined: t("personPage.done.declined"),
      swapped: t("personPage.done.swapped"),
      picked: t("personPage.done.picked"),
      withdrawn: t("personPage.done.withdrawn"),
      ...(actedOn
        ? {
            "agenda-point": t("personPage.done.agendaPoint", {
              point: t("personPage.followUpPoint", { cycle: cycle.name, competency: actedOn }),
            }),
            "focus-added": t("personPage.done.focusAdded", { competency: actedOn }),
            "focus-already": t("personPage.done.focusAlready", { competency: actedOn }),
          }
        : {}),
    },
    actionData,
  );
  // What a refused form had typed, given back to that form.
  const typed = (intent: string, requestId = "") =>
    refused && refused.intent === intent && refused.requestId === requestId ? refused : undefined;
  // What the person's own feedback, not yet released to them, holds of what the cycle asks about them.
  const waitingFor =
    page.releaseAwaits === null
      ? null
      : settings.peer && page.upwardAsked
        ? "both"
        : page.upwardAsked
          ? "upward"
          : settings.peer
            ? "peer"
            : null;
  return (
    <>
      <BackLink to="/">{t("personPage.home")}</BackLink>
      <PageHeader
        title={
          page.isSubject
            ? t("personPage.headingOwn", { cycle: cycle.name })
            : t("personPage.heading", { name: subject.name })
        }
        description={t("personPage.description", { cycle: cycle.name, due: f.day(settings.dueOn) })}
      />
      {refused ? <Alert tone="error">{refused.error}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}

      {settings.peer && (page.isSubject || page.isManager) ? (
        <Card className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">{t("personPage.peers.heading")}</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            {t("personPage.peers.count", {
              live: page.live,
              min: settings.minPeers,
              max: settings.maxPeers,
            })}{" "}
            {settings.nominator === "person"
              ? t("personPage.peers.personChooses", {
                  chooser: page.isSubject ? "you" : "other",
                  name: subject.name,
                  approver: page.isManager ? "you" : "other",
                })
              : t("personPage.peers.managerChooses")}
          </p>
          {page.pastDue ? (
            <p className="mb-3 text-sm">
              {t("personPage.peers.pastDue", { due: f.day(settings.dueOn) })}
            </p>
          ) : null}
          {page.requests.length ? (
            <>
              {page.requests.some(
                (request) =>
                  request.mayWithdraw || (page.mayDecide && request.state === "nominated"),
              ) ? (
                <p className="mb-2 text-xs text-slate-600 dark:text-slate-300">
                  {page.mayDecide ? `${t("personPage.peers.declineHelp")} ` : ""}
                  {t("personPage.peers.withdrawHelp")}
                </p>
              ) : null}
              {/* A list, not a table: at a phone's width every control stays on the screen. */}
              <ul
                aria-label={
                  page.isSubject
                    ? t("personPage.peers.listLabelOwn")
                    : t("personPage.peers.listLabel", { name: subject.name })
                }
                className="divide-y divide-slate-200 dark:divide-slate-700"
              >
                {page.requests.map((request) => (
                  <li
                    key={request.id}
                    className="flex flex-wrap items-end justify-between gap-2 py-2 text-sm"
                  >
                    <span className="min-w-0">
                      <span className="font-medium">{request.reviewer.name}</span>
                      {" · "}
                      {wordsOf(t, request.stateLabel)}
                      {request.leftRungs ? t("personPage.peers.left") : ""}
                      {request.declineReason ? `: ${request.declineReason}` : ""}
                    </span>
                    <span className="flex flex-wrap items-end gap-2">
                      {page.mayDecide && request.state === "nominated" ? (
                        <>
                          <Form method="post">
                            <input type="hidden" name="requestId" value={request.id} />
                            <Button
                              type="submit"
                              name="intent"
                              value="approve"
                              variant="secondary"
                              disabled={busy}
                            >
                              {t("personPage.peers.approve")}
                            </Button>
                          </Form>
                          <Form method="post" className="flex flex-wrap items-end gap-2">
                            <input type="hidden" name="requestId" value={request.id} />
                            <Field
                              label={t("personPage.peers.whyNot")}
                              name="reason"
                              required
                              defaultValue={typed("decline", request.id)?.reason}
                              className="w-full max-w-48"
                            />
                            <Button
                              type="submit"
                              name="intent"
                              value="decline"
                              variant="secondary"
                              disabled={busy}
                            >
                              {t("personPage.peers.decline")}
                            </Button>
                          </Form>
                        </>
                      ) : null}
                      {request.maySwap ? (
                        <Form method="post" className="flex flex-wrap items-end gap-2">
                          <input type="hidden" name="requestId" value={request.id} />
                          <Field
                            label={t("personPage.peers.askInstead")}
                            type="email"
                            name="email"
                            required
                            defaultValue={typed("swap", request.id)?.email}
                            autoComplete="off"
                            className="w-56"
                          />
                          {request.state === "nominated" ? (
                            <Field
                              label={t("personPage.peers.swapReason")}
                              name="reason"
                              required
                              defaultValue={typed("swap", request.id)?.reason}
                              className="w-48"
                            />
                          ) : null}
                          <Button
                            type="submit"
                            name="intent"
                            value="swap"
                            variant="secondary"
                            disabled={busy}
                          >
                            {t("personPage.peers.swap")}
                          </Button>
                        </Form>
                      ) : null}
                      {request.mayWithdraw ? (
                        <Form method="post">
                          <input type="hidden" name="requestId" value={request.id} />
                          <Button
                            type="submit"
                            name="intent"
                            value="withdraw"
                            variant="secondary"
                            disabled={busy}
                          >
                            {t("personPage.peers.withdraw")}
                          </Button>
                        </Form>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="text-sm">{t("personPage.peers.nobody")}</p>
          )}
          {page.mayNominate && page.live < settings.maxPeers ? (
            <div className="mt-4 space-y-3">
              {page.suggestions.length ? (
                <>
                  <h3 className="text-sm font-semibold">
                    {page.isSubject
                      ? t("personPage.peers.suggestedOwn")
                      : t("personPage.peers.suggested")}
                  </h3>
                  <ul className="space-y-2">
                    {page.suggestions.map((suggestion) => (
                      <li key={suggestion.id} className="flex flex-wrap items-center gap-3 text-sm">
                        <Form method="post">
                          <input type="hidden" name="intent" value="nominate" />
                          <input type="hidden" name="reviewerId" value={suggestion.id} />
                          <Button type="submit" variant="secondary" disabled={busy}>
                            {t("personPage.peers.ask", { name: suggestion.name })}
                          </Button>
                        </Form>
                        <span className="text-slate-600 dark:text-slate-300">
                          {[
                            ...suggestion.ties.map((tie) => wordsOf(t, tie)),
                            t("personPage.peers.alreadyAsked", { count: suggestion.requests }),
                          ].join(" · ")}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <Form method="post" className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="intent" value="nominate" />
                <Field
                  label={t("personPage.peers.byEmail")}
                  type="email"
                  name="email"
                  required
                  autoComplete="off"
                  defaultValue={typed("nominate")?.email}
                />
                <Button type="submit" disabled={busy}>
                  {t("personPage.peers.askSubmit")}
                </Button>
              </Form>
            </div>
          ) : null}
        </Card>
      ) : null}

      {page.picking ? (
        <Card className="mb-6">
          <Form method="post">
            <fieldset>
              <legend className="mb-2 text-lg font-semibold">
                {t("personPage.picking.legend", { name: subject.name })}
              </legend>
              <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
                {page.picking.picked
                  ? t("personPage.picking.picked")
                  : t("personPage.picking.notPicked")}{" "}
                {t("personPage.picking.follow")}
              </p>
              <div className="mb-3 grid gap-2 sm:grid-cols-2">
                {page.picking.competencies.map((competency) => (
                  <label key={competency.id} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="competencyId"
                      value={competency.id}
                      defaultChecked={
                        !page.picking!.picked || page.picking!.picked.includes(competency.id)
                      }
                      className="size-4"
                    />
                    {competency.name}
                  </label>
                ))}
              </div>
            </fieldset>
            <Button
              type="submit"
              name="intent"
              value="pick-competencies"
              variant="secondary"
              disabled={busy}
            >
              {t("personPage.picking.save")}
            </Button>
          </Form>
        </Card>
      ) : null}

      {page.peer ? (
        <section aria-labelledby="peer-heading" className="mb-6">
          <h2 id="peer-heading" className="mb-2 text-lg font-semibold">
            {t("personPage.peerHeading")}
          </h2>
          <FeedbackReleaseView
            release={page.peer.release}
            competencyName={page.competencyName}
            selfAssessment={page.selfAssessment}
          />
        </section>
      ) : null}
      {waitingFor ? (
        <Alert tone="info">
          {page.releaseAwaits === "outcome"
            ? t("personPage.notYet.outcome", { what: waitingFor })
            : t("personPage.notYet.cycleClose", { what: waitingFor })}
        </Alert>
      ) : null}

      {page.upward ? (
        <section aria-labelledby="upward-heading">
          <h2 id="upward-heading" className="mb-2 text-lg font-semibold">
            {page.isSubject ? t("personPage.upwardHeadingOwn") : t("personPage.upwardHeading")}
          </h2>
          <FeedbackReleaseView
            release={page.upward.release}
            competencyName={page.competencyName}
            selfAssessment={null}
          />
        </section>
      ) : null}

      {page.followUp.length ? (
        <Card className="mt-6">
          <h2 className="mb-2 text-lg font-semibold">{t("personPage.act.heading")}</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            {t("personPage.act.intro")}
          </p>
          <ul className="space-y-2">
            {page.followUp.map((competency) => (
              <li key={competency.id} className="flex flex-wrap items-center gap-3 text-sm">
                <span className="min-w-48 font-medium">{competency.name}</span>
                <Form method="post" className="flex flex-wrap gap-2">
                  <input type="hidden" name="competencyId" value={competency.id} />
                  <Button
                    type="submit"
                    name="intent"
                    value="to-one-to-one"
                    variant="secondary"
                    disabled={busy}
                  >
                    {t("personPage.act.toOneToOne")}
                    <span className="sr-only">
                      {t("personPage.act.which", { competency: competency.name })}
                    </span>
                  </Button>
                  <Button
                    type="submit"
                    name="intent"
                    value="to-growth-plan"
                    variant="secondary"
                    disabled={busy}
                  >
                    {t("personPage.act.toGrowthPlan")}
                    <span className="sr-only">
                      {t("personPage.act.which", { competency: competency.name })}
                    </span>
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
