import { Form, Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { wordsOf, type Message } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import { SubmitButton } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/page";
import type { AssessmentEntry } from "~/modules/assessments/assessments.server";

/** The page before a self-assessment or manager review exists: where it will count, and one button to start it. */
export function AssessmentStart({
  entry,
  startLabel,
  error,
}: {
  entry: Pick<AssessmentEntry, "cycle" | "decision" | "unavailable" | "lastSubmitted">;
  startLabel: string;
  error?: string | Message | null;
}) {
  const { t } = useTranslation("assessments");
  const f = useFormats();
  const { decision } = entry;
  return (
    <Card className="max-w-2xl">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {entry.cycle
          ? t("start.countsTowards", { cycle: entry.cycle.name })
          : t("start.outsideCycle")}
      </p>
      {entry.lastSubmitted ? (
        <p className="mt-2 text-sm">
          <Link
            to={`/assessments/${entry.lastSubmitted.id}`}
            className="text-brand-600 underline dark:text-brand-100"
          >
            {t("start.readLast")}
          </Link>
          {entry.lastSubmitted.submittedAt
            ? t("start.lastSubmittedOn", { date: f.day(entry.lastSubmitted.submittedAt) })
            : "."}
        </p>
      ) : null}
      {error ? (
        <div className="mt-4">
          <Alert tone="error">{wordsOf(t, error)}</Alert>
        </div>
      ) : null}
      {decision.action === "taken" ? (
        <div className="mt-4">
          <Alert tone="info" title={t("start.takenTitle")}>
            {t("start.takenBody", { author: decision.authorName })}
          </Alert>
        </div>
      ) : entry.unavailable ? (
        <div className="mt-4">
          <Alert tone="warning">{wordsOf(t, entry.unavailable)}</Alert>
        </div>
      ) : (
        <Form method="post" className="mt-4">
          <SubmitButton busyLabel={t("start.starting")}>{startLabel}</SubmitButton>
        </Form>
      )}
    </Card>
  );
}
