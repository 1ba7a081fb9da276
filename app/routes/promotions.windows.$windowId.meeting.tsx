import { Form, Link, data, redirect } from "react-router";
import type { Route } from "./+types/promotions.windows.$windowId.meeting";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { ErrorList, SelectField, TextareaField } from "~/components/ui/field";
import { ScrollRegion } from "~/components/ui/data-table";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { InvalidError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { MARKS, OUTCOMES } from "~/modules/promotions/committee-policy";
import {
  meetingPage,
  recordDecision,
  recordDissent,
  releaseDecision,
  startMeeting,
} from "~/modules/promotions/decisions.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { revalidateAfterConflict, revisionField } from "~/utils/revision";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";

export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("promotionsCommittee:meeting.title", { window: loaderData.window.name })
      : metaT(matches)("promotionsCommittee:meeting.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const page = await meetingPage(viewer, params.windowId ?? "", languageOf(context));
  // The one nominee whose decision form is open, asked for by its link (or a refused save's address).
  return { ...page, deciding: new URL(request.url).searchParams.get("decide") };
});

function fieldsStartingWith(form: FormData, prefix: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, value] of form)
    if (name.startsWith(prefix)) found[name.slice(prefix.length)] = String(value);
  return found;
}

export { revalidateAfterConflict as shouldRevalidate };

export const action = withFormRefusals(
  async ({ request, params, context }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const windowId = params.windowId ?? "";
    const nominationId = String(form.get("nominationId") ?? "");
    const intent = form.get("intent");
    const back = redirect(`/promotions/windows/${windowId}/meeting`);
    if (intent === "start") {
      await startMeeting(viewer, windowId, revisionField(form, { optional: true }));
      return back;
    }
    if (intent === "decide") {
      const result = await recordDecision(viewer, windowId, nominationId, {
        outcome: String(form.get("outcome") ?? ""),
        summary: String(form.get("summary") ?? ""),
        marks: fieldsStartingWith(form, "mark."),
        rationales: fieldsStartingWith(form, "rationale."),
        revision: revisionField(form, { optional: true }),
      });
      if (!result.ok) {
        const t = translatorOf(context);
        const fieldErrors = Object.fromEntries(
          Object.entries(result.fieldErrors).map(([field, keys]) => [
            field,
            keys.map((key) => wordsOf(t, key)),
          ]),
        );
        return data(
          { intent: "decide" as const, nominationId, fieldErrors, typed: typedDecision(form) },
          { status: 400 },
        );
      }
      return back;
    }
    if (intent === "dissent") {
      await recordDissent(viewer, windowId, nominationId, String(form.get("text") ?? ""));
      return back;
    }
    if (intent === "release") {
      await releaseDecision(viewer, windowId, nominationId);
      return back;
    }
    throw new InvalidError({ key: "promotionsCommittee:errors.unknownAction" });
    // Refused, the decision or the dissent comes back with what was written, for its form to show again.
  },
  (form) => ({ nominationId: String(form.get("nominationId") ?? ""), typed: typedDecision(form) }),
);

/** A decision's fields, or a dissent's text, as posted (the answer's intent says which form it was). */
function typedDecision(form: FormData) {
  return {
    outcome: String(form.get("outcome") ?? ""),
    summary: String(form.get("summary") ?? ""),
    marks: fieldsStartingWith(form, "mark."),
    rationales: fieldsStartingWith(form, "rationale."),
    dissent: String(form.get("text") ?? ""),
  };
}

const MARK_KEYS = { met: "marks.met", partly: "marks.partly", "not-yet": "marks.notYet" } as const;
const OUTCOME_KEYS = { promote: "outcomes.promote", "not-yet": "outcomes.notYet" } as const;
const STATE_KEYS = {
  committee: "meeting.state.committee",
  meeting: "meeting.state.meeting",
  closed: "meeting.state.closed",
} as const;
const OWN_BALLOT_KEYS = {
  none: "meeting.ownBallot.none",
  draft: "meeting.ownBallot.draft",
  submitted: "meeting.ownBallot.submitted",
  "not-a-voter": "meeting.ownBallot.notAVoter",
} as const;

export default function MeetingPage({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const { t } = useTranslation("promotionsCommittee");
  const { t: common } = useTranslation("common");
  const { t: audit } = useTranslation("promotionsAudit");
  const f = useFormats();
  const busy = useSubmitting();
  const error = actionData && "error" in actionData ? actionData.error : null;
  const fieldErrors = (nominationId: string) =>
    actionData && "fieldErrors" in actionData && actionData.nominationId === nominationId
      ? actionData.fieldErrors
      : {};
  /** What was posted for this nominee and refused: its form shows it again in place of what is saved. */
  const typedFor = (nominationId: string, intent: "decide" | "dissent") =>
    actionData &&
    "typed" in actionData &&
    actionData.intent === intent &&
    actionData.nominationId === nominationId
      ? actionData.typed
      : null;
  return (
    <>
      <BackLink to={`/promotions/windows/${page.window.id}`}>{page.window.name}</BackLink>
      <PageHeader
        title={t("meeting.heading", { window: page.window.name })}
        description={t(
          STATE_KEYS[
            page.window.state === "meeting" || page.window.state === "closed"
              ? page.window.state
              : "committee"
          ],
        )}
        actions={
          <div className="flex flex-wrap gap-4">
            <Link to={`/promotions/windows/${page.window.id}/committee`}>
              {t("meeting.toCommittee")}
            </Link>
            {page.readsAudit ? (
              <Link to={`/promotions/windows/${page.window.id}/audit`}>{audit("linkWindow")}</Link>
            ) : null}
          </div>
        }
      />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {page.canStartMeeting ? (
        <Form method="post" className="mb-4">
          <Button type="submit" name="intent" value="start" disabled={busy}>
            {t("meeting.start")}
          </Button>
        </Form>
      ) : null}
      <Card className="mb-6">
        <h2 className="text-lg font-semibold">{t("meeting.agreement.heading")}</h2>
        {page.agreement === null ? (
          <p className="muted">{t("meeting.agreement.hidden")}</p>
        ) : page.agreement.alpha === null ? (
          <p>{t("meeting.agreement.undefined")}</p>
        ) : (
          <>
            <p>
              {t("meeting.agreement.alpha", {
                alpha: f.number(page.agreement.alpha, 2),
                units: page.agreement.units,
              })}
            </p>
            <p className="muted mt-1 text-sm">
              {page.agreement.interval === null
                ? t("meeting.agreement.noInterval")
                : t(
                    page.agreement.tooWide
                      ? "meeting.agreement.tooWide"
                      : "meeting.agreement.interval",
                    {
                      low: f.number(page.agreement.interval[0], 2),
                      high: f.number(page.agreement.interval[1], 2),
                    },
                  )}
            </p>
          </>
        )}
      </Card>
      <div className="space-y-6">
        {page.candidates.map((candidate) => {
          const errors = fieldErrors(candidate.id);
          const typed = typedFor(candidate.id, "decide");
          const decision = typed
            ? {
                outcome: typed.outcome,
                summary: typed.summary,
                rationale: Object.fromEntries(
                  candidate.criteria.map((criterion) => [
                    criterion.id,
                    {
                      mark: typed.marks[criterion.id] ?? null,
                      rationale: typed.rationales[criterion.id] ?? "",
                    },
                  ]),
                ),
              }
            : candidate.decision;
          // The chair's form for this nominee: open when asked for by its link, or refused.
          const decidable = candidate.canDecide && !candidate.decisionRefusal;
          const deciding = decidable && (page.deciding === candidate.id || typed !== null);
          return (
            <Card key={candidate.id}>
              <h2 className="text-lg font-semibold">
                {t("meeting.candidate", { who: candidate.label, target: candidate.target })}
              </h2>
              <p className="text-sm">
                <Link to={`/promotions/windows/${page.window.id}/ballots/${candidate.id}`}>
                  {t(OWN_BALLOT_KEYS[candidate.ownBallot])}
                </Link>
              </p>
              {candidate.marks === null || candidate.voters === null ? (
                <p className="muted">{t("meeting.voteFirst")}</p>
              ) : (
                <ScrollRegion labelledBy={`marks-${candidate.id}`}>
                  <table className="min-w-full text-start text-sm">
                    <caption id={`marks-${candidate.id}`} className="sr-only">
                      {t("meeting.caption", { who: candidate.label })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col" className="px-2 py-1">
                          {t("meeting.criterion")}
                        </th>
                        {candidate.voters.map((voter, index) => (
                          <th key={`${voter}-${index}`} scope="col" className="px-2 py-1">
                            {voter}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {candidate.marks.map((row) => (
                        <tr
                          key={row.criterionId}
                          className={row.disagreement ? "bg-amber-50 dark:bg-amber-950" : ""}
                        >
                          <th scope="row" className="px-2 py-1 font-medium">
                            {
                              candidate.criteria.find(
                                (criterion) => criterion.id === row.criterionId,
                              )?.name
                            }
                            {row.disagreement ? (
                              <span className="block text-xs font-normal">
                                {t("meeting.disagreement")}
                              </span>
                            ) : null}
                          </th>
                          {row.byMember.map((mark, index) => (
                            <td key={index} className="px-2 py-1">
                              {mark ? t(MARK_KEYS[mark]) : "–"}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              )}
              {candidate.decision ? (
                <div className="mt-4">
                  <h3 className="font-semibold">
                    {t("meeting.decision", {
                      outcome: t(OUTCOME_KEYS[candidate.decision.outcome]),
                    })}
                  </h3>
                  <p className="text-sm">
                    {t(candidate.decision.released ? "meeting.released" : "meeting.notReleased")}
                  </p>
                  {candidate.decision.summary ? (
                    <p className="whitespace-pre-line">{candidate.decision.summary}</p>
                  ) : null}
                  <ul className="text-sm">
                    {candidate.criteria.map((criterion) => {
                      const entry = candidate.decision!.rationale[criterion.id];
                      return entry ? (
                        <li key={criterion.id}>
                          {common("list.labelled", { label: criterion.name })}{" "}
                          {t(MARK_KEYS[entry.mark])}
                          {entry.rationale ? ` · ${entry.rationale}` : ""}
                        </li>
                      ) : null;
                    })}
                  </ul>
                  {candidate.decision.dissents.length ? (
                    <>
                      <h4 className="mt-2 font-semibold">{t("meeting.dissents")}</h4>
                      <ul className="text-sm">
                        {candidate.decision.dissents.map((dissent) => (
                          <li key={dissent.member}>
                            {common("list.labelled", { label: dissent.member })} {dissent.text}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {candidate.canRelease ? (
                    <Form method="post" className="mt-2">
                      <input type="hidden" name="nominationId" value={candidate.id} />
                      <Button type="submit" name="intent" value="release" disabled={busy}>
                        {t("meeting.release", { who: candidate.label })}
                      </Button>
                    </Form>
                  ) : null}
                </div>
              ) : null}
              {candidate.decisionRefusal ? (
                <Alert tone="warning">{wordsOf(t, { key: candidate.decisionRefusal })}</Alert>
              ) : null}
              {decidable && !deciding ? (
                // One nominee's form at a time, opened by its link: three nominees' forms of
                // seventeen criteria each made the meeting 11,555 px on a phone and most of its HTML.
                <h3 className="mt-4 font-semibold">
                  <a href={`?decide=${encodeURIComponent(candidate.id)}#decide-${candidate.id}`}>
                    {t(candidate.decision ? "meeting.changeDecision" : "meeting.recordDecision")}
                  </a>
                </h3>
              ) : null}
              {deciding ? (
                <section className="mt-4" aria-labelledby={`decide-${candidate.id}`}>
                  <h3 id={`decide-${candidate.id}`} className="font-semibold">
                    {t(candidate.decision ? "meeting.changeDecision" : "meeting.recordDecision")}
                  </h3>
                  <Form
                    method="post"
                    // A refused decision comes back to this form, with what was written.
                    action={`/promotions/windows/${page.window.id}/meeting?decide=${encodeURIComponent(candidate.id)}`}
                    className="mt-2 space-y-3"
                  >
                    <input type="hidden" name="nominationId" value={candidate.id} />
                    {candidate.decision ? (
                      <input type="hidden" name="revision" value={candidate.decision.revision} />
                    ) : null}
                    <SelectField
                      label={t("meeting.outcome")}
                      name="outcome"
                      defaultValue={decision?.outcome ?? ""}
                      errors={errors.outcome}
                    >
                      <option value="">{t("meeting.chooseOutcome")}</option>
                      {OUTCOMES.map((outcome) => (
                        <option key={outcome} value={outcome}>
                          {t(OUTCOME_KEYS[outcome])}
                        </option>
                      ))}
                    </SelectField>
                    {candidate.criteria.map((criterion) => (
                      <fieldset key={criterion.id}>
                        <legend className="field-label">{criterion.name}</legend>
                        <div className="flex flex-wrap gap-4">
                          {MARKS.map((mark) => (
                            <label key={mark} className="flex items-center gap-1">
                              <input
                                type="radio"
                                name={`mark.${criterion.id}`}
                                value={mark}
                                defaultChecked={decision?.rationale[criterion.id]?.mark === mark}
                              />
                              {t(MARK_KEYS[mark])}
                            </label>
                          ))}
                        </div>
                        <ErrorList errors={errors[`mark.${criterion.id}`]} />
                        <TextareaField
                          label={t("meeting.rationale", { criterion: criterion.name })}
                          name={`rationale.${criterion.id}`}
                          rows={2}
                          defaultValue={decision?.rationale[criterion.id]?.rationale ?? ""}
                          errors={errors[`rationale.${criterion.id}`]}
                        />
                      </fieldset>
                    ))}
                    <TextareaField
                      label={t("meeting.summary")}
                      name="summary"
                      rows={3}
                      defaultValue={decision?.summary ?? ""}
                      errors={errors.summary}
                    />
                    <Button type="submit" name="intent" value="decide" disabled={busy}>
                      {t("meeting.saveDecision")}
                    </Button>
                  </Form>
                </section>
              ) : null}
              {candidate.canDissent ? (
                <Form method="post" className="mt-4 space-y-2">
                  <input type="hidden" name="nominationId" value={candidate.id} />
                  <TextareaField
                    label={t("meeting.dissentLabel")}
                    name="text"
                    rows={2}
                    required
                    defaultValue={typedFor(candidate.id, "dissent")?.dissent ?? ""}
                  />
                  <Button
                    type="submit"
                    name="intent"
                    value="dissent"
                    variant="secondary"
                    disabled={busy}
                  >
                    {t("meeting.dissent")}
                  </Button>
                </Form>
              ) : null}
            </Card>
          );
        })}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
