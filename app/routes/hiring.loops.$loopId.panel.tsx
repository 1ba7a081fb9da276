import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect } from "react-router";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/hiring.loops.$loopId.panel";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { linkClass } from "~/components/hiring/hiring-parts";
import { SubmitButton } from "~/components/ui/button";
import { ErrorList } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { listOf, wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { requireUserAndTimeZone, requireUser } from "~/modules/identity/permissions.server";
import { assignSchema, SeatSchema } from "~/modules/hiring/forms";
import { assignInterviewer } from "~/modules/hiring/loops.server";
import { ATTRIBUTE_PREFIX, type NamedDimension } from "~/modules/hiring/panels";
import { panelPage, seatTrainee } from "~/modules/hiring/panels.server";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { languageOf } from "~/i18n/i18n.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";

// Opened from the loop's page and the hiring admins' emails; its forms post and redirect, so it
// needs none of the app's scripts as a document (decision 149).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("panels:panel.title") },
];

/** The loop's panel as its hiring admins staff it: the mix, what the rule flags, suggestions that widen it, trainees to seat. */
export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  return panelPage(await requireUser(request), params.loopId ?? "", undefined, languageOf(context));
});

/**
 * Adding a suggested interviewer and seating a trainee. An accepted form redirects to the page,
 * which words `?done=`, so a reload never posts again; a refused one comes back with its error.
 */
export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const { viewer, timeZone } = await requireUserAndTimeZone(request);
  const loopId = params.loopId ?? "";
  const done = (what: PanelDone) => redirect(`/hiring/loops/${loopId}/panel?done=${what}`);
  const formData = await formOf(request);
  const intent = formData.get("intent");
  if (intent === "seat") {
    const submission = parseWithZod(formData, { schema: SeatSchema });
    if (submission.status !== "success")
      return data({ error: "panels:errors.traineeMissing" }, { status: 400 });
    const result = await seatTrainee(viewer, loopId, submission.value);
    if (!result.ok) return data({ error: result.error }, { status: 400 });
    return done("seated");
  }
  const submission = parseWithZod(formData, { schema: assignSchema(timeZone) });
  if (submission.status !== "success")
    return data({ error: "hiring:loop.errors.interviewerEmailMissing" }, { status: 400 });
  const result = await assignInterviewer(viewer, loopId, submission.value);
  if (!result.ok)
    return data({ error: Object.values(result.fieldErrors).flat()[0] ?? null }, { status: 400 });
  return done("added");
});

/** What an accepted form did, as the page words it (`panels:panel.<done>`) after the redirect. */
const PANEL_DONE = ["added", "seated"] as const;
type PanelDone = (typeof PANEL_DONE)[number];

export default function PanelPage({ loaderData, actionData }: Route.ComponentProps) {
  const { loop, opening, settings, canStaff, mix, stages } = loaderData;
  const { t } = useTranslation("panels");
  const { t: common } = useTranslation("common");
  const f = useFormats();
  const message = useDoneMessage(
    Object.fromEntries(PANEL_DONE.map((what) => [what, t(`panel.${what}`)])) as Record<
      PanelDone,
      string
    >,
    actionData,
  );
  const label = (dimension: string) =>
    dimension.startsWith(ATTRIBUTE_PREFIX)
      ? t("dimensions.attribute", { name: dimension.slice(ATTRIBUTE_PREFIX.length) })
      : t(`dimensions.${dimension as NamedDimension}`);
  const load = (value: number) =>
    settings.cap === null
      ? t("panel.load", { count: value })
      : t("panel.loadOfCap", { count: value, cap: settings.cap });
  return (
    <>
      <BackLink to={`/hiring/loops/${loop.id}`}>{t("panel.back")}</BackLink>
      <PageHeader
        title={t("panel.heading", { candidate: loop.candidate ?? t("panel.purged") })}
        description={t("panel.description", { opening: opening.title })}
      />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {actionData?.error ? <ErrorList errors={[actionData.error]} /> : null}
      <Card className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">{t("panel.mixHeading", { count: mix.size })}</h2>
        {mix.metRule ? (
          <Alert tone="success">{t("panel.metRule")}</Alert>
        ) : (
          <Alert tone="warning">{t("panel.flagged")}</Alert>
        )}
        <ul className="mt-3 space-y-1 text-sm">
          {mix.dimensions.map((dimension) => (
            <li key={dimension.dimension} data-flagged={dimension.flagged ? "true" : undefined}>
              <span className="font-medium">
                {common("list.labelled", { label: label(dimension.dimension) })}{" "}
              </span>
              {dimension.counts
                ? wordsOf(
                    t,
                    listOf(
                      dimension.counts.map((count) =>
                        t("panel.count", { name: count.name, count: count.count }),
                      ),
                    ),
                  )
                : t("panel.groups", { count: dimension.groups })}
              {dimension.unknown ? ` ${t("panel.unknown", { count: dimension.unknown })}` : null}
              {dimension.flagged ? (
                <strong className="ms-2 text-amber-700 dark:text-amber-300">
                  {t("panel.oneGroup")}
                </strong>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
      {stages.map((stage) => (
        <Card key={stage.id} className="mb-4">
          <h2 className="text-lg font-semibold">{stage.name}</h2>
          <p className="muted mb-2 text-sm">{wordsOf(t, listOf(stage.competencies))}</p>
          {stage.interviews.length === 0 ? <p className="muted">{t("panel.nobody")}</p> : null}
          <ul className="space-y-2">
            {stage.interviews.map((interview) => (
              <li key={interview.id}>
                <span className="font-medium">{interview.interviewer.name}</span> ·{" "}
                {interview.interviewer.team ?? t("panel.noTeam")} ·{" "}
                {interview.interviewer.level ?? t("panel.noLevel")} ·{" "}
                {load(interview.interviewer.load)}
                {interview.interviewer.qualified ? null : (
                  <span className="ms-2 text-amber-700 dark:text-amber-300">
                    {t("panel.notQualified")}
                  </span>
                )}
                {interview.seats.length ? (
                  <ul className="ms-4 text-sm">
                    {interview.seats.map((seat) => (
                      <li key={seat.id}>
                        {t("panel.seat", { trainee: seat.trainee, mode: t(`steps.${seat.mode}`) })}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          {canStaff && stage.suggestions.length ? (
            <section
              className="mt-3"
              aria-label={t("panel.suggestionsHeading", { stage: stage.name })}
            >
              <h3 className="font-medium">
                {t("panel.suggestionsHeading", { stage: stage.name })}
              </h3>
              <ul className="space-y-1 text-sm">
                {stage.suggestions.map((suggestion) => (
                  <li key={suggestion.id} className="flex flex-wrap items-center gap-2">
                    <span>
                      {suggestion.name} · {suggestion.team ?? t("panel.noTeam")} ·{" "}
                      {suggestion.level ?? t("panel.noLevel")} · {load(suggestion.load)} ·{" "}
                      {t("panel.widens", { dimensions: f.list(suggestion.widens.map(label)) })}
                    </span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="assign" />
                      <input type="hidden" name="stageId" value={stage.id} />
                      <input type="hidden" name="email" value={suggestion.email} />
                      <SubmitButton
                        variant="secondary"
                        busyLabel={t("panel.adding")}
                        aria-label={t("panel.addNamed", { name: suggestion.name })}
                      >
                        {t("panel.add")}
                      </SubmitButton>
                    </Form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {canStaff && stage.trainees.length ? (
            <section className="mt-3">
              <h3 className="font-medium">{t("panel.traineesHeading")}</h3>
              <ul className="space-y-1 text-sm">
                {stage.trainees.map((trainee) => (
                  <li key={trainee.id} className="flex flex-wrap items-center gap-2">
                    <span>
                      {trainee.name} · {t(`steps.${trainee.step}`)} · {load(trainee.load)}
                    </span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="seat" />
                      <input type="hidden" name="interviewId" value={stage.interviews[0]!.id} />
                      <input type="hidden" name="personId" value={trainee.id} />
                      <SubmitButton
                        variant="secondary"
                        busyLabel={t("panel.seating")}
                        aria-label={t("panel.seatNamed", {
                          name: trainee.name,
                          interviewer: stage.interviews[0]!.interviewer.name,
                        })}
                      >
                        {t("panel.seatWith", {
                          interviewer: stage.interviews[0]!.interviewer.name,
                        })}
                      </SubmitButton>
                    </Form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </Card>
      ))}
      <p className="text-sm">
        <Link className={linkClass} to="/hiring/panels">
          {t("panel.rulesLink")}
        </Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
