import { Form, Link } from "react-router";
import { SubmitButton } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/page";
import type { AssessmentEntry } from "~/modules/assessments/assessments.server";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The page before a self-assessment or manager review exists: where it will count, and one button to start it. */
export function AssessmentStart({
  entry,
  startLabel,
  error,
}: {
  entry: Pick<AssessmentEntry, "cycle" | "decision" | "unavailable" | "lastSubmitted">;
  startLabel: string;
  error?: string | null;
}) {
  const { decision } = entry;
  return (
    <Card className="max-w-2xl">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {entry.cycle ? (
          <>
            This counts towards the review cycle <strong>{entry.cycle.name}</strong>.
          </>
        ) : (
          "There is no open review cycle for this person, so this is outside a cycle."
        )}
      </p>
      {entry.lastSubmitted ? (
        <p className="mt-2 text-sm">
          <Link to={`/assessments/${entry.lastSubmitted.id}`} className="text-brand-600 underline dark:text-brand-100">
            Read the last one
          </Link>
          {entry.lastSubmitted.submittedAt ? `, submitted ${dateFormat.format(new Date(entry.lastSubmitted.submittedAt))}.` : "."}
        </p>
      ) : null}
      {error ? (
        <div className="mt-4">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      {decision.action === "taken" ? (
        <div className="mt-4">
          <Alert tone="info" title="Someone else is writing this review">
            {decision.authorName} has a draft review of this person in progress. Drafts are private to their author; you can read it once it is submitted.
          </Alert>
        </div>
      ) : entry.unavailable ? (
        <div className="mt-4">
          <Alert tone="warning">{entry.unavailable}</Alert>
        </div>
      ) : (
        <Form method="post" className="mt-4">
          <SubmitButton busyLabel="Starting…">{startLabel}</SubmitButton>
        </Form>
      )}
    </Card>
  );
}
