import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data } from "react-router";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { z } from "zod";
import type { Route } from "./+types/admin.people.import";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { usePendingForm } from "~/components/ui/use-submitting";
import { ErrorList, inputClass } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { languageOf, translatorOf } from "~/i18n/i18n.server";
import { listOf, wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireRole } from "~/modules/identity/permissions.server";
import { ladderWords, levelLabel, trackLabel } from "~/modules/ladders";
import { servedLaddersIn } from "~/modules/ladders/registry.server";
import {
  changeInWords,
  CSV_COLUMNS,
  MAX_ATTRIBUTE_COLUMNS,
  MAX_IMPORT_ROWS,
  type PlaceWords,
} from "~/modules/people/csv-import";
import { importPeople } from "~/modules/people/import.server";
import { withDomainErrors, formOf } from "~/utils/http.server";

const ImportSchema = z.object({
  // A key, worded where the error is shown: the schema checks in the browser too.
  csv: z.string({ error: "people:import.errors.csvRequired" }),
  intent: z.enum(["check", "import"]),
});

/** The preview lists this many creates and changes; the counts always cover the whole file. */
const PREVIEW_ROWS = 200;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Problems listed at once; the rest are counted. */
const ERRORS_SHOWN = 50;
/** A file larger than this is not sent back with the reply (the page keeps it; a junk file would double the answer). */
const ECHO_LIMIT = 1024 * 1024;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("people:import.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  // Sent from the server so the CSV parser in csv-import.ts stays out of the browser bundle.
  return {
    columns: [...CSV_COLUMNS],
    maxRows: MAX_IMPORT_ROWS,
    maxAttributes: MAX_ATTRIBUTE_COLUMNS,
  };
});

export const action = withDomainErrors(async ({ request, context }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const submission = parseWithZod(await formOf(request), { schema: ImportSchema });
  if (submission.status !== "success") {
    return data({ status: "invalid" as const, result: submission.reply() }, { status: 400 });
  }
  const { csv, intent } = submission.value;
  const outcome = await importPeople(csv, { actorId: viewer.id, dryRun: intent === "check" });
  // Sent back so the page keeps what was typed without JavaScript, unless it is large.
  const echo = csv.length > ECHO_LIMIT ? { hideFields: ["csv"] } : {};
  if (!outcome.ok) {
    const t = translatorOf(context);
    const errors = outcome.errors
      .slice(0, ERRORS_SHOWN)
      .map((error) => ({ ...error, message: wordsOf(t, error.message) }));
    return data(
      {
        status: "errors" as const,
        result: submission.reply(echo),
        intent,
        errors,
        errorCount: outcome.errors.length,
      },
      { status: 400 },
    );
  }
  const { plan, summary } = outcome;
  const ladders = (await servedLaddersIn(languageOf(context))).map((served) => served.ladder);
  const named = ladderWords(ladders);
  const words: PlaceWords = {
    ladder: (id) => ladders.find((ladder) => ladder.meta.id === id)?.meta.name ?? id,
    track: named.track,
    level: named.level,
  };
  if (intent === "import") {
    return {
      status: "imported" as const,
      result: submission.reply({ resetForm: true }),
      summary,
      newTeams: plan.newTeams,
    };
  }
  return {
    status: "checked" as const,
    result: submission.reply(echo),
    summary,
    newTeams: plan.newTeams,
    attributeColumns: plan.attributeColumns,
    levelSinceColumn: plan.columns.includes("level_since"),
    // Tracks and levels in words, from each new person's ladder.
    creates: plan.creates.slice(0, PREVIEW_ROWS).map((row) => ({
      ...row,
      trackName: trackLabel(ladders, row.track, row.ladder),
      levelTitle: levelLabel(ladders, row.level, row.ladder, row.sublevel),
    })),
    // Each change in words: ladders, tracks and levels by name.
    changes: plan.changes.slice(0, PREVIEW_ROWS).map((change) => ({
      ...change,
      described: change.changes.map((fieldChange) =>
        changeInWords(fieldChange, change.changes, words, translatorOf(context)),
      ),
    })),
  };
});

function countRows(text: string): number {
  let lines = 0;
  for (const line of text.split(/\r\n|\n|\r/)) if (line.trim() !== "") lines++;
  return Math.max(0, lines - 1);
}

export default function ImportPeople({ loaderData, actionData }: Route.ComponentProps) {
  const { columns, maxRows, maxAttributes } = loaderData;
  const { t } = useTranslation("people");
  const f = useFormats();
  const submittedText = useRef<string | null>(null);
  const initialCsv =
    typeof actionData?.result.initialValue?.csv === "string"
      ? actionData.result.initialValue.csv
      : "";
  const [csv, setCsv] = useState(initialCsv);
  const [checkedText, setCheckedText] = useState<string | null>(
    actionData?.status === "checked" ? initialCsv : null,
  );
  const [fileState, setFileState] = useState<{
    name: string;
    loaded: number;
    total: number;
    error?: string;
  } | null>(null);
  const rows = useMemo(() => countRows(csv), [csv]);
  const fileInputId = useId();

  const [form, fields] = useForm({
    id: "people-import",
    lastResult: actionData?.result,
    constraint: getZodConstraint(ImportSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ImportSchema }),
    onSubmit: () => {
      submittedText.current = csv;
    },
  });

  // A new result decides which text the preview belongs to; later typing is caught by comparing texts.
  const [seenResult, setSeenResult] = useState(actionData);
  if (actionData !== seenResult) {
    setSeenResult(actionData);
    setCheckedText(actionData?.status === "checked" ? (submittedText.current ?? csv) : null);
    if (actionData?.status === "imported") setCsv("");
  }

  // Busy until the answer's page data is loaded too (usePendingForm): the answer brings Import.
  const submittingIntent = usePendingForm()?.get("intent");
  const busy = Boolean(submittingIntent);
  const checkIsCurrent = actionData?.status === "checked" && checkedText === csv;
  const nothingToDo =
    actionData?.status === "checked" &&
    actionData.summary.created === 0 &&
    actionData.summary.changed === 0;

  const readFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileState({
        name: file.name,
        loaded: 0,
        total: file.size,
        error: t("import.errors.tooLarge", { megabytes: MAX_FILE_BYTES / 1024 / 1024 }),
      });
      return;
    }
    const reader = new FileReader();
    setFileState({ name: file.name, loaded: 0, total: file.size });
    reader.onprogress = (progress) =>
      setFileState({
        name: file.name,
        loaded: progress.loaded,
        total: progress.total || file.size,
      });
    reader.onload = () => {
      // Read as bytes and decoded strictly: a file that is not UTF-8 is refused, not turned into replacement characters.
      try {
        setCsv(new TextDecoder("utf-8", { fatal: true }).decode(reader.result as ArrayBuffer));
        setFileState(null);
      } catch {
        setFileState({
          name: file.name,
          loaded: 0,
          total: file.size,
          error: t("import.errors.notUtf8"),
        });
      }
    };
    reader.onerror = () =>
      setFileState({
        name: file.name,
        loaded: 0,
        total: file.size,
        error: t("import.errors.unreadable"),
      });
    reader.readAsArrayBuffer(file);
  };

  // A file chosen before the page's scripts ran (a slow phone, a quick hand) had no one to read it:
  // it is read once they run.
  const fileInput = useRef<HTMLInputElement>(null);
  const readChosenFile = useRef(() => readFile(fileInput.current?.files?.[0]));
  useEffect(() => readChosenFile.current(), []);

  return (
    <>
      <BackLink to="/admin/people">{t("import.back")}</BackLink>
      <PageHeader
        title={t("import.heading")}
        description={t("import.description", { columns: wordsOf(t, listOf(columns)) })}
      />

      <Card className="mb-6">
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <div>
            <label htmlFor={fileInputId} className="mb-1 block text-sm font-medium">
              {t("import.chooseFile")}
            </label>
            <input
              id={fileInputId}
              type="file"
              accept=".csv,text/csv,text/plain"
              ref={fileInput}
              onChange={(event) => readFile(event.currentTarget.files?.[0])}
              className="block text-sm file:me-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-50 dark:file:border-slate-600 dark:file:bg-slate-800 dark:file:text-slate-100"
            />
            {fileState && !fileState.error ? (
              <ProgressBar
                label={t("import.reading", { name: fileState.name })}
                value={fileState.loaded}
                max={fileState.total}
              />
            ) : null}
            {fileState?.error ? <ErrorList errors={[fileState.error]} /> : null}
          </div>
          <div>
            <label htmlFor={fields.csv.id} className="mb-1 block text-sm font-medium">
              {t("import.csv")}
            </label>
            <textarea
              dir="auto"
              id={fields.csv.id}
              name={fields.csv.name}
              value={csv}
              onChange={(event) => setCsv(event.currentTarget.value)}
              rows={12}
              spellCheck={false}
              placeholder={`${columns.join(",")}\n${t("import.exampleRow")}`}
              aria-invalid={fields.csv.errors?.length ? true : undefined}
              aria-describedby={`${fields.csv.id}-hint${fields.csv.errors?.length ? ` ${fields.csv.errorId}` : ""}`}
              className={`${inputClass} font-mono text-xs`}
            />
            <p
              id={`${fields.csv.id}-hint`}
              className="mt-1 text-xs text-slate-500 dark:text-slate-400"
            >
              {rows ? `${t("import.rowsAfterHeader", { count: rows })} ` : ""}
              {t("import.hint", { maxAttributes, maxRows })}
            </p>
            <ErrorList id={fields.csv.errorId} errors={fields.csv.errors} />
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <Button
              type="submit"
              name="intent"
              value="check"
              variant={checkIsCurrent ? "secondary" : "primary"}
              disabled={busy}
            >
              {submittingIntent === "check" ? t("import.checking") : t("import.check")}
            </Button>
            {checkIsCurrent && !nothingToDo ? (
              <Button type="submit" name="intent" value="import" disabled={busy}>
                {submittingIntent === "import"
                  ? t("import.importing")
                  : t("import.importCount", { count: actionData.summary.rows })}
              </Button>
            ) : null}
          </div>
          {submittingIntent ? (
            <ProgressBar
              label={
                submittingIntent === "import"
                  ? t("import.importingRows", { count: rows })
                  : t("import.checkingRows", { count: rows })
              }
            />
          ) : null}
        </Form>
      </Card>

      <section aria-live="polite" aria-busy={busy} aria-label={t("import.result")}>
        {actionData?.status === "errors" ? (
          <ImportErrors
            errors={actionData.errors}
            count={actionData.errorCount}
            intent={actionData.intent}
          />
        ) : null}
        {actionData?.status === "imported" ? (
          <Alert tone="success" title={t("import.imported")}>
            <p>
              {actionData.newTeams.length
                ? t("import.importedSummaryWithTeams", {
                    created: actionData.summary.created,
                    changed: actionData.summary.changed,
                    teamCount: actionData.newTeams.length,
                    teams: f.list(actionData.newTeams),
                  })
                : t("import.importedSummary", {
                    created: actionData.summary.created,
                    changed: actionData.summary.changed,
                  })}{" "}
              <Link to="/admin/people" className="underline">
                {t("import.seeEveryone")}
              </Link>
            </p>
          </Alert>
        ) : null}
        {actionData?.status === "checked" ? (
          checkIsCurrent ? (
            <Preview data={actionData} />
          ) : (
            <Alert tone="info">{t("import.changedSinceCheck")}</Alert>
          )
        ) : null}
      </section>
    </>
  );
}

/** role="progressbar": determinate when the size is known (reading a file), otherwise indeterminate (the server is working). */
function ProgressBar({ label, value, max }: { label: string; value?: number; max?: number }) {
  const f = useFormats();
  const percent = value !== undefined && max ? Math.round((value / max) * 100) : null;
  return (
    <div className="mt-2">
      <p className="mb-1 text-sm text-slate-700 dark:text-slate-200">
        {label}
        {percent !== null ? ` ${f.percent(percent / 100)}` : ""}
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={percent !== null ? 0 : undefined}
        aria-valuemax={percent !== null ? 100 : undefined}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent !== null ? f.percent(percent / 100) : label}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={`h-full rounded-full bg-brand-600 ${percent === null ? "w-1/3 animate-pulse" : "transition-[width]"}`}
          style={percent !== null ? { width: `${percent}%` } : undefined}
        />
      </div>
    </div>
  );
}

function ImportErrors({
  errors,
  count,
  intent,
}: {
  errors: { line: number; field: string | null; message: string }[];
  count: number;
  intent: "check" | "import";
}) {
  const { t } = useTranslation("people");
  const title =
    intent === "import"
      ? t("import.problemsNothingImported", { count })
      : t("import.problemsNothingUntilFixed", { count });
  return (
    <Alert tone="error" title={title}>
      <div className="mt-2 max-h-[32rem] overflow-auto">
        <DataTable
          plain
          caption={t("import.problemsByLine")}
          headings={[t("import.line"), t("import.column"), t("import.problem")]}
        >
          {errors.map((error, index) => (
            <tr key={`${error.line}-${error.field}-${index}`}>
              <th scope="row" className={`${tdClass} font-normal tabular-nums`}>
                {t("import.lineNumber", { line: error.line })}
              </th>
              <td className={tdClass}>{error.field ?? "—"}</td>
              <td className={tdClass}>{error.message}</td>
            </tr>
          ))}
        </DataTable>
      </div>
      {count > errors.length ? (
        <p className="mt-2 text-sm">
          {t("import.firstProblemsShown", { shown: errors.length, count })}
        </p>
      ) : null}
    </Alert>
  );
}

type CheckedData = Extract<NonNullable<Route.ComponentProps["actionData"]>, { status: "checked" }>;

/** A new person's attributes as "location: Berlin; employment: part-time", empty cells left out. */
function describeAttributes(
  attributes: Record<string, string | null>,
  names: readonly string[],
): string {
  const set = names.flatMap((name) => {
    const value = attributes[name];
    return value ? [`${name}: ${value}`] : [];
  });
  return set.length ? set.join("; ") : "—";
}

function Preview({ data: preview }: { data: CheckedData }) {
  const { summary } = preview;
  const { t } = useTranslation("people");
  const f = useFormats();
  const more = (shown: number, total: number) =>
    total > shown ? (
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        {t("import.firstShown", { shown, count: total })}
      </p>
    ) : null;
  return (
    <div className="space-y-6">
      <Alert
        tone={summary.created || summary.changed ? "info" : "success"}
        title={t("import.valid")}
      >
        <p>
          {preview.newTeams.length
            ? t("import.checkedSummaryWithTeams", {
                created: summary.created,
                changed: summary.changed,
                unchanged: summary.unchanged,
                teamCount: preview.newTeams.length,
                teams: f.list(preview.newTeams),
              })
            : t("import.checkedSummary", {
                created: summary.created,
                changed: summary.changed,
                unchanged: summary.unchanged,
              })}{" "}
          {summary.created || summary.changed
            ? t("import.nothingWrittenYet")
            : t("import.upToDate")}
        </p>
      </Alert>
      {preview.creates.length ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">
            {t("import.newPeople", { count: summary.created })}
          </h2>
          <DataTable
            plain
            caption={t("import.newPeople", { count: summary.created })}
            headings={[
              t("import.line"),
              t("import.name"),
              t("import.email"),
              t("import.manager"),
              t("import.team"),
              t("import.track"),
              t("import.level"),
              ...(preview.levelSinceColumn ? [t("import.levelSince")] : []),
              ...(preview.attributeColumns.length ? [t("import.attributes")] : []),
            ]}
          >
            {preview.creates.map((row) => (
              <tr key={row.email}>
                <td className={`${tdClass} tabular-nums`}>{row.line}</td>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {row.name}
                </th>
                <td className={tdClass}>{row.email}</td>
                <td className={tdClass}>{row.managerEmail ?? "—"}</td>
                <td className={tdClass}>{row.team ?? "—"}</td>
                <td className={tdClass}>{row.trackName ?? "—"}</td>
                <td className={tdClass}>{row.levelTitle ?? "—"}</td>
                {preview.levelSinceColumn ? (
                  <td className={tdClass}>{row.levelSince ?? "—"}</td>
                ) : null}
                {preview.attributeColumns.length ? (
                  <td className={tdClass}>
                    {describeAttributes(row.attributes, preview.attributeColumns)}
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
          {more(preview.creates.length, summary.created)}
        </Card>
      ) : null}
      {preview.changes.length ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">
            {t("import.changes", { count: summary.changed })}
          </h2>
          <DataTable
            plain
            caption={t("import.changes", { count: summary.changed })}
            headings={[t("import.line"), t("import.person"), t("import.whatChanges")]}
          >
            {preview.changes.map((change) => (
              <tr key={change.id}>
                <td className={`${tdClass} tabular-nums`}>{change.line}</td>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {change.name}
                  <span className="block font-normal text-slate-500 dark:text-slate-400">
                    {change.email}
                  </span>
                </th>
                <td className={tdClass}>
                  <ul>
                    {change.described.map((words, index) => (
                      <li key={change.changes[index]!.field}>{words}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </DataTable>
          {more(preview.changes.length, summary.changed)}
        </Card>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
