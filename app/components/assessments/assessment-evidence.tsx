import type { SubmissionResult } from "@conform-to/react";
import { Form } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { wordsOf } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import { Button } from "~/components/ui/button";
import { Field, TextareaField } from "~/components/ui/field";
import { useScriptsRun } from "~/components/ui/without-scripts";
import type { EvidenceItem } from "~/modules/assessments/assessment-view";

/** Evidence as a list: dated items, links opening in a new tab. */
export function AssessmentEvidenceList({
  evidence,
  removable = false,
}: {
  evidence: readonly EvidenceItem[];
  /** Each item with a form that removes it (posted to the draft's page). */
  removable?: boolean;
}) {
  const { t } = useTranslation("assessments");
  const f = useFormats();
  if (!evidence.length) return null;
  return (
    <ul className="space-y-2">
      {evidence.map((item) => (
        <li key={item.id} className="evidence-item">
          <div className="evidence-head">
            <p className="whitespace-pre-wrap">{item.text}</p>
            {removable ? (
              <Form method="post" className="no-print">
                <input type="hidden" name="intent" value="remove-evidence" />
                <input type="hidden" name="evidenceId" value={item.id} />
                <Button
                  type="submit"
                  variant="ghost"
                  className="px-2 py-1 text-xs"
                  aria-label={t("evidence.removeLabel", { text: item.text.slice(0, 60) })}
                >
                  {t("evidence.remove")}
                </Button>
              </Form>
            ) : null}
          </div>
          <p className="evidence-meta">
            <span>
              {item.occurredOn ? (
                <time dateTime={new Date(item.occurredOn).toISOString().slice(0, 10)}>
                  {f.day(item.occurredOn)}
                </time>
              ) : (
                t("evidence.noDate")
              )}
            </span>
            {item.url ? (
              <a
                href={item.url}
                target="_blank"
                rel="noreferrer noopener"
                className="link break-all underline"
              >
                {item.url}
              </a>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * The evidence of one competency on the author's draft: its list, each item removable, and a form
 * to add more, posted to the draft's page, which comes back to the competency with the form open for
 * the next (decision 169). Where scripts run the form is in place, and the draft is saved before it
 * goes (the draft script); without them, a button saves the section first and opens it (`?evidence=`),
 * so nothing typed in the section is lost.
 */
export function AssessmentEvidenceEditor({
  competencyId,
  competencyName,
  evidence,
  latestDate,
  reply,
  open,
  sectionFormId,
}: {
  competencyId: string;
  competencyName: string;
  evidence: readonly EvidenceItem[];
  /** The latest date evidence may carry (from the server, so both renders agree). */
  latestDate: string;
  /** What adding sent back when it did not go through. */
  reply: { message: string; result: SubmissionResult<string[]> } | null;
  /** Whether the form was asked for (`?evidence=`). */
  open: boolean;
  /** The section's form, which the button that opens the form without scripts saves first. */
  sectionFormId: string;
}) {
  const { t } = useTranslation("assessments");
  const scripted = useScriptsRun();
  const form = (
    <EvidenceForm
      competencyId={competencyId}
      latestDate={latestDate}
      reply={reply}
      focus={open && !reply}
    />
  );
  return (
    <div className="space-y-3">
      <h4 className="text-sm font-semibold">{t("evidence.heading")}</h4>
      {evidence.length ? (
        <AssessmentEvidenceList evidence={evidence} removable />
      ) : (
        <p className="muted text-sm">{t("evidence.noneYet")}</p>
      )}
      <details className="evidence-add no-print" open={Boolean(reply || open)}>
        <summary className="link cursor-pointer text-sm font-medium">
          {t("evidence.addFor", { competency: competencyName })}
        </summary>
        {reply || open ? (
          form
        ) : (
          <>
            <noscript>
              <button
                type="submit"
                form={sectionFormId}
                name="evidence"
                value={competencyId}
                className="link mt-2 block text-start text-sm"
              >
                {t("evidence.saveThenAdd", { competency: competencyName })}
              </button>
            </noscript>
            {/* Shown by the draft script in a document sent without the app's scripts. */}
            <div data-with-script="" hidden={!scripted}>
              {form}
            </div>
          </>
        )}
      </details>
    </div>
  );
}

/**
 * Adding evidence, posted to the draft's page: it adds it and comes back to this competency, or
 * answers with the errors and what was typed. What is typed is kept in this tab while moving
 * between sections (`data-evidence-form`, the draft script).
 */
function EvidenceForm({
  competencyId,
  latestDate,
  reply,
  focus,
}: {
  competencyId: string;
  latestDate: string;
  reply: { message: string; result: SubmissionResult<string[]> } | null;
  /** Asked for, or back after adding: ready for the next piece, focus in its first field. */
  focus: boolean;
}) {
  const { t } = useTranslation("assessments");
  const typed = (reply?.result.initialValue ?? {}) as Record<string, unknown>;
  const errors = reply?.result.error ?? {};
  const field = (name: string) => ({
    id: `evidence-${competencyId}-${name}`,
    name,
    defaultValue: typeof typed[name] === "string" ? typed[name] : undefined,
    errors: errors[name] ?? undefined,
  });
  return (
    <Form method="post" className="mt-3 space-y-3" data-evidence-form={competencyId}>
      <input type="hidden" name="intent" value="add-evidence" />
      <input type="hidden" name="competencyId" value={competencyId} />
      {reply ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {wordsOf(t, reply.message)}
        </p>
      ) : null}
      <TextareaField
        label={t("evidence.whatHappened")}
        rows={2}
        autoFocus={focus}
        {...field("text")}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label={t("evidence.link")}
          type="url"
          placeholder={t("evidence.linkPlaceholder")}
          {...field("url")}
        />
        <Field label={t("evidence.date")} type="date" max={latestDate} {...field("occurredOn")} />
      </div>
      <Button type="submit" variant="secondary">
        {t("evidence.add")}
      </Button>
    </Form>
  );
}
