import { Form, data, useNavigation } from "react-router";
import type { Route } from "./+types/feedback.cycles.$cycleId.people.$personId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FeedbackReleaseView } from "~/components/feedback/release-view";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { formatDay } from "~/modules/days";
import { InvalidError } from "~/modules/errors";
import { decideNomination, nominatePeer, nominatePeerByEmail, pickCompetencies, swapReviewer, withdrawRequest } from "~/modules/feedback/feedback.server";
import { feedbackFollowUp, personFeedbackPage } from "~/modules/feedback/person-page.server";
import { addPointToNextOneToOne } from "~/modules/conversations/agenda.server";
import { addGrowthFocus } from "~/modules/growth/growth-plan.server";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors } from "~/utils/http.server";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Feedback · ${loaderData?.subject.name ?? "Person"} · ${loaderData?.cycle.name ?? "Review cycle"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return personFeedbackPage(viewer, params.cycleId ?? "", params.personId ?? "");
});

/** Nominating (a suggestion, or a colleague by email), approving, declining with a reason, swapping, withdrawing; the person acting on their released feedback. */
export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const cycleId = params.cycleId ?? "";
  const personId = params.personId ?? "";
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const intent = text("intent");
  if (intent === "nominate") {
    const result = text("reviewerId") ? await nominatePeer(viewer, cycleId, personId, text("reviewerId")) : await nominatePeerByEmail(viewer, cycleId, personId, text("email"));
    if (!result.ok) return data({ ok: false as const, message: result.message, typed: text("email") }, { status: 400 });
    return { ok: true as const, message: result.state === "nominated" ? "Nominated: waiting for the manager's approval." : "Asked.", typed: "" };
  }
  if (intent === "approve" || intent === "decline") {
    await decideNomination(viewer, text("requestId"), intent, intent === "decline" ? text("reason") : null);
    return { ok: true as const, message: intent === "approve" ? "Approved: they are asked now." : "Declined; the person reads your reason.", typed: "" };
  }
  if (intent === "swap") {
    const replacement = text("reviewerId") ? { reviewerId: text("reviewerId") } : { email: text("email") };
    const result = await swapReviewer(viewer, text("requestId"), replacement, text("reason"));
    if (!result.ok) return data({ ok: false as const, message: result.message, typed: "" }, { status: 400 });
    return { ok: true as const, message: "Swapped: the new colleague is asked now.", typed: "" };
  }
  if (intent === "pick-competencies") {
    const picked = form.getAll("competencyId").filter((value): value is string => typeof value === "string");
    const result = await pickCompetencies(viewer, cycleId, personId, picked);
    if (!result.ok) return data({ ok: false as const, message: result.message, typed: "" }, { status: 400 });
    return { ok: true as const, message: "Saved: requests not yet answered ask about these competencies.", typed: "" };
  }
  if (intent === "to-one-to-one" || intent === "to-growth-plan") {
    const topic = await feedbackFollowUp(viewer, cycleId, personId, text("competencyId"));
    if (intent === "to-one-to-one") {
      const added = await addPointToNextOneToOne(viewer, topic.agendaPoint);
      if (!added.ok) return data({ ok: false as const, message: added.message, typed: "" }, { status: 409 });
      return { ok: true as const, message: `Added to the agenda of your next one-to-one: “${topic.agendaPoint}”.`, typed: "" };
    }
    const focus = await addGrowthFocus(viewer, personId, topic.competencyId);
    if (!focus.ok) return data({ ok: false as const, message: focus.message, typed: "" }, { status: 409 });
    return { ok: true as const, message: focus.added ? `${topic.competencyName} is now a focus of your growth plan.` : `${topic.competencyName} was already a focus of your growth plan.`, typed: "" };
  }
  if (intent === "withdraw") {
    await withdrawRequest(viewer, text("requestId"));
    return { ok: true as const, message: "Withdrawn.", typed: "" };
  }
  throw new InvalidError("Unknown action.");
});

export default function PersonFeedback({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const reply = actionData;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { settings, subject, cycle } = page;
  const whose = page.isSubject ? "your" : `${subject.name}'s`;
  return (
    <>
      <BackLink to="/">Home</BackLink>
      <PageHeader title={page.isSubject ? `Your feedback in ${cycle.name}` : `Feedback for ${subject.name}`} description={`${cycle.name}. Answers due ${formatDay(settings.dueOn)}.`} />
      {reply ? <Alert tone={reply.ok ? "success" : "error"}>{reply.message}</Alert> : null}

      {settings.peer && (page.isSubject || page.isManager) ? (
        <Card className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">Peers asked</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            {plural(page.live, "# peer")} asked; this cycle asks for {settings.minPeers} to {settings.maxPeers}.{" "}
            {settings.nominator === "person" ? `${page.isSubject ? "You choose" : `${subject.name} chooses`}; ${page.isManager ? "you approve" : "their manager approves"}.` : "The manager chooses."}
          </p>
          {page.requests.length ? (
            <>
              {page.requests.some((request) => request.mayWithdraw || (page.mayDecide && request.state === "nominated")) ? (
                <p className="mb-2 text-xs text-slate-600 dark:text-slate-300">
                  {page.mayDecide ? "Decline a nomination to say no to it, with a reason the person reads. " : ""}Withdraw a request to take it back before it is answered: the colleague is no longer asked.
                </p>
              ) : null}
              {/* A list, not a table: at a phone's width every control stays on the screen. */}
              <ul aria-label={`Who is asked for ${whose} feedback`} className="divide-y divide-slate-200 dark:divide-slate-700">
                {page.requests.map((request) => (
                  <li key={request.id} className="flex flex-wrap items-end justify-between gap-2 py-2 text-sm">
                    <span className="min-w-0">
                      <span className="font-medium">{request.reviewer.name}</span>
                      {" · "}
                      {request.stateLabel}
                      {request.leftRungs ? " (they left)" : ""}
                      {request.declineReason ? `: ${request.declineReason}` : ""}
                    </span>
                    <span className="flex flex-wrap items-end gap-2">
                      {page.mayDecide && request.state === "nominated" ? (
                        <>
                          <Form method="post">
                            <input type="hidden" name="requestId" value={request.id} />
                            <Button type="submit" name="intent" value="approve" variant="secondary" disabled={busy}>
                              Approve
                            </Button>
                          </Form>
                          <Form method="post" className="flex flex-wrap items-end gap-2">
                            <input type="hidden" name="requestId" value={request.id} />
                            <Field label="Why not" name="reason" required className="w-full max-w-48" />
                            <Button type="submit" name="intent" value="decline" variant="secondary" disabled={busy}>
                              Decline
                            </Button>
                          </Form>
                        </>
                      ) : null}
                      {request.maySwap ? (
                        <Form method="post" className="flex flex-wrap items-end gap-2">
                          <input type="hidden" name="requestId" value={request.id} />
                          <Field label="Ask instead (email)" type="email" name="email" required autoComplete="off" className="w-56" />
                          {request.state === "nominated" ? <Field label="Reason for the swap" name="reason" required className="w-48" /> : null}
                          <Button type="submit" name="intent" value="swap" variant="secondary" disabled={busy}>
                            Swap
                          </Button>
                        </Form>
                      ) : null}
                      {request.mayWithdraw ? (
                        <Form method="post">
                          <input type="hidden" name="requestId" value={request.id} />
                          <Button type="submit" name="intent" value="withdraw" variant="secondary" disabled={busy}>
                            Withdraw
                          </Button>
                        </Form>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="text-sm">Nobody is asked yet.</p>
          )}
          {page.mayNominate && page.live < settings.maxPeers ? (
            <div className="mt-4 space-y-3">
              {page.suggestions.length ? (
                <>
                  <h3 className="text-sm font-semibold">Suggested: people {page.isSubject ? "you work" : "they work"} with</h3>
                  <ul className="space-y-2">
                    {page.suggestions.map((suggestion) => (
                      <li key={suggestion.id} className="flex flex-wrap items-center gap-3 text-sm">
                        <Form method="post">
                          <input type="hidden" name="intent" value="nominate" />
                          <input type="hidden" name="reviewerId" value={suggestion.id} />
                          <Button type="submit" variant="secondary" disabled={busy}>
                            Ask {suggestion.name}
                          </Button>
                        </Form>
                        <span className="text-slate-600 dark:text-slate-300">
                          {suggestion.ties.join(" · ")} · already asked for {plural(suggestion.requests, "# review")}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <Form method="post" className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="intent" value="nominate" />
                <Field label="Or ask a colleague by email" type="email" name="email" required autoComplete="off" defaultValue={reply && !reply.ok ? reply.typed : ""} />
                <Button type="submit" disabled={busy}>
                  Ask
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
              <legend className="mb-2 text-lg font-semibold">What {subject.name} is asked about</legend>
              <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
                {page.picking.picked ? "Your pick." : "Every competency at their level, until you pick."} Requests not yet answered follow your pick.
              </p>
              <div className="mb-3 grid gap-2 sm:grid-cols-2">
                {page.picking.competencies.map((competency) => (
                  <label key={competency.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="competencyId" value={competency.id} defaultChecked={!page.picking!.picked || page.picking!.picked.includes(competency.id)} className="size-4" />
                    {competency.name}
                  </label>
                ))}
              </div>
            </fieldset>
            <Button type="submit" name="intent" value="pick-competencies" variant="secondary" disabled={busy}>
              Save the competencies
            </Button>
          </Form>
        </Card>
      ) : null}

      {page.peer ? (
        <section aria-labelledby="peer-heading" className="mb-6">
          <h2 id="peer-heading" className="mb-2 text-lg font-semibold">
            Peer feedback
          </h2>
          <FeedbackReleaseView release={page.peer.release} competencyName={page.competencyName} selfAssessment={page.selfAssessment} />
        </section>
      ) : page.isSubject ? (
        <Alert tone="info">You read your peers' feedback once your outcome for this cycle is released.</Alert>
      ) : null}

      {page.upward ? (
        <section aria-labelledby="upward-heading">
          <h2 id="upward-heading" className="mb-2 text-lg font-semibold">
            Upward feedback from {page.isSubject ? "your" : "their"} reports
          </h2>
          <FeedbackReleaseView release={page.upward.release} competencyName={page.competencyName} selfAssessment={null} />
        </section>
      ) : null}

      {page.followUp.length ? (
        <Card className="mt-6">
          <h2 className="mb-2 text-lg font-semibold">Act on it</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">Take a competency your feedback speaks of to your next one-to-one with your manager, or make it a focus of your growth plan.</p>
          <ul className="space-y-2">
            {page.followUp.map((competency) => (
              <li key={competency.id} className="flex flex-wrap items-center gap-3 text-sm">
                <span className="min-w-48 font-medium">{competency.name}</span>
                <Form method="post" className="flex flex-wrap gap-2">
                  <input type="hidden" name="competencyId" value={competency.id} />
                  <Button type="submit" name="intent" value="to-one-to-one" variant="secondary" disabled={busy}>
                    Add to my next one-to-one<span className="sr-only"> ({competency.name})</span>
                  </Button>
                  <Button type="submit" name="intent" value="to-growth-plan" variant="secondary" disabled={busy}>
                    Add as a growth focus<span className="sr-only"> ({competency.name})</span>
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
