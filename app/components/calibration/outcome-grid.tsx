import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useSubmit } from "react-router";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { Button } from "~/components/ui/button";
import { ScrollRegion } from "~/components/ui/data-table";
import { ConfirmDialog, dialogClass } from "~/components/ui/confirm-dialog";
import { ErrorList, SelectField, TextareaField } from "~/components/ui/field";
import {
  cellKey,
  moveNeedsReason,
  MoveSchema,
  neighbourCell,
  startCell,
  type GridAxes,
  type GridCell,
  type GridKey,
} from "~/modules/calibration/grid";
import { MAX_RATIONALE, REASON_NEEDED, type OutcomeValue } from "~/modules/calibration/outcomes";
import { useTranslation } from "~/i18n/use-translation";
import { wordsOf } from "~/i18n/messages";

export type GridPerson = {
  id: string;
  name: string;
  manager: string | null;
  revision: number;
  final: OutcomeValue | null;
  proposal: OutcomeValue | null;
  at: { cell: GridCell; decided: boolean } | null;
};

/** The keys that choose a cell, in the order a cell's `data-to` names where each goes (decision 165). */
const GRID_KEY_ORDER = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"] as const;
const GRID_KEYS = new Set<string>(GRID_KEY_ORDER);
const sameCell = (a: GridCell, b: GridCell) => a.rating === b.rating && a.second === b.second;

/**
 * The second dimension as the session names it, inside a sentence: lower-cased where the language
 * writes a common noun so ("High potential"), as it stands in German, which capitalises every noun.
 */
export function dimensionInSentence(dimension: string, language: string): string {
  return language === "de" ? dimension : dimension.toLocaleLowerCase(language);
}

/** How the page says a cell, in its language: "Exceeds (4), High potential". */
export function useCellWords(axes: GridAxes, dimension: string | null): (cell: GridCell) => string {
  const { t, i18n } = useTranslation("calibration");
  return (cell) => {
    const rating = axes.ratings.find((point) => point.value === cell.rating);
    const second = axes.seconds?.find((point) => point.value === cell.second);
    const ratingWords = rating
      ? t("grid.point", { label: rating.label, value: rating.value })
      : String(cell.rating);
    return second && dimension
      ? t("grid.cellWithSecond", {
          rating: ratingWords,
          point: t(`second.${second.value as 1 | 2 | 3}`),
          dimension: dimensionInSentence(dimension, i18n.language),
        })
      : ratingWords;
  };
}

/** The move the reason dialog asks about, with its form: the reason is required, as the move differs from the proposal. */
const ReasonedMoveSchema = MoveSchema.refine((move) => move.reason.length > 0, {
  error: REASON_NEEDED,
  path: ["reason"],
});

/**
 * The calibration grid as a working surface. People stand in the cell of their outcome (final, or
 * proposed until then); the facilitator moves one by dragging, by clicking the person then a cell,
 * or by keyboard: Enter or Space picks the person up, the arrow keys (Home, End) choose a cell,
 * Enter or Space drops them there, Escape puts them back. Each step is said in a live region. A move
 * that differs from the proposal asks for its reason first. Without JavaScript, each person has a
 * form that sets their cell; the server applies the same rule either way.
 */
export function OutcomeGrid({
  axes,
  dimension,
  people,
  counts,
  canMove,
  message,
  errorFor,
  lastResult,
}: {
  axes: GridAxes;
  dimension: string | null;
  /** Null when there are too many to show one by one (the cells still count them). */
  people: GridPerson[] | null;
  counts: Record<string, { decided: number; proposed: number }>;
  canMove: boolean;
  /** What the last step did, from the server (shown and announced). */
  message: { text: string; focusId: string | null } | null;
  /** The person whose move was refused, with the form's reply. */
  errorFor: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const helpId = useId();
  const captionId = useId();
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  const [held, setHeld] = useState<{ id: string; target: GridCell } | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ person: GridPerson; cell: GridCell } | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const submit = useSubmit();
  const { t, i18n } = useTranslation("calibration");
  const where = useCellWords(axes, dimension);
  const personById = new Map((people ?? []).map((person) => [person.id, person]));

  // A new answer from the server replaces what the grid last said, and the moved person keeps the focus.
  useEffect(() => {
    setSaid(null);
    if (message?.focusId)
      document.querySelector<HTMLButtonElement>(`[data-person="${message.focusId}"]`)?.focus();
  }, [message?.text, message?.focusId]);

  useEffect(() => {
    if (asking && !dialogRef.current?.open) dialogRef.current?.showModal();
  }, [asking]);

  function send(person: GridPerson, cell: GridCell, reason: string) {
    const data = new FormData();
    data.set("intent", "move");
    data.set("entryId", person.id);
    data.set("revision", String(person.revision));
    data.set("rating", String(cell.rating));
    if (cell.second !== null) data.set("second", String(cell.second));
    data.set("reason", reason);
    setSaid(t("grid.moving", { name: person.name, cell: where(cell) }));
    submit(data, { method: "post", preventScrollReset: true });
  }

  function pickUp(person: GridPerson) {
    const target = startCell(person.at, axes);
    setHeld({ id: person.id, target });
    setSaid(
      person.at
        ? t("grid.pickedUp", { name: person.name, cell: where(person.at.cell) })
        : t("grid.pickedUpOffGrid", { name: person.name }),
    );
  }

  function putBack(person: GridPerson) {
    setHeld(null);
    setSaid(t("grid.putBack", { name: person.name }));
  }

  function drop(person: GridPerson, cell: GridCell) {
    setHeld(null);
    if (person.at?.decided && sameCell(person.at.cell, cell)) {
      setSaid(t("grid.stays", { name: person.name, cell: where(cell) }));
      return;
    }
    if (moveNeedsReason(cell, person, axes)) {
      setSaid(t("grid.needsReason", { name: person.name, cell: where(cell) }));
      setAsking({ person, cell });
      return;
    }
    send(person, cell, "");
  }

  function onKey(event: KeyboardEvent<HTMLButtonElement>, person: GridPerson) {
    if (held?.id !== person.id) return;
    if (GRID_KEYS.has(event.key)) {
      event.preventDefault();
      const target = neighbourCell(held.target, event.key as GridKey, axes, i18n.dir());
      setHeld({ id: person.id, target });
      setSaid(where(target));
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      drop(person, held.target);
    } else if (event.key === "Escape") {
      event.preventDefault();
      putBack(person);
    }
  }

  const rows = axes.seconds ? [...axes.seconds].reverse() : [null];
  const allCells = rows.flatMap((second) =>
    axes.ratings.map((point) => ({ rating: point.value, second: second?.value ?? null })),
  );
  // What the page's one script says as it moves someone, with their name and the cell put in.
  const tokens = { name: "{name}", cell: "{cell}" };
  const templates = interactive
    ? {}
    : {
        "data-grid": "",
        "data-picked-up": t("grid.pickedUp", tokens),
        "data-picked-up-off-grid": t("grid.pickedUpOffGrid", tokens),
        "data-put-back": t("grid.putBack", tokens),
        "data-stays": t("grid.stays", tokens),
        "data-needs-reason": t("grid.needsReason", tokens),
        "data-moving": t("grid.moving", tokens),
      };
  const unplaced = (people ?? []).filter((person) => !person.at);
  const chips = (list: GridPerson[]) =>
    list.length ? (
      <ul className="mt-1 space-y-1 text-start">
        {list.map((person) => (
          <Chip
            key={person.id}
            person={person}
            axes={axes}
            dimension={dimension}
            movable={canMove}
            canMove={canMove}
            held={held?.id === person.id}
            helpId={helpId}
            focused={!interactive && message?.focusId === person.id}
            said={
              interactive
                ? undefined
                : {
                    start: cellKey(startCell(person.at, axes)),
                    stay: person.at?.decided ? cellKey(person.at.cell) : undefined,
                    free: allCells
                      .filter((cell) => !moveNeedsReason(cell, person, axes))
                      .map(cellKey)
                      .join(" "),
                    proposal:
                      person.proposal?.rating != null
                        ? where({ rating: person.proposal.rating, second: person.proposal.second })
                        : undefined,
                  }
            }
            refused={errorFor === person.id ? lastResult : undefined}
            onPick={() => (held?.id === person.id ? putBack(person) : pickUp(person))}
            onKey={(event) => onKey(event, person)}
            onDragStart={() => setHeld({ id: person.id, target: startCell(person.at, axes) })}
          />
        ))}
      </ul>
    ) : null;

  return (
    <div {...(canMove ? templates : {})}>
      {canMove ? (
        <p id={helpId} className="mb-2 text-sm text-slate-700 dark:text-slate-300">
          {t("grid.help")}
        </p>
      ) : null}
      <p
        role="status"
        aria-live="polite"
        aria-label={t("grid.status")}
        data-grid-status
        className="mb-3 min-h-5 text-sm font-medium"
      >
        {said ?? message?.text ?? ""}
      </p>
      <ScrollRegion labelledBy={captionId}>
        <table className="w-full min-w-[36rem] table-fixed border-collapse text-sm">
          <caption
            id={captionId}
            className="mb-2 text-start text-xs text-slate-600 dark:text-slate-300"
          >
            {dimension ? t("grid.captionWithSecond", { dimension }) : t("grid.caption")}
          </caption>
          <thead>
            <tr>
              <td className="w-28" />
              {axes.ratings.map((point) => (
                <th key={point.value} scope="col" className="px-2 py-1 text-xs font-medium">
                  {t("grid.point", { label: point.label, value: point.value })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((second) => (
              <tr key={second?.value ?? "all"}>
                <th scope="row" className="px-2 py-1 text-start text-xs font-medium">
                  {second && dimension
                    ? t("grid.row", {
                        point: t(`second.${second.value as 1 | 2 | 3}`),
                        dimension: dimensionInSentence(dimension, i18n.language),
                      })
                    : t("grid.everyone")}
                </th>
                {axes.ratings.map((point) => {
                  const cell = { rating: point.value, second: second?.value ?? null };
                  const key = cellKey(cell);
                  const count = counts[key] ?? { decided: 0, proposed: 0 };
                  const targeted = held !== null && sameCell(held.target, cell);
                  const here = (people ?? []).filter(
                    (person) => person.at && sameCell(person.at.cell, cell),
                  );
                  return (
                    <td
                      key={key}
                      data-cell={key}
                      data-rating={cell.rating}
                      data-second={cell.second ?? undefined}
                      data-words={interactive ? undefined : where(cell)}
                      data-to={
                        interactive
                          ? undefined
                          : GRID_KEY_ORDER.map((gridKey) =>
                              cellKey(neighbourCell(cell, gridKey, axes, i18n.dir())),
                            ).join(" ")
                      }
                      onDragOver={(event) => {
                        if (!held) return;
                        event.preventDefault();
                        if (!targeted) setHeld({ ...held, target: cell });
                      }}
                      onDrop={(event) => {
                        event.preventDefault();
                        const person = personById.get(
                          event.dataTransfer.getData("text/plain") || held?.id || "",
                        );
                        if (person) drop(person, cell);
                      }}
                      onClick={(event) => {
                        // A person picked up by a click goes to the cell clicked next (not when the click was on a person or a form).
                        if (
                          !held ||
                          (event.target as HTMLElement).closest("button, summary, form, a")
                        )
                          return;
                        const person = personById.get(held.id);
                        if (person) drop(person, cell);
                      }}
                      // The cell a person would be dropped in, marked alike by these handlers and the page's script.
                      data-targeted={targeted ? "" : undefined}
                      className="h-20 border border-slate-300 px-2 py-1 align-top data-targeted:border-brand-600 data-targeted:bg-brand-50 data-targeted:ring-2 data-targeted:ring-brand-600 dark:border-slate-600 dark:data-targeted:bg-slate-800"
                    >
                      <p className="text-end text-xs tabular-nums text-slate-600 dark:text-slate-300">
                        {count.proposed
                          ? t("grid.countWithProposed", {
                              decided: count.decided,
                              proposed: count.proposed,
                            })
                          : t("grid.count", { decided: count.decided })}
                      </p>
                      {chips(here)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {unplaced.length ? (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">{t("grid.unplaced.heading")}</h3>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {dimension
              ? t("grid.unplaced.explainWithSecond", {
                  dimension: dimensionInSentence(dimension, i18n.language),
                })
              : t("grid.unplaced.explain")}
          </p>
          {chips(unplaced)}
        </div>
      ) : null}
      {canMove && !interactive ? <PlainReasonDialog /> : null}
      {asking ? (
        <ReasonDialog
          dialogRef={dialogRef}
          person={asking.person}
          cell={asking.cell}
          where={where}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </div>
  );
}

function Chip({
  person,
  axes,
  dimension,
  movable,
  canMove,
  held,
  helpId,
  focused,
  said,
  refused,
  onPick,
  onKey,
  onDragStart,
}: {
  person: GridPerson;
  axes: GridAxes;
  dimension: string | null;
  movable: boolean;
  canMove: boolean;
  held: boolean;
  helpId: string;
  /** The person the server's last answer moved, focused by the page's script as HTML. */
  focused: boolean;
  /** On the page as HTML, what the page's script needs to move them (decision 165). */
  said?: { start: string; stay?: string; free: string; proposal?: string };
  refused: SubmissionResult<string[]> | undefined;
  onPick: () => void;
  onKey: (event: KeyboardEvent<HTMLButtonElement>) => void;
  onDragStart: () => void;
}) {
  const { t } = useTranslation("calibration");
  const proposed = person.at && !person.at.decided;
  return (
    <li
      className={`rounded border px-1.5 py-1 ${proposed ? "border-dashed border-slate-400 dark:border-slate-500" : "border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900"}`}
    >
      {movable ? (
        <button
          type="button"
          data-person={person.id}
          data-name={said ? person.name : undefined}
          data-revision={said ? person.revision : undefined}
          data-placed={said && person.at ? "" : undefined}
          data-start={said?.start}
          data-stay={said?.stay}
          data-free={said?.free}
          data-proposal={said?.proposal}
          data-focus={focused ? "" : undefined}
          draggable
          aria-pressed={held}
          aria-describedby={helpId}
          onClick={onPick}
          onKeyDown={onKey}
          onDragStart={(event) => {
            event.dataTransfer.setData("text/plain", person.id);
            event.dataTransfer.effectAllowed = "move";
            onDragStart();
          }}
          className={`cursor-grab rounded px-1 text-start font-medium underline-offset-2 hover:underline ${held ? "bg-brand-600 text-white" : ""}`}
        >
          {person.name}
        </button>
      ) : (
        <span className="px-1 font-medium">{person.name}</span>
      )}
      {proposed ? (
        <span className="ms-1 text-xs text-slate-600 dark:text-slate-300">
          {t("grid.proposed")}
        </span>
      ) : null}
      {canMove ? (
        <CellForm person={person} axes={axes} dimension={dimension} refused={refused} />
      ) : null}
    </li>
  );
}

/** The person's own form: sets their cell without dragging (and without JavaScript). */
function CellForm({
  person,
  axes,
  dimension,
  refused,
}: {
  person: GridPerson;
  axes: GridAxes;
  dimension: string | null;
  refused: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("calibration");
  const start = startCell(person.at, axes);
  const values = (refused?.initialValue ?? {}) as Record<string, string | undefined>;
  const errors = refused?.error ?? {};
  return (
    <details id={`cell-form-${person.id}`} className="mt-1 text-xs" open={refused !== undefined}>
      <summary className="cursor-pointer text-brand-600 dark:text-brand-100">
        {t("grid.cellForm.open")}
      </summary>
      <Form
        method="post"
        preventScrollReset
        className="mt-2 space-y-2"
        aria-label={t("grid.cellForm.label", { name: person.name })}
      >
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="entryId" value={person.id} />
        <input type="hidden" name="revision" value={person.revision} />
        <SelectField
          id={`grid-${person.id}-rating`}
          name="rating"
          label={t("grid.cellForm.rating")}
          defaultValue={values.rating ?? String(start.rating)}
          errors={errors.rating}
        >
          {axes.ratings.map((point) => (
            <option key={point.value} value={point.value}>
              {t("grid.point", { label: point.label, value: point.value })}
            </option>
          ))}
        </SelectField>
        {axes.seconds && dimension ? (
          <SelectField
            id={`grid-${person.id}-second`}
            name="second"
            label={dimension}
            defaultValue={values.second ?? String(start.second ?? "")}
            errors={errors.second}
          >
            {axes.seconds.map((point) => (
              <option key={point.value} value={point.value}>
                {t(`second.${point.value as 1 | 2 | 3}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextareaField
          id={`grid-${person.id}-reason`}
          name="reason"
          label={t("grid.cellForm.reason")}
          hint={t("grid.cellForm.reasonHint")}
          rows={2}
          maxLength={MAX_RATIONALE}
          defaultValue={values.reason ?? ""}
          errors={errors.reason}
        />
        <ErrorList errors={refused?.error?.[""]} />
        <Button type="submit" variant="secondary">
          {t("grid.move", { name: person.name })}
        </Button>
      </Form>
    </details>
  );
}

/**
 * The reason dialog on the page as HTML (decision 165): one for the grid, filled in by the page's
 * script with the person and the cell (its words carry `{name}`, `{cell}` and `{proposal}` for it).
 * Its form also sends the moves that need no reason, with the reason left out.
 */
function PlainReasonDialog() {
  const { t } = useTranslation("calibration");
  const titleId = useId();
  const textId = useId();
  const neededId = useId();
  const tokens = { name: "{name}", cell: "{cell}", proposal: "{proposal}" };
  return (
    <dialog
      data-move
      data-title={t("grid.reasonDialog.title", tokens)}
      data-differs={t("grid.reasonDialog.differs", tokens)}
      data-none={t("grid.reasonDialog.differsFromNone", tokens)}
      data-button={t("grid.move", tokens)}
      aria-labelledby={titleId}
      aria-describedby={textId}
      className={dialogClass}
    >
      <h2 id={titleId} className="text-lg font-semibold" />
      <form method="post" className="mt-2 space-y-3 text-sm">
        <p id={textId} className="text-slate-700 dark:text-slate-300" />
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="entryId" />
        <input type="hidden" name="revision" />
        <input type="hidden" name="rating" />
        <input type="hidden" name="second" />
        <TextareaField
          name="reason"
          label={t("grid.cellForm.reason")}
          rows={3}
          maxLength={MAX_RATIONALE}
          data-needed={neededId}
        />
        <p id={neededId} role="alert" hidden className="text-sm text-red-700 dark:text-red-400">
          {wordsOf(t, REASON_NEEDED)}
        </p>
        <div className="mt-5 flex flex-wrap justify-end gap-3">
          <Button variant="secondary" type="submit" formMethod="dialog" formNoValidate>
            {t("grid.reasonDialog.cancel")}
          </Button>
          <Button type="submit" />
        </div>
      </form>
    </dialog>
  );
}

/** Before a move that differs from the proposal: the reason, in the project's confirmation dialog. */
function ReasonDialog({
  dialogRef,
  person,
  cell,
  where,
  onCancel,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  person: GridPerson;
  cell: GridCell;
  where: (cell: GridCell) => string;
  onCancel: () => void;
}) {
  const { t } = useTranslation("calibration");
  const [form, fields] = useForm({
    id: `grid-reason-${person.id}`,
    constraint: getZodConstraint(MoveSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReasonedMoveSchema }),
    // Closed as the move is sent, not when the navigation says "submitting": under load React can
    // skip that short state's render, and the dialog stayed open over a move already made.
    onSubmit: () => dialogRef.current?.close(),
  });
  useEffect(() => {
    const dialog = dialogRef.current;
    dialog?.addEventListener("close", onCancel);
    return () => dialog?.removeEventListener("close", onCancel);
  }, [dialogRef, onCancel]);
  const proposal =
    person.proposal?.rating != null
      ? where({ rating: person.proposal.rating, second: person.proposal.second })
      : null;
  return (
    <ConfirmDialog
      dialogRef={dialogRef}
      title={t("grid.reasonDialog.title", { name: person.name })}
      cancelLabel={t("grid.reasonDialog.cancel")}
      confirm={
        <Button type="submit" form={form.id}>
          {t("grid.move", { name: person.name })}
        </Button>
      }
    >
      <p>
        {proposal
          ? t("grid.reasonDialog.differs", { cell: where(cell), proposal, name: person.name })
          : t("grid.reasonDialog.differsFromNone", { cell: where(cell), name: person.name })}
      </p>
      <Form method="post" preventScrollReset className="mt-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="entryId" value={person.id} />
        <input type="hidden" name="revision" value={person.revision} />
        <input type="hidden" name="rating" value={cell.rating} />
        {cell.second !== null ? <input type="hidden" name="second" value={cell.second} /> : null}
        <TextareaField
          label={t("grid.cellForm.reason")}
          rows={3}
          maxLength={MAX_RATIONALE}
          errors={fields.reason.errors}
          {...getTextareaProps(fields.reason)}
        />
      </Form>
    </ConfirmDialog>
  );
}
