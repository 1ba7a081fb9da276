import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useRevalidator } from "react-router";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { wordsOf } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import { Button } from "~/components/ui/button";
import { ErrorList, Field, TextareaField } from "~/components/ui/field";
import { evidenceSchema } from "~/modules/assessments/assessment-form";
import type { EvidenceItem } from "~/modules/assessments/assessment-view";

/** Evidence as a list: dated items, links opening in a new tab. */
export function AssessmentEvidenceList({
  evidence,
  onRemove,
  busyId,
}: {
  evidence: readonly EvidenceItem[];
  onRemove?: (item: EvidenceItem) => void;
  busyId?: string | null;
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
            {onRemove ? (
              // A form, so removing works without JavaScript too (posted to the draft page); with it, the page removes in place.
              <form
                method="post"
                className="no-print"
                onSubmit={(event) => {
                  event.preventDefault();
                  onRemove(item);
                }}
              >
                <input type="hidden" name="intent" value="remove-evidence" />
                <input type="hidden" name="evidenceId" value={item.id} />
                <Button
                  type="submit"
                  variant="ghost"
                  className="px-2 py-1 text-xs"
                  disabled={busyId === item.id}
                  aria-label={
                    busyId === item.id
                      ? undefined
                      : t("evidence.removeLabel", { text: item.text.slice(0, 60) })
                  }
                >
                  {busyId === item.id ? t("evidence.removing") : t("evidence.remove")}
                </Button>
              </form>
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

type EvidenceReply = { ok: boolean; message?: string; result?: SubmissionResult<string[]> };

async function postEvidence(url: string, body: FormData): Promise<EvidenceReply | null> {
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { Accept: "application/json" },
    });
    if (!(response.headers.get("Content-Type") ?? "").includes("application/json")) return null;
    return (await response.json()) as EvidenceReply;
  } catch {
    return null;
  }
}

/**
 * The evidence of one competency on the author's draft: list, remove, and a form to add
 * more (saved at once). The form is mounted the first time its disclosure opens and kept
 * from then on (so nothing typed is lost by closing it): a draft has a form per
 * competency, and building every one up front was most of the page's server render.
 */
export function AssessmentEvidenceEditor({
  assessmentId,
  competencyId,
  competencyName,
  evidence,
  latestDate,
  plainReply = null,
  plainFormOpener,
}: {
  assessmentId: string;
  competencyId: string;
  competencyName: string;
  evidence: readonly EvidenceItem[];
  /** The latest date evidence may carry (from the server, so both renders agree). */
  latestDate: string;
  /** What the plain form (used without JavaScript) sent back when adding did not go through. */
  plainReply?: { message: string; result: SubmissionResult<string[]> } | null;
  /**
   * Without JavaScript, the id of the section's form that a button here saves before the page comes
   * back with this competency's plain form open (`?evidence=`), so a draft does not carry a form per
   * competency and nothing typed in the section is lost; null when the plain form is open here.
   */
  plainFormOpener: string | null;
}) {
  const { t } = useTranslation("assessments");
  const url = `/assessments/${assessmentId}/evidence`;
  const revalidator = useRevalidator();
  const [lastResult, setLastResult] = useState<SubmissionResult<string[]> | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [opened, setOpened] = useState(false);
  // A disclosure rendered open (a refusal, or `?evidence=` from the plain form's button) may have
  // opened before the page was hydrated, its toggle event unheard: the form is mounted all the same.
  const disclosure = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (disclosure.current?.open) setOpened(true);
  }, []);

  async function remove(item: EvidenceItem) {
    setRemoving(item.id);
    setProblem(null);
    const body = new FormData();
    body.set("intent", "remove");
    body.set("evidenceId", item.id);
    const reply = await postEvidence(url, body);
    setRemoving(null);
    if (!reply) setProblem(t("evidence.notRemovedConnection"));
    else if (!reply.ok)
      setProblem(reply.message ? wordsOf(t, reply.message) : t("evidence.notRemoved"));
    else revalidator.revalidate();
  }

  return (
    <div className="space-y-3">
      <h4 className="text-sm font-semibold">{t("evidence.heading")}</h4>
      {evidence.length ? (
        <AssessmentEvidenceList evidence={evidence} onRemove={remove} busyId={removing} />
      ) : (
        <p className="muted text-sm">{t("evidence.noneYet")}</p>
      )}
      <details
        ref={disclosure}
        className="evidence-add no-print"
        open={Boolean(
          (lastResult && lastResult.status === "error") || plainReply || plainFormOpener === null,
        )}
        onToggle={(event) => {
          if (event.currentTarget.open) setOpened(true);
        }}
      >
        <summary className="link cursor-pointer text-sm font-medium">
          {t("evidence.addFor", { competency: competencyName })}
        </summary>
        <noscript>
          {plainReply || plainFormOpener === null ? (
            <PlainEvidenceForm
              competencyId={competencyId}
              latestDate={latestDate}
              reply={plainReply}
            />
          ) : (
            <button
              type="submit"
              form={plainFormOpener}
              name="evidence"
              value={competencyId}
              className="link mt-2 block text-start text-sm"
            >
              {t("evidence.saveThenAdd", { competency: competencyName })}
            </button>
          )}
        </noscript>
        {opened ? (
          <AddEvidenceForm
            url={url}
            competencyId={competencyId}
            latestDate={latestDate}
            lastResult={lastResult}
            onReply={(reply) => {
              if (reply.result) setLastResult(reply.result);
              if (reply.ok) revalidator.revalidate();
              else if (!reply.result)
                setProblem(reply.message ? wordsOf(t, reply.message) : t("evidence.notAdded"));
            }}
            onProblem={setProblem}
          />
        ) : null}
      </details>
      {problem ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

function AddEvidenceForm({
  url,
  competencyId,
  latestDate,
  lastResult,
  onReply,
  onProblem,
}: {
  url: string;
  competencyId: string;
  latestDate: string;
  lastResult: SubmissionResult<string[]> | undefined;
  onReply: (reply: EvidenceReply) => void;
  onProblem: (problem: string | null) => void;
}) {
  const { t } = useTranslation("assessments");
  const [adding, setAdding] = useState(false);
  const schema = useMemo(() => evidenceSchema(), []);
  const [form, fields] = useForm({
    id: `evidence-${competencyId}`,
    lastResult,
    constraint: getZodConstraint(schema),
    // Checked when it is sent, and as it is corrected after a refusal; never on blur: after an
    // addition the focus is in the emptied form, and leaving it (to rate, say) would show an error
    // that pushes the page down under the pointer mid-click.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    onSubmit: async (event, { formData }) => {
      event.preventDefault();
      setAdding(true);
      onProblem(null);
      const reply = await postEvidence(url, formData);
      setAdding(false);
      if (!reply) onProblem(t("evidence.notAddedConnection"));
      else onReply(reply);
    },
  });

  // This form is always handled in the page. A submission that React does not see (conform
  // validates a field by submitting the form, and that can happen while React is re-rendering
  // it) would otherwise open the endpoint's JSON instead of the draft, so a
  // native listener stops every submission from leaving the page.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const element = formRef.current;
    if (!element) return;
    const stay = (event: Event) => event.preventDefault();
    element.addEventListener("submit", stay);
    return () => element.removeEventListener("submit", stay);
  }, []);

  // After evidence is added the form is emptied; focus goes back to its first field, ready for the next.
  // (The reset remounts the fields, so the focus waits for the new ones.)
  const textId = fields.text.id;
  const focusAfterReset = useRef(false);
  useEffect(() => {
    if (lastResult?.initialValue === null) focusAfterReset.current = true;
  }, [lastResult]);
  useEffect(() => {
    if (!focusAfterReset.current) return;
    focusAfterReset.current = false;
    document.getElementById(textId)?.focus();
  }, [fields.text.key, textId]);

  return (
    <form
      ref={formRef}
      method="post"
      action={url}
      className="mt-3 space-y-3"
      {...getFormProps(form)}
    >
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="competencyId" value={competencyId} />
      <TextareaField
        label={t("evidence.whatHappened")}
        rows={2}
        errors={fields.text.errors}
        {...getTextareaProps(fields.text)}
        key={fields.text.key}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label={t("evidence.link")}
          placeholder={t("evidence.linkPlaceholder")}
          errors={fields.url.errors}
          {...getInputProps(fields.url, { type: "url" })}
          key={fields.url.key}
        />
        <Field
          label={t("evidence.date")}
          errors={fields.occurredOn.errors}
          max={latestDate}
          {...getInputProps(fields.occurredOn, { type: "date" })}
          key={fields.occurredOn.key}
        />
      </div>
      <ErrorList id={form.errorId} errors={form.errors} />
      <Button type="submit" variant="secondary" disabled={adding}>
        {adding ? t("evidence.adding") : t("evidence.add")}
      </Button>
    </form>
  );
}

/**
 * The same form for use without JavaScript: posted to the draft page itself, which adds the
 * evidence and comes back to this competency, or answers with the errors and what was typed.
 */
function PlainEvidenceForm({
  competencyId,
  latestDate,
  reply,
}: {
  competencyId: string;
  latestDate: string;
  reply: { message: string; result: SubmissionResult<string[]> } | null;
}) {
  const { t } = useTranslation("assessments");
  const typed = (reply?.result.initialValue ?? {}) as Record<string, unknown>;
  const errors = reply?.result.error ?? {};
  const field = (name: string) => ({
    id: `plain-evidence-${competencyId}-${name}`,
    name,
    defaultValue: typeof typed[name] === "string" ? typed[name] : undefined,
    errors: errors[name] ?? undefined,
  });
  return (
    <form method="post" className="mt-3 space-y-3">
      <input type="hidden" name="intent" value="add-evidence" />
      <input type="hidden" name="competencyId" value={competencyId} />
      {reply ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {wordsOf(t, reply.message)}
        </p>
      ) : null}
      <TextareaField label={t("evidence.whatHappened")} rows={2} required {...field("text")} />
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
    </form>
  );
}
