import { parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/hiring.seats.$seatId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useInstant } from "~/components/hiring/hiring-parts";
import { KitView } from "~/components/hiring/kit-view";
import { SubmitButton } from "~/components/ui/button";
import { ErrorList, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { requireUser } from "~/modules/identity/permissions.server";
import { PracticeNotesSchema, SignOffSchema } from "~/modules/hiring/forms";
import { TRAINING_STEPS } from "~/modules/hiring/panels";
import { savePracticeNotes, seatPage, signOffSeat } from "~/modules/hiring/panels.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { plainHtml } from "~/utils/page-scripts";

// Opened from the to-do list and emails as a document; its forms post, redirect when accepted and
// come back with the notes typed when refused (decision 144).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("panels:seat.title") },
];

/** A trainee's seat on an interview: the kit and practice notes for the trainee, the sign-off for the interviewer; a 404 for anyone else. */
export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  return seatPage(await requireUser(request), params.seatId ?? "", languageOf(context));
});

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const seatId = params.seatId ?? "";
  const formData = await formOf(request);
  if (formData.get("intent") === "sign-off") {
    const submission = parseWithZod(formData, { schema: SignOffSchema });
    if (submission.status !== "success")
      return data({ error: "panels:errors.outcomeMissing", typed: null }, { status: 400 });
    const { step } = await signOffSeat(viewer, seatId, submission.value.outcome);
    return redirect(`/hiring/seats/${seatId}?done=${step ?? "not-yet"}`);
  }
  const submission = parseWithZod(formData, { schema: PracticeNotesSchema });
  // Refused (over the limit), the notes come back as typed (without JavaScript the page reloads from this answer).
  if (submission.status !== "success")
    return data(
      {
        error: "panels:errors.notesTooLong",
        typed: String(formData.get("practiceNotes") ?? ""),
      },
      { status: 400 },
    );
  await savePracticeNotes(viewer, seatId, submission.value.practiceNotes);
  return redirect(`/hiring/seats/${seatId}?done=notes`);
});

export default function SeatPage({ loaderData, actionData }: Route.ComponentProps) {
  const {
    seat,
    trainee,
    interviewer,
    scheduledAt,
    opening,
    stage,
    candidate,
    kit,
    isTrainee,
    can,
  } = loaderData;
  const { t } = useTranslation("panels");
  const when = useInstant();
  // The sign-off names the step it reached (`?done=<step>`), as the action redirects.
  const done = useDoneMessage(
    {
      notes: t("seat.notesSaved"),
      "not-yet": t("seat.notYetSaved"),
      ...Object.fromEntries(
        TRAINING_STEPS.map((step) => [step, t("seat.advanced", { step: t(`steps.${step}`) })]),
      ),
    },
    actionData,
  );
  return (
    <>
      <BackLink to="/">{t("seat.back")}</BackLink>
      <PageHeader
        title={t("seat.heading", { stage: stage.name, opening: opening.title })}
        description={t("seat.description", {
          trainee,
          interviewer,
          mode: t(`steps.${seat.mode}`),
          when: when(scheduledAt),
          candidate: candidate ?? t("panel.purged"),
        })}
      />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {actionData?.error ? <ErrorList errors={[actionData.error]} /> : null}
      <Alert tone="info">{t("seat.neverCounts")}</Alert>
      <Card className="my-4">
        <h2 className="mb-2 text-lg font-semibold">{t("seat.notesHeading")}</h2>
        {can.write ? (
          <Form method="post" className="space-y-3">
            <TextareaField
              label={t("seat.notes")}
              name="practiceNotes"
              rows={8}
              defaultValue={actionData?.typed ?? seat.practiceNotes}
            />
            <SubmitButton busyLabel={t("seat.saving")}>{t("seat.save")}</SubmitButton>
          </Form>
        ) : (
          <p className="whitespace-pre-wrap">{seat.practiceNotes || t("seat.noNotes")}</p>
        )}
      </Card>
      {seat.outcome ? (
        <Alert tone="info">
          {seat.outcome === "advance" ? t("seat.signedOff") : t("seat.notYet")}
        </Alert>
      ) : null}
      {can.signOff ? (
        <Card className="my-4">
          <h2 className="mb-2 text-lg font-semibold">{t("seat.signOffHeading", { trainee })}</h2>
          <Form method="post" className="flex flex-wrap gap-2">
            <input type="hidden" name="intent" value="sign-off" />
            <SubmitButton name="outcome" value="advance" busyLabel={t("seat.saving")}>
              {t(seat.mode === "shadow" ? "seat.advanceToReverse" : "seat.advanceToQualified")}
            </SubmitButton>
            <SubmitButton
              name="outcome"
              value="not-yet"
              variant="secondary"
              busyLabel={t("seat.saving")}
            >
              {t("seat.notYetButton")}
            </SubmitButton>
          </Form>
        </Card>
      ) : null}
      {isTrainee && kit ? (
        <section aria-label={t("seat.kitHeading")}>
          <h2 className="mb-2 text-lg font-semibold">{t("seat.kitHeading")}</h2>
          <KitView kit={kit} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
