import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/promotions.windows.$windowId.ballots.$nominationId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { marks, Sentence } from "~/components/ladders/sentence";
import { LadderText, SourceTextsProvider } from "~/components/ladders/source-texts";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { ballotPage, saveBallot } from "~/modules/promotions/ballots.server";
import { MARKS } from "~/modules/promotions/committee-policy";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { revalidateAfterConflict, revisionField } from "~/utils/revision";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";

export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("promotionsCommittee:ballot.title") },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return ballotPage(viewer, params.windowId ?? "", params.nominationId ?? "", languageOf(context));
});

/** Form fields named `mark.<criterion>` and `note.<criterion>`, as a map per criterion. */
function fieldsStartingWith(form: FormData, prefix: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, value] of form)
    if (name.startsWith(prefix)) found[name.slice(prefix.length)] = String(value);
  return found;
}

export { revalidateAfterConflict as shouldRevalidate };

export const action = withFormRefusals(
  async ({ request, params }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const windowId = params.windowId ?? "";
    const nominationId = params.nominationId ?? "";
    await saveBallot(viewer, windowId, nominationId, {
      marks: fieldsStartingWith(form, "mark."),
      notes: fieldsStartingWith(form, "note."),
      submit: form.get("intent") === "submit",
      revision: revisionField(form, { optional: true }),
    });
    return redirect(`/promotions/windows/${windowId}/ballots/${nominationId}`);
    // Refused (a criterion left unmarked, a note too long), the ballot comes back with what was marked and written.
  },
  (form) => ({
    typed: { marks: fieldsStartingWith(form, "mark."), notes: fieldsStartingWith(form, "note.") },
  }),
);

const MARK_KEYS = { met: "marks.met", partly: "marks.partly", "not-yet": "marks.notYet" } as const;

export default function BallotPage({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const { t } = useTranslation("promotionsCommittee");
  const { t: common } = useTranslation("common");
  const f = useFormats();
  const busy = useSubmitting();
  const error = actionData && "error" in actionData ? actionData.error : null;
  const typed = actionData && "typed" in actionData ? actionData.typed : null;
  const who = page.nominee
    ? page.nominee.name
    : t("ballot.candidate", { number: page.nomination.candidateNumber });
  const editable = page.canVote && !page.own?.submitted;
  return (
    <SourceTextsProvider texts={page}>
      <BackLink to={`/promotions/windows/${page.window.id}/meeting`}>{page.window.name}</BackLink>
      <PageHeader
        title={
          <Sentence
            words={t("ballot.heading", { who, ...marks("target") })}
            elements={{ target: <LadderText text={page.nomination.target} /> }}
          />
        }
      />
      {page.redacted ? <Alert tone="info">{t("ballot.redactedNotice")}</Alert> : null}
      {page.nominee ? (
        <p className="muted mb-4 text-sm">
          {t("ballot.nomineeFacts", {
            team: page.nominee.team ?? "–",
            manager: page.nominee.manager ?? "–",
          })}
        </p>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {page.own?.submitted ? <Alert tone="success">{t("ballot.submitted")}</Alert> : null}
      {!page.packetSubmitted ? <Alert tone="warning">{t("ballot.noPacket")}</Alert> : null}
      <Card className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">{t("ballot.statement")}</h2>
        <p className="whitespace-pre-line">{page.statement}</p>
        {page.managerAddition ? (
          <>
            <h3 className="mt-3 font-semibold">{t("ballot.managerAddition")}</h3>
            <p className="whitespace-pre-line">{page.managerAddition}</p>
          </>
        ) : null}
        {page.sponsorships.length ? (
          <>
            <h3 className="mt-3 font-semibold">{t("ballot.sponsorship.heading")}</h3>
            <ul className="text-sm">
              {page.sponsorships.map((sponsorship) => (
                <li
                  key={`${sponsorship.sponsorName ?? ""}${sponsorship.advocacy}${sponsorship.target}`}
                >
                  {sponsorship.sponsorName
                    ? t("ballot.sponsorship.line", {
                        sponsor: sponsorship.sponsorName,
                        advocacy: sponsorship.advocacy,
                        target: sponsorship.target,
                        until: f.day(sponsorship.until),
                      })
                    : t("ballot.sponsorship.lineUnnamed", {
                        advocacy: sponsorship.advocacy,
                        target: sponsorship.target,
                        until: f.day(sponsorship.until),
                      })}
                  {sponsorship.nominator
                    ? ` ${sponsorship.sponsorName ? t("ballot.sponsorship.nominator", { sponsor: sponsorship.sponsorName }) : t("ballot.sponsorship.nominatorUnnamed")}`
                    : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>
      <Form method="post" className="space-y-4">
        {page.own ? <input type="hidden" name="revision" value={page.own.revision} /> : null}
        {page.criteria.map((criterion) => {
          const saved = page.own?.marks[criterion.id];
          const own = typed
            ? { mark: typed.marks[criterion.id] ?? null, note: typed.notes[criterion.id] ?? "" }
            : saved;
          return (
            <Card key={criterion.id}>
              <h2 className="text-lg font-semibold">
                <LadderText text={criterion.name} />
              </h2>
              {/* The ladder's words, closed: seventeen criteria's were half the page on a phone. */}
              <details>
                <summary className="muted cursor-pointer text-sm">
                  {t("ballot.expects", { count: criterion.expectations.length })}
                </summary>
                <ul className="muted list-disc ps-5 text-sm">
                  {criterion.expectations.map((text) => (
                    <li key={text}>
                      <LadderText text={text} />
                    </li>
                  ))}
                </ul>
              </details>
              {criterion.nomineeCase ? (
                <p className="mt-2 whitespace-pre-line">
                  <span className="font-semibold">{t("ballot.nomineeCase")} </span>
                  {criterion.nomineeCase}
                </p>
              ) : null}
              {criterion.managerCase ? (
                <p className="mt-2 whitespace-pre-line">
                  <span className="font-semibold">{t("ballot.managerCase")} </span>
                  {criterion.managerCase}
                </p>
              ) : null}
              {criterion.evidence.length ? (
                <ul className="mt-2 list-disc ps-5 text-sm">
                  {criterion.evidence.map((text, index) => (
                    <li key={index}>{text}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted mt-2 text-sm">{t("ballot.gap")}</p>
              )}
              <fieldset className="mt-3" disabled={!editable}>
                <legend className="field-label">
                  {t("ballot.markLegend", { criterion: criterion.name })}
                </legend>
                <div className="flex flex-wrap gap-4">
                  {MARKS.map((mark) => (
                    <label key={mark} className="flex items-center gap-1">
                      <input
                        type="radio"
                        name={`mark.${criterion.id}`}
                        value={mark}
                        defaultChecked={own?.mark === mark}
                      />
                      {t(MARK_KEYS[mark])}
                    </label>
                  ))}
                </div>
                <TextareaField
                  label={t("ballot.note", { criterion: criterion.name })}
                  name={`note.${criterion.id}`}
                  defaultValue={own?.note ?? ""}
                  rows={2}
                  className="mt-2"
                />
              </fieldset>
              {page.others ? (
                <div className="mt-3 border-t border-slate-200 pt-2 dark:border-slate-700">
                  <h3 className="text-sm font-semibold">{t("ballot.others")}</h3>
                  <ul className="text-sm">
                    {page.others.map((other) => {
                      const theirs = other.marks[criterion.id];
                      return (
                        <li key={other.member}>
                          {common("list.labelled", { label: other.member })}{" "}
                          {theirs?.mark ? t(MARK_KEYS[theirs.mark]) : "–"}
                          {theirs?.note ? ` · ${theirs.note}` : ""}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ) : null}
            </Card>
          );
        })}
        {editable ? (
          <div className="flex gap-3">
            <Button type="submit" name="intent" value="save" variant="secondary" disabled={busy}>
              {t("ballot.save")}
            </Button>
            <Button type="submit" name="intent" value="submit" disabled={busy}>
              {t("ballot.submit")}
            </Button>
          </div>
        ) : null}
      </Form>
      {!page.canVote && !page.own ? <p className="muted mt-4">{t("ballot.notVoting")}</p> : null}
      <p className="mt-4">
        <Link to={`/promotions/windows/${page.window.id}/meeting`}>{t("ballot.toMeeting")}</Link>
      </p>
    </SourceTextsProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
