import { Link, useLocation, useNavigationType, useSubmit } from "react-router";
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from "react";
import { useTranslation } from "~/i18n/use-translation";
import { wordsOf, type Message } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import { ExpectationList } from "~/components/ladders/expectations";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import type { SubmissionResult } from "@conform-to/react";
import { CheckboxField, ErrorList, TextareaField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/page";
import type { ScalePoint } from "~/modules/ladders";
import {
  displayValue,
  draftStorageKey,
  initialAutosaveState,
  saveStatus,
  saveStatusWords,
  type SaveStatus,
} from "~/modules/assessments/autosave";
import { keepDraft, typedInPage, type DraftHandle } from "~/modules/assessments/draft-form";
import { useHydrating } from "~/components/ui/use-hydrating";
import {
  assessmentSections,
  fieldLocation,
  neighbours,
  ratedCounts,
  resolveSection,
  sectionHref,
  sectionOfCompetency,
  SUMMARY_FIELD_ID,
  type AssessmentSection,
  type FieldLocation,
  type RatedCount,
} from "~/modules/assessments/assessment-sections";
import type { EditedCompetency, LadderContext } from "~/modules/assessments/assessment-view";
import {
  markField,
  NEXT_LEVEL_MARK_KEYS,
  NEXT_LEVEL_MARKS,
  notesField,
  parseField,
  ratingField,
  summaryField,
  type DraftValues,
  type FieldConflict,
  type FieldValue,
  valueOf,
} from "~/modules/assessments/draft";
import { AssessmentEvidenceEditor } from "./assessment-evidence";
import { RichText } from "~/components/ui/rich-text";
import { ladderStanding } from "~/modules/ladders/points";
import { PointsStandingText } from "./points-standing";
import { useSubmitting } from "~/components/ui/use-submitting";

export type SubmitReply = {
  ok: false;
  kind: string;
  message: string | Message;
  fieldErrors?: Record<string, string[]>;
};
/** A section saved by its plain form (without JavaScript) that did not go through, with what was typed. */
export type PlainSaveReply = {
  intent: "save";
  ok: false;
  kind: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  typed: DraftValues;
};
/** Evidence added through the plain form that did not go through, with what was typed. */
export type PlainEvidenceReply = {
  intent: "add-evidence";
  ok: false;
  competencyId: string;
  message: string;
  result: SubmissionResult<string[]>;
};
/** Evidence removed through the plain form that could not be removed. */
export type PlainRemoveReply = {
  intent: "remove-evidence" | "attach-evidence";
  ok: false;
  message: string;
};
export type PlainReply = PlainSaveReply | PlainEvidenceReply | PlainRemoveReply;

const statusTones: Record<SaveStatus["tone"], string> = {
  neutral: "text-slate-600 dark:text-slate-300",
  busy: "text-slate-600 dark:text-slate-300",
  ok: "text-emerald-700 dark:text-emerald-300",
  error: "font-semibold text-red-700 dark:text-red-400",
};

function useDescribeValue() {
  const { t } = useTranslation("assessments");
  return (field: string, value: FieldValue, scale: readonly ScalePoint[]): string => {
    const parsed = parseField(field);
    if (value === null || value === "") return t("editor.empty");
    if (parsed?.kind === "rating")
      return scale.find((point) => point.value === value)?.label ?? String(value);
    if (parsed?.kind === "mark" && value in NEXT_LEVEL_MARK_KEYS)
      return t(NEXT_LEVEL_MARK_KEYS[value as keyof typeof NEXT_LEVEL_MARK_KEYS]);
    return String(value);
  };
}

/** A section's name: an area's from the ladder, the last step's from the messages. */
function useSectionName() {
  const { t } = useTranslation("assessments");
  return (section: AssessmentSection<EditedCompetency>) =>
    section.kind === "summary" ? t("editor.summarySection") : section.name;
}

function ConflictNotice({
  conflict,
  scale,
  onResolve,
}: {
  conflict: FieldConflict | undefined;
  scale: readonly ScalePoint[];
  onResolve: (field: string, take: "mine" | "theirs") => void;
}) {
  const { t } = useTranslation("assessments");
  const describeValue = useDescribeValue();
  if (!conflict) return null;
  return (
    <div
      role="status"
      className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-semibold">{t("editor.conflictTitle")}</p>
      <p className="mt-1">{t("editor.conflictTheirs")}</p>
      <blockquote className="mt-1 whitespace-pre-wrap border-s-2 border-amber-400 ps-2">
        {describeValue(conflict.field, conflict.theirs, scale)}
      </blockquote>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          variant="secondary"
          className="px-2 py-1 text-xs"
          onClick={() => onResolve(conflict.field, "theirs")}
        >
          {t("editor.useTheirs")}
        </Button>
        <Button
          variant="ghost"
          className="px-2 py-1 text-xs"
          onClick={() => onResolve(conflict.field, "mine")}
        >
          {t("editor.keepMine")}
        </Button>
      </div>
    </div>
  );
}

type CompetencyEditorProps = {
  assessmentId: string;
  competency: EditedCompetency;
  ladder: LadderContext;
  rating: number | null;
  notes: string;
  marks: (string | null)[];
  ratingErrors: readonly string[] | undefined;
  otherErrors: readonly string[];
  conflicts: Record<string, FieldConflict>;
  latestDate: string;
  setValue: (field: string, value: FieldValue) => void;
  resolveConflict: (field: string, take: "mine" | "theirs") => void;
  /** The section's form (see PlainSectionForm): every field names it, so the page also saves without JavaScript. */
  formId: string;
  /** What the plain evidence form sent back when adding evidence without JavaScript failed. */
  evidenceReply: PlainEvidenceReply | null;
  /** Whether its plain evidence form was asked for (`?evidence=`). */
  plainEvidenceOpen: boolean;
  /** Evidence the person recorded between cycles for this competency (career conversations), offered beside it. */
  recorded?: readonly RecordedEvidence[];
};

export type RecordedEvidence = {
  id: string;
  text: string;
  url: string | null;
  occurredOn: Date | string;
  attached: boolean;
};

/** Arrays (marks, errors) are rebuilt on every render; compare them by content so typing in one competency re-renders only that one. */
function sameProps(a: CompetencyEditorProps, b: CompetencyEditorProps): boolean {
  return (Object.keys(a) as (keyof CompetencyEditorProps)[]).every((key) => {
    const [left, right] = [a[key], b[key]];
    if (Array.isArray(left) && Array.isArray(right))
      return left.length === right.length && left.every((item, index) => item === right[index]);
    return left === right;
  });
}

const CompetencyEditor = memo(function CompetencyEditor({
  assessmentId,
  competency,
  ladder,
  rating,
  notes,
  marks,
  ratingErrors,
  otherErrors,
  conflicts,
  latestDate,
  setValue,
  resolveConflict,
  formId,
  evidenceReply,
  plainEvidenceOpen,
  recorded,
}: CompetencyEditorProps) {
  const { t } = useTranslation("assessments");
  const f = useFormats();
  const id = competency.id;
  const ratingErrorId = ratingErrors?.length ? `${id}-rating-error` : undefined;
  const rated = rating !== null;
  return (
    // Focusable so that a link to it (from the list of missing ratings) can move focus here.
    <section id={id} aria-labelledby={`${id}-name`} tabIndex={-1} className="scroll-mt-20">
      <Card>
        <fieldset>
          <legend id={`${id}-name`}>
            {/* A heading too, so the expectations and evidence below sit one level under it. */}
            <h3 className="text-lg font-semibold">{competency.name}</h3>
          </legend>
          <RichText text={competency.description} className="subtle mt-1 text-sm" />

          <div className="mt-4">
            <h4 className="mb-2 text-sm font-semibold">
              {t("editor.expectedAt", { level: ladder.level.title })}
            </h4>
            <ExpectationList expectations={competency.expectations} compact />
          </div>
          <fieldset
            className="mt-4"
            aria-describedby={ratingErrorId}
            aria-invalid={ratingErrorId ? true : undefined}
          >
            <legend className="text-sm font-semibold">
              {t("editor.ratingFor", { competency: competency.name })}
              {rated && competency.evidence.length === 0 ? (
                <span className="ms-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                  {t("editor.noEvidenceBadge")}
                </span>
              ) : null}
            </legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2 xl:grid-cols-4">
              {ladder.scale.map((point) => {
                const inputId = `${id}-rating-${point.value}`;
                const checked = rating === point.value;
                return (
                  <div key={point.value} className={checked ? "choice choice-checked" : "choice"}>
                    <label htmlFor={inputId} className="choice-label">
                      <input
                        id={inputId}
                        type="radio"
                        name={`rating-${id}`}
                        form={formId}
                        value={point.value}
                        defaultChecked={checked}
                        aria-describedby={`${inputId}-meaning`}
                      />
                      {point.label}
                    </label>
                    <p id={`${inputId}-meaning`} className="choice-meaning">
                      {point.meaning}
                    </p>
                  </div>
                );
              })}
            </div>
            {rated ? (
              <Button
                variant="ghost"
                className="mt-1 px-2 py-1 text-xs"
                aria-label={t("editor.clearRatingFor", { competency: competency.name })}
                onClick={() => setValue(ratingField(id), null)}
              >
                {t("editor.clearRating")}
              </Button>
            ) : null}
            <ErrorList id={ratingErrorId} errors={ratingErrors} />
            <ConflictNotice
              conflict={conflicts[ratingField(id)]}
              scale={ladder.scale}
              onResolve={resolveConflict}
            />
          </fieldset>
          <div className="mt-5">
            <h4 className="mb-2 text-sm font-semibold">
              {ladder.nextLevel
                ? t("editor.expectedAt", { level: ladder.nextLevel.title })
                : t("editor.nextLevel")}
            </h4>
            {ladder.nextLevel ? (
              competency.nextExpectations.length ? (
                <ul className="space-y-2">
                  {competency.nextExpectations.map((expectation, index) => {
                    const field = markField(id, index);
                    const selectId = `${id}-mark-${index}`;
                    return (
                      <li key={field} className="next-mark">
                        <div className="next-mark-row">
                          <div id={`${selectId}-text`} className="min-w-0 flex-1">
                            <RichText text={expectation.text} inline />
                          </div>
                          <div className="shrink-0">
                            <label htmlFor={selectId} className="subtle mb-0.5 block text-xs">
                              {t("editor.howFarMet")}
                            </label>
                            <select
                              id={selectId}
                              name={field}
                              form={formId}
                              aria-describedby={`${selectId}-text`}
                              className="mark-select"
                              defaultValue={marks[index] ?? ""}
                            >
                              <option value="">{t("marks.none")}</option>
                              {NEXT_LEVEL_MARKS.map((mark) => (
                                <option key={mark} value={mark}>
                                  {t(NEXT_LEVEL_MARK_KEYS[mark])}
                                </option>
                              ))}
                            </select>
                          </div>
                        </div>
                        <ConflictNotice
                          conflict={conflicts[field]}
                          scale={ladder.scale}
                          onResolve={resolveConflict}
                        />
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p className="text-sm text-slate-500 dark:text-slate-400">
                  {t("editor.nothingListed")}
                </p>
              )
            ) : (
              <p className="text-sm text-slate-500 dark:text-slate-400">
                {t("editor.topOfTrack", { level: ladder.level.title, track: ladder.track.name })}
              </p>
            )}
          </div>

          <TextareaField
            className="mt-4"
            id={`${id}-notes`}
            name={notesField(id)}
            form={formId}
            label={t("editor.notesOn", { competency: competency.name })}
            rows={4}
            defaultValue={notes}
          />
          <ConflictNotice
            conflict={conflicts[notesField(id)]}
            scale={ladder.scale}
            onResolve={resolveConflict}
          />
          <ErrorList errors={otherErrors} />
        </fieldset>

        {recorded?.length ? (
          <div className="mt-4">
            <h4 className="mb-1 text-sm font-semibold">{t("editor.recordedSince")}</h4>
            <ul className="space-y-1 text-sm">
              {recorded.map((item) => (
                <li key={item.id} className="flex flex-wrap items-center gap-2">
                  <span>
                    {t("editor.recordedItem", { date: f.day(item.occurredOn), text: item.text })}
                    {item.url ? (
                      <>
                        {" "}
                        <a href={item.url} className="underline" rel="noreferrer noopener">
                          {t("editor.link")}
                        </a>
                      </>
                    ) : null}
                  </span>
                  {item.attached ? (
                    <span className="text-xs text-emerald-700 dark:text-emerald-300">
                      {t("editor.attached")}
                    </span>
                  ) : (
                    // A plain form: the page reloads with the evidence on the rating, as typed evidence would be.
                    <form method="post" className="no-print">
                      <input type="hidden" name="intent" value="attach-evidence" />
                      <input type="hidden" name="evidenceId" value={item.id} />
                      <Button
                        type="submit"
                        variant="ghost"
                        className="px-2 py-1 text-xs"
                        aria-label={t("editor.attachLabel", { text: item.text.slice(0, 60) })}
                      >
                        {t("editor.attach")}
                      </Button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="mt-4">
          <AssessmentEvidenceEditor
            assessmentId={assessmentId}
            competencyId={id}
            competencyName={competency.name}
            evidence={competency.evidence}
            latestDate={latestDate}
            plainReply={evidenceReply}
            plainFormOpener={plainEvidenceOpen ? null : formId}
          />
        </div>
      </Card>
    </section>
  );
}, sameProps);

function pick(
  record: Record<string, FieldConflict>,
  fields: string[],
): Record<string, FieldConflict> {
  const picked: Record<string, FieldConflict> = {};
  for (const field of fields) if (record[field]) picked[field] = record[field];
  return picked;
}

const noConflicts: Record<string, FieldConflict> = {};

type Section = AssessmentSection<EditedCompetency>;

const sectionHeadingId = (sectionId: string) => `section-${sectionId}-heading`;

/** Every section with how much of it is rated; the current one marked as the step the person is on. */
function SectionNav({
  sections,
  currentId,
  counts,
}: {
  sections: readonly Section[];
  currentId: string | null;
  counts: Record<string, RatedCount>;
}) {
  const { t } = useTranslation("assessments");
  const sectionName = useSectionName();
  return (
    <nav aria-label={t("editor.sections")} className="no-print">
      <ol className="flex flex-wrap gap-2">
        {sections.map((section) => {
          const current = section.id === currentId;
          const count = counts[section.id];
          const complete = count !== undefined && count.rated === count.total;
          return (
            <li key={section.id}>
              <Link
                to={sectionHref(section.id)}
                preventScrollReset
                aria-current={current ? "step" : undefined}
                className="step"
              >
                {sectionName(section)}
                {count ? (
                  <span
                    className={`block text-xs font-normal ${complete ? "text-emerald-700 dark:text-emerald-300" : "text-slate-600 dark:text-slate-400"}`}
                  >
                    <span className="sr-only">, </span>
                    {t("editor.sectionRated", { rated: count.rated, total: count.total })}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** "Previous" and "Next" at the bottom of a section. */
function SectionPager({
  sections,
  currentId,
}: {
  sections: readonly Section[];
  currentId: string;
}) {
  const { t } = useTranslation("assessments");
  const sectionName = useSectionName();
  const { previous, next } = neighbours(sections, currentId);
  const linkClass =
    "rounded-md px-3 py-2 text-sm font-medium text-brand-600 hover:underline dark:text-brand-100";
  return (
    <nav aria-label={t("editor.pager")} className="no-print flex flex-wrap justify-between gap-3">
      {previous ? (
        <Link to={sectionHref(previous.id)} preventScrollReset rel="prev" className={linkClass}>
          {t("editor.previous", { section: sectionName(previous) })}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link to={sectionHref(next.id)} preventScrollReset rel="next" className={linkClass}>
          {t("editor.next", { section: sectionName(next) })}
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * Moving to another section (client side): the top of the form comes into view and
 * focus goes to the section's heading, so a screen reader announces where the person
 * is. A link to an element (`#competency`) moves focus there instead; the router has
 * already scrolled to it. The first render keeps the browser's own behaviour.
 */
function useSectionFocus(currentId: string | null, formTop: RefObject<HTMLElement | null>) {
  const location = useLocation();
  const navigationType = useNavigationType();
  const previousId = useRef(currentId);
  const mounted = useRef(false);
  useEffect(() => {
    const changed = previousId.current !== currentId;
    previousId.current = currentId;
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    if (location.hash) {
      document
        .getElementById(decodeURIComponent(location.hash.slice(1)))
        ?.focus({ preventScroll: true });
      return;
    }
    if (!changed || currentId === null) return;
    const top = formTop.current;
    // Back and forward restore where the person was; a new section starts at the top of the form.
    if (navigationType !== "POP" && top && top.getBoundingClientRect().top < 0)
      top.scrollIntoView({ block: "start" });
    document.getElementById(sectionHeadingId(currentId))?.focus({ preventScroll: true });
    // location.key: every navigation, also a link to an element in the section already shown.
  }, [currentId, location.key, location.hash, navigationType, formTop]);
}

/**
 * The author's draft, one area of the ladder at a time, then the summary and submit
 * step: autosaved, with a visible saved state. The server renders only the section in
 * the URL; in the browser every section visited stays mounted (hidden when not
 * current), so nothing half typed (an evidence form, say) is lost by moving around.
 */
export function AssessmentEditor({
  assessment,
  ladder,
  competencies,
  values,
  latestDate,
  sectionParam,
  evidenceParam = null,
  submitReply,
  plainReply = null,
  saved = false,
  recorded = {},
}: {
  assessment: {
    id: string;
    kind: "self" | "manager";
    author: { id: string };
    subject: { name: string };
    revision: number;
  };
  ladder: LadderContext;
  competencies: EditedCompetency[];
  values: DraftValues;
  latestDate: string;
  /** The `section` search parameter: the section shown, the first when null or empty. */
  sectionParam: string | null;
  /** The `evidence` search parameter: the competency whose form for adding evidence without JavaScript is open. */
  evidenceParam?: string | null;
  submitReply: SubmitReply | null;
  /** What the page's own forms (used without JavaScript) sent back when they did not go through. */
  plainReply?: PlainReply | null;
  /** The plain form just saved this section (`?saved=1`). */
  saved?: boolean;
  /** Evidence recorded between cycles, by competency, offered beside each (a self-assessment's author only). */
  recorded?: Readonly<Record<string, readonly RecordedEvidence[]>>;
}) {
  const { t } = useTranslation("assessments");
  const f = useFormats();
  const sectionName = useSectionName();
  const submit = useSubmit();
  const sending = useSubmitting();
  const onSubmit = useCallback(
    (revision: number) =>
      submit({ intent: "submit", revision: String(revision) }, { method: "post" }),
    [submit],
  );
  // Every field, as the server holds it: what the draft script keeps (decision 167).
  const fields = useMemo(
    () =>
      Object.fromEntries(
        [summaryField, ...competencies.flatMap(competencyFields)].map((field) => [
          field,
          valueOf(values, field),
        ]),
      ),
    [competencies, values],
  );
  const fieldsId = useId();
  const hydrating = useHydrating();
  // Read as hydration begins, before React puts a text box rendered with text back to that text.
  const [typedEarly] = useState(() => {
    const root = hydrating ? document.getElementById(fieldsId) : null;
    return root ? typedInPage(root, fields) : [];
  });
  const [state, setState] = useState(() => initialAutosaveState(fields, assessment.revision));
  const initialState = useRef(state);
  const draft = useRef<DraftHandle | null>(null);
  useEffect(() => {
    draft.current = keepDraft(document.getElementById(fieldsId)!, {
      saveUrl: `/assessments/${assessment.id}/save`,
      storageKey: draftStorageKey(assessment.id, assessment.author.id),
      revision: initialState.current.revision,
      values: initialState.current.server,
      onState: setState,
      typed: typedEarly,
    });
    return () => draft.current?.stop();
  }, [fieldsId, typedEarly, assessment.id, assessment.author.id]);
  // A newer copy from the loader (after a refused submit or a revalidation).
  useEffect(
    () => draft.current?.server(values, assessment.revision),
    [values, assessment.revision],
  );
  const value = (field: string) => displayValue(state, field);
  const setValue = useCallback(
    (field: string, fieldValue: FieldValue) => draft.current?.edit(field, fieldValue),
    [],
  );
  const resolveConflict = useCallback(
    (field: string, take: "mine" | "theirs") => draft.current?.resolve(field, take),
    [],
  );
  const [submitPending, setSubmitPending] = useState(false);
  const requestSubmit = () => {
    setSubmitPending(true);
    draft.current?.submitWhenSaved(
      (revision) => {
        setSubmitPending(false);
        onSubmit(revision);
      },
      () => setSubmitPending(false),
    );
  };
  const status = saveStatus(state);
  const submitting = submitPending || sending;

  const sections = useMemo(
    () =>
      assessmentSections(
        competencies,
        ladder.areas.map((area) => area.id),
      ),
    [competencies, ladder.areas],
  );
  const current = resolveSection(sections, sectionParam);
  const currentId = current?.id ?? null;
  const counts = ratedCounts(sections, (competencyId) => value(ratingField(competencyId)) !== null);
  // Follows the ratings as they are chosen, not only as last loaded.
  const standing = ladder.points
    ? ladderStanding(
        { points: ladder.points },
        competencies.map((competency) => value(ratingField(competency.id)) as number | null),
      )
    : null;

  const [visited, setVisited] = useState<ReadonlySet<string>>(
    () => new Set(currentId ? [currentId] : []),
  );
  if (currentId && !visited.has(currentId)) setVisited(new Set([...visited, currentId]));

  // The refusal stays on show while the person moves to the sections it points at
  // (a navigation clears the route's action data); a later refusal replaces it.
  const [shownReply, setShownReply] = useState(submitReply);
  if (submitReply && submitReply !== shownReply) setShownReply(submitReply);

  const submitErrors = shownReply?.fieldErrors ?? {};
  const unrated = competencies.filter((competency) => value(ratingField(competency.id)) === null);
  const stillMissing = unrated.filter((competency) => submitErrors[ratingField(competency.id)]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLDialogElement>(null);
  const plainErrors = plainReply?.intent === "save" ? (plainReply.fieldErrors ?? {}) : {};
  const submitLabel =
    assessment.kind === "self" ? t("editor.submitSelf") : t("editor.submitReview");
  useEffect(() => {
    if (submitReply) summaryRef.current?.focus();
  }, [submitReply]);

  const formTop = useRef<HTMLDivElement>(null);
  useSectionFocus(currentId, formTop);

  // Until the page is interactive, the submit button could not open its confirmation.
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);

  const conflictFields = Object.keys(state.conflicts);
  const conflictCount = conflictFields.length;
  const conflictsElsewhere = new Map<string, FieldLocation<EditedCompetency>>();
  for (const field of conflictFields) {
    const location = fieldLocation(sections, field);
    if (location && location.section.id !== currentId)
      conflictsElsewhere.set(location.anchor, location);
  }
  const otherErrorsFor = (competencyId: string) =>
    Object.entries(state.fieldErrors)
      .filter(
        ([field]) =>
          field.startsWith(`mark:${competencyId}:`) || field === notesField(competencyId),
      )
      .flatMap(([, errors]) => errors);

  const renderCompetency = (competency: EditedCompetency) => {
    const ratingKey = ratingField(competency.id);
    const rating = value(ratingKey) as number | null;
    const fields = [
      ratingKey,
      notesField(competency.id),
      ...competency.nextExpectations.map((_, index) => markField(competency.id, index)),
    ];
    const conflicts = conflictCount ? pick(state.conflicts, fields) : noConflicts;
    const sectionId = sectionOfCompetency(sections, competency.id)!.id;
    return (
      <CompetencyEditor
        key={competency.id}
        assessmentId={assessment.id}
        competency={competency}
        ladder={ladder}
        rating={rating}
        notes={String(value(notesField(competency.id)) ?? "")}
        marks={competency.nextExpectations.map(
          (_, index) => value(markField(competency.id, index)) as string | null,
        )}
        ratingErrors={
          state.fieldErrors[ratingKey] ??
          plainErrors[ratingKey] ??
          (rating === null ? submitErrors[ratingKey] : undefined)
        }
        otherErrors={otherErrorsFor(competency.id)}
        conflicts={conflicts}
        latestDate={latestDate}
        setValue={setValue}
        resolveConflict={resolveConflict}
        formId={sectionFormId(sectionId)}
        evidenceReply={
          plainReply?.intent === "add-evidence" && plainReply.competencyId === competency.id
            ? plainReply
            : null
        }
        plainEvidenceOpen={evidenceParam === competency.id}
        recorded={recorded[competency.id]}
      />
    );
  };

  return (
    <div ref={formTop} className="scroll-mt-2 space-y-6">
      <div className="no-print sticky top-0 z-10 -mx-2 flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 bg-white/95 px-3 py-2 shadow-sm backdrop-blur dark:border-slate-700 dark:bg-slate-900/95">
        <p role="status" aria-live="polite" className={`text-sm ${statusTones[status.tone]}`}>
          {saveStatusWords(t, status, (instant) => f.timeOfDay(new Date(instant)))}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {unrated.length
            ? t("editor.ratedProgress", {
                rated: competencies.length - unrated.length,
                total: competencies.length,
              })
            : t("editor.everyRatedStatus")}
        </p>
      </div>

      <SectionNav sections={sections} currentId={currentId} counts={counts} />
      {standing ? (
        <p role="status" className="mb-4 text-sm text-slate-700 dark:text-slate-300">
          <span className="text-slate-500 dark:text-slate-400">{t("editor.pointsLabel")}</span>{" "}
          <PointsStandingText standing={standing} />
        </p>
      ) : null}

      {state.restored ? (
        <Alert tone="info">{t("editor.restored", { count: state.restored })}</Alert>
      ) : null}
      {state.locked ? (
        <Alert tone="error" title={t("editor.lockedTitle")}>
          {t("editor.lockedBody", { reason: wordsOf(t, state.locked) })}
        </Alert>
      ) : null}
      {state.invalid ? <Alert tone="error">{wordsOf(t, state.invalid)}</Alert> : null}
      {conflictCount ? (
        <Alert tone="warning" title={t("editor.conflictTitle")}>
          {t("editor.conflicts", { count: conflictCount })}
          {conflictsElsewhere.size ? (
            <ul className="mt-2 list-disc ps-5">
              {[...conflictsElsewhere.values()].map((location) => (
                <li key={location.anchor}>
                  <Link
                    to={sectionHref(location.section.id, location.anchor)}
                    className="underline"
                  >
                    {location.anchor === SUMMARY_FIELD_ID
                      ? t("editor.summaryLabel")
                      : location.label}
                  </Link>{" "}
                  {t("editor.conflictIn", { section: sectionName(location.section) })}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <div ref={summaryRef} tabIndex={-1} className="outline-none">
        {shownReply ? (
          <Alert tone="error" title={t("editor.notSubmitted")}>
            <p>{wordsOf(t, shownReply.message)}</p>
            {stillMissing.length ? (
              <ul className="mt-2 list-disc ps-5">
                {stillMissing.map((competency) => {
                  const section = sectionOfCompetency(sections, competency.id)!;
                  return (
                    <li key={competency.id}>
                      <Link to={sectionHref(section.id, competency.id)} className="underline">
                        {competency.name}
                      </Link>{" "}
                      {t("editor.chooseRating", { section: sectionName(section) })}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>

      {current === null ? (
        <Alert tone="error" title={t("editor.noSuchSectionTitle")}>
          {t("editor.noSuchSection")}{" "}
          <Link to={sectionHref(sections[0]!.id)} className="underline">
            {t("editor.goTo", { section: sectionName(sections[0]!) })}
          </Link>
        </Alert>
      ) : null}

      {saved ? <Alert tone="success">{t("editor.saved")}</Alert> : null}
      {plainReply?.intent === "remove-evidence" ? (
        <Alert tone="error">
          {t("editor.notRemoved", { reason: wordsOf(t, plainReply.message) })}
        </Alert>
      ) : null}
      {plainReply?.intent === "attach-evidence" ? (
        <Alert tone="error">
          {t("editor.notAttached", { reason: wordsOf(t, plainReply.message) })}
        </Alert>
      ) : null}
      {plainReply?.intent === "save" ? (
        <Alert tone="error" title={t("editor.notSavedTitle")}>
          {t("editor.notSavedBody", { reason: wordsOf(t, plainReply.message) })}
        </Alert>
      ) : null}

      {/* Usable at once: what is typed before the page is interactive is taken by autosave when it
          is; without JavaScript each section saves through its own form. */}
      <div id={fieldsId} className="contents">
        {sections
          .filter((section) => visited.has(section.id))
          .map((section) => (
            <section
              key={section.id}
              aria-labelledby={sectionHeadingId(section.id)}
              hidden={section.id !== currentId}
              className="space-y-6"
            >
              <div>
                <p className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                  {t("editor.step", {
                    step: sections.indexOf(section) + 1,
                    steps: sections.length,
                  })}
                </p>
                <h2
                  id={sectionHeadingId(section.id)}
                  tabIndex={-1}
                  className="text-xl font-semibold outline-none"
                >
                  {sectionName(section)}
                </h2>
                {section.kind === "area" ? (
                  <RichText
                    text={ladder.areas.find((area) => area.id === section.id)?.description ?? ""}
                    className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-300"
                  />
                ) : null}
              </div>
              <PlainSectionForm
                id={sectionFormId(section.id)}
                sectionId={section.id}
                revision={assessment.revision}
                fields={sectionFields(section)}
                values={values}
              />
              {section.kind === "area" ? (
                section.competencies.map(renderCompetency)
              ) : (
                <>
                  <Card>
                    <TextareaField
                      id={SUMMARY_FIELD_ID}
                      name={summaryField}
                      form={sectionFormId(section.id)}
                      label={t("editor.summaryLabel")}
                      hint={
                        assessment.kind === "self"
                          ? t("editor.summaryHintSelf")
                          : t("editor.summaryHintReview", { name: assessment.subject.name })
                      }
                      rows={6}
                      defaultValue={String(value(summaryField) ?? "")}
                      errors={state.fieldErrors[summaryField] ?? plainErrors[summaryField]}
                    />
                    <ConflictNotice
                      conflict={state.conflicts[summaryField]}
                      scale={ladder.scale}
                      onResolve={resolveConflict}
                    />
                  </Card>
                  <Card className="no-print">
                    <h3 className="text-lg font-semibold">{t("editor.submitHeading")}</h3>
                    <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
                      {t("editor.submitLocks", { kind: assessment.kind })}{" "}
                      {unrated.length
                        ? t("editor.stillUnrated", { count: unrated.length })
                        : t("editor.everyRated")}
                    </p>
                    <Button
                      className="mt-3"
                      onClick={() => confirmRef.current?.showModal()}
                      disabled={!interactive || submitting || Boolean(state.locked)}
                    >
                      {submitting ? t("editor.submitting") : submitLabel}
                    </Button>
                    <SubmitConfirmation
                      dialogRef={confirmRef}
                      label={submitLabel}
                      title={
                        assessment.kind === "self"
                          ? t("editor.confirmTitleSelf")
                          : t("editor.confirmTitleReview", { name: assessment.subject.name })
                      }
                      unrated={unrated.length}
                      onConfirm={requestSubmit}
                    />
                    <noscript>
                      <form method="post" className="mt-3 space-y-2">
                        <input type="hidden" name="intent" value="submit" />
                        <input type="hidden" name="revision" value={assessment.revision} />
                        <CheckboxField
                          name="confirm"
                          required
                          label={
                            assessment.kind === "self"
                              ? t("editor.confirmSelf")
                              : t("editor.confirmReview")
                          }
                        />
                        <Button type="submit">{submitLabel}</Button>
                      </form>
                    </noscript>
                  </Card>
                </>
              )}
              <noscript>
                <Button type="submit" form={sectionFormId(section.id)}>
                  {t("editor.saveSection")}
                </Button>
              </noscript>
              <SectionPager sections={sections} currentId={section.id} />
            </section>
          ))}
      </div>
    </div>
  );
}

const sectionFormId = (sectionId: string) => `draft-section-${sectionId}`;

/** A competency's draft fields: its rating, notes and next-level marks. */
function competencyFields(competency: EditedCompetency): string[] {
  return [
    ratingField(competency.id),
    notesField(competency.id),
    ...competency.nextExpectations.map((_, index) => markField(competency.id, index)),
  ];
}

/** The draft fields a section shows: its competencies' fields, or the summary. */
function sectionFields(section: AssessmentSection<EditedCompetency>): string[] {
  if (section.kind !== "area") return [summaryField];
  return section.competencies.flatMap(competencyFields);
}

/**
 * A section's own form, for use without JavaScript: the fields sit where they are and name it
 * (`form=`), so it wraps nothing and nests no other form. It carries the values and revision the
 * page was rendered with, so the server saves only what was changed, merged as autosave merges.
 * With JavaScript it is never sent: autosave does the work.
 */
function PlainSectionForm({
  id,
  sectionId,
  revision,
  fields,
  values,
}: {
  id: string;
  sectionId: string;
  revision: number;
  fields: string[];
  values: DraftValues;
}) {
  const base = Object.fromEntries(fields.map((field) => [field, valueOf(values, field)]));
  return (
    <form id={id} method="post" hidden onSubmit={(event) => event.preventDefault()}>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="section" value={sectionId} />
      <input type="hidden" name="baseRevision" value={revision} />
      <input type="hidden" name="base" value={JSON.stringify(base)} />
    </form>
  );
}

/**
 * The step before submitting: submitting locks the assessment for good, so it asks once, in a
 * modal dialog (focus moves into it; Escape or "Keep editing" closes it and changes nothing).
 */
function SubmitConfirmation({
  dialogRef,
  label,
  title,
  unrated,
  onConfirm,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  label: string;
  title: string;
  unrated: number;
  onConfirm: () => void;
}) {
  const { t } = useTranslation("assessments");
  return (
    <ConfirmDialog
      dialogRef={dialogRef}
      title={title}
      cancelLabel={t("editor.keepEditing")}
      confirm={
        <Button
          onClick={() => {
            dialogRef.current?.close();
            onConfirm();
          }}
        >
          {label}
        </Button>
      }
    >
      {t("editor.confirmLocks")}{" "}
      {unrated ? t("editor.confirmUnrated", { count: unrated }) : t("editor.everyRated")}
    </ConfirmDialog>
  );
}
