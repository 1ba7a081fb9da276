import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect, useSearchParams } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/hiring.openings.$openingId._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HiringAdminRoleHelp } from "~/components/hiring/hiring-admin-role";
import { linkClass, useDay } from "~/components/hiring/hiring-parts";
import { StageForm } from "~/components/hiring/stage-form";
import { Pagination } from "~/components/ui/pagination";
import { Button } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { ErrorList, Field, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import {
  AddAdminSchema,
  CandidateSchema,
  DECISION_KEYS,
  StageSchema,
  type Decision,
} from "~/modules/hiring/forms";
import type { RoleToGrant } from "~/modules/hiring/hiring-admin-role";
import { addCandidate } from "~/modules/hiring/loops.server";
import {
  addOpeningAdmin,
  moveStage,
  openingPage,
  removeStage,
  saveStage,
  setOpeningState,
} from "~/modules/hiring/openings.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { pageParam } from "~/utils/search-params";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { plainHtml } from "~/utils/page-scripts";

// Opened from the hiring section, the pipeline and a loop; its forms post, redirect when accepted and
// come back with what was typed when refused (decision 148).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = metaT(matches);
  return [
    {
      title: loaderData
        ? t("hiring:opening.title", { opening: loaderData.opening.title })
        : t("hiring:opening.fallbackTitle"),
    },
  ];
};

export const loader = withDomainErrors(
  async ({ request, url, params, context }: Route.LoaderArgs) => {
    const viewer = await requireUser(request);
    return openingPage(
      viewer,
      params.openingId ?? "",
      pageParam(url.searchParams),
      languageOf(context),
    );
  },
);

/**
 * The plan's stages, the opening's hiring admins, a new candidate, closing and reopening. Each
 * accepted form redirects to the page (a stage's form closed, the list's page kept), which words
 * `?done=`, so a reload never posts again; a refused one comes back with its errors and what was
 * typed (decision 148).
 */
export const action = withDomainErrors(async ({ request, url, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const openingId = params.openingId ?? "";
  const done = (what: OpeningDone | null) => {
    const kept = new URLSearchParams(url.searchParams);
    kept.delete("stage");
    kept.delete("done");
    if (what) kept.set("done", what);
    const search = kept.toString();
    return redirect(`/hiring/openings/${openingId}${search ? `?${search}` : ""}`);
  };
  const formData = await formOf(request);
  const intent = formData.get("intent");
  const text = (name: string) =>
    typeof formData.get(name) === "string" ? String(formData.get(name)) : "";

  if (intent === "save-stage") {
    const stageId = text("stageId") || null;
    const submission = parseWithZod(formData, { schema: StageSchema });
    if (submission.status !== "success")
      return data({ intent, stageId, result: submission.reply() }, { status: 400 });
    const result = await saveStage(viewer, openingId, submission.value);
    if (!result.ok)
      return data(
        { intent, stageId, result: submission.reply({ fieldErrors: result.fieldErrors }) },
        { status: 400 },
      );
    return done(stageId ? "stageSaved" : "stageAdded");
  }
  if (intent === "remove-stage") {
    await removeStage(viewer, openingId, text("stageId"));
    return done("stageRemoved");
  }
  if (intent === "move-stage") {
    const direction = text("direction");
    if (direction !== "up" && direction !== "down")
      throw new InvalidError({ key: "hiring:opening.errors.moveUpOrDown" });
    await moveStage(viewer, openingId, text("stageId"), direction);
    return done(null);
  }
  if (intent === "add-admin") {
    const submission = parseWithZod(formData, { schema: AddAdminSchema });
    if (submission.status !== "success")
      return data({ intent, stageId: null, result: submission.reply() }, { status: 400 });
    const result = await addOpeningAdmin(viewer, openingId, submission.value.email);
    if (!result.ok)
      return data(
        {
          intent,
          stageId: null,
          result: submission.reply({ fieldErrors: result.fieldErrors }),
          roleToGrant: result.roleToGrant ?? null,
        },
        { status: 400 },
      );
    return done("adminAdded");
  }
  if (intent === "add-candidate") {
    const submission = parseWithZod(formData, { schema: CandidateSchema });
    if (submission.status !== "success")
      return data({ intent, stageId: null, result: submission.reply() }, { status: 400 });
    const { loopId } = await addCandidate(viewer, openingId, submission.value);
    throw redirect(`/hiring/loops/${loopId}`);
  }
  if (intent === "close" || intent === "reopen") {
    await setOpeningState(viewer, openingId, intent === "close" ? "closed" : "open");
    return done(intent === "close" ? "closed" : "reopened");
  }
  throw new InvalidError({ key: "hiring:errors.unknownAction" });
});

/** What an accepted form did, as the page words it (`hiring:opening.flash.<done>`) after the redirect. */
const OPENING_DONE = [
  "stageSaved",
  "stageAdded",
  "stageRemoved",
  "adminAdded",
  "closed",
  "reopened",
] as const;
type OpeningDone = (typeof OPENING_DONE)[number];

type ActionData = Route.ComponentProps["actionData"];

function resultOf(
  actionData: ActionData,
  intent: string,
  stageId: string | null = null,
): SubmissionResult<string[]> | undefined {
  if (!actionData || actionData.intent !== intent || !("result" in actionData)) return undefined;
  if (intent === "save-stage" && actionData.stageId !== stageId) return undefined;
  return actionData.result;
}

/** Inferring the action's type merges the add-admin refusal into the answers without its role help, so it is read back by name. */
function roleToGrantOf(actionData: ActionData): RoleToGrant | null {
  return actionData?.intent === "add-admin" && "roleToGrant" in actionData
    ? (actionData.roleToGrant as RoleToGrant | null)
    : null;
}

export default function OpeningPage({ loaderData, actionData }: Route.ComponentProps) {
  const {
    opening,
    level,
    ladderName,
    competencies,
    competencyName,
    stages,
    coverage,
    admins,
    loops,
    loopPages,
  } = loaderData;
  const { t } = useTranslation("hiring");
  const f = useFormats();
  const sending = useSubmitting();
  const day = useDay();
  const busy = sending;
  const message = useDoneMessage(
    Object.fromEntries(OPENING_DONE.map((what) => [what, t(`opening.flash.${what}`)])) as Record<
      OpeningDone,
      string
    >,
    actionData,
  );
  const coveredBy = (competencyId: string, exceptStageId: string | null) =>
    stages
      .filter((stage) => stage.id !== exceptStageId && stage.competencyIds.includes(competencyId))
      .map((stage) => stage.name);
  const elsewhere = (exceptStageId: string | null) =>
    Object.fromEntries(
      competencies.map((competency) => [competency.id, coveredBy(competency.id, exceptStageId)]),
    );
  const open = opening.state === "open";
  // A stage's form is on the stage asked for (?stage=), or the one whose save was refused; the others show what they cover.
  const [search] = useSearchParams();
  const editing = (stageId: string) => {
    const result = resultOf(actionData, "save-stage", stageId);
    return result
      ? Boolean(result.error && Object.keys(result.error).length)
      : search.get("stage") === stageId;
  };
  return (
    <>
      <BackLink to="/hiring">{t("opening.back")}</BackLink>
      <PageHeader
        title={opening.title}
        description={t(open ? "opening.description" : "opening.descriptionClosed", {
          level: level
            ? t("opening.levelOfTrack", { level: level.title, track: level.track })
            : opening.levelId,
          ladder: ladderName,
          day: day(opening.createdAt),
        })}
        actions={
          <Form method="post">
            <input type="hidden" name="intent" value={open ? "close" : "reopen"} />
            <Button type="submit" variant="secondary" disabled={busy}>
              {open ? t("opening.close") : t("opening.reopen")}
            </Button>
          </Form>
        }
      />
      {message ? <Alert tone="success">{message}</Alert> : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card>
            <h2 className="mb-1 text-lg font-semibold">{t("opening.plan.heading")}</h2>
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-300">
              {t("opening.plan.intro")}
            </p>
            {stages.length === 0 ? <p className="mb-4 text-sm">{t("opening.plan.none")}</p> : null}
            <ol className="space-y-6">
              {stages.map((stage, index) => (
                <li
                  key={stage.id}
                  id={`plan-${stage.id}`}
                  className="rounded-md border border-slate-200 p-4 dark:border-slate-700"
                >
                  <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                    <h3 className="font-semibold">
                      {t("opening.plan.stage", { number: index + 1, stage: stage.name })}
                    </h3>
                    <div className="flex flex-wrap gap-2">
                      <Link
                        to={`/hiring/openings/${opening.id}/stages/${stage.id}/kit`}
                        className={linkClass}
                      >
                        {t("opening.plan.kit")}
                      </Link>
                      {(["up", "down"] as const).map((direction) =>
                        (direction === "up" ? index > 0 : index < stages.length - 1) ? (
                          <Form method="post" key={direction}>
                            <input type="hidden" name="intent" value="move-stage" />
                            <input type="hidden" name="stageId" value={stage.id} />
                            <input type="hidden" name="direction" value={direction} />
                            <Button type="submit" variant="ghost" disabled={busy}>
                              <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
                              <span className="sr-only">
                                {t(
                                  direction === "up"
                                    ? "opening.plan.moveUp"
                                    : "opening.plan.moveDown",
                                  { stage: stage.name },
                                )}
                              </span>
                            </Button>
                          </Form>
                        ) : null,
                      )}
                      {!stage.hasInterviews ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="remove-stage" />
                          <input type="hidden" name="stageId" value={stage.id} />
                          <Button
                            type="submit"
                            variant="ghost"
                            disabled={busy}
                            aria-label={t("opening.plan.removeLabel", { stage: stage.name })}
                          >
                            {t("opening.plan.remove")}
                          </Button>
                        </Form>
                      ) : null}
                    </div>
                  </div>
                  {editing(stage.id) ? (
                    <StageForm
                      stage={stage}
                      competencies={competencies}
                      coveredElsewhere={elsewhere(stage.id)}
                      lastResult={resultOf(actionData, "save-stage", stage.id)}
                      locked={stage.hasInterviews}
                      busy={busy}
                    />
                  ) : (
                    <>
                      <p className="text-sm">
                        {stage.competencyIds.length
                          ? stage.competencyIds
                              .map((id) => competencyName[id] ?? id)
                              .join(t("opening.plan.separator"))
                          : t("opening.plan.noCompetencies")}
                      </p>
                      <Link
                        to={`?stage=${stage.id}#plan-${stage.id}`}
                        preventScrollReset
                        className={`${linkClass} mt-2 inline-block text-sm`}
                      >
                        <span aria-hidden="true">{t("opening.plan.edit")}</span>
                        <span className="sr-only">
                          {t("opening.plan.editLabel", { stage: stage.name })}
                        </span>
                      </Link>
                    </>
                  )}
                </li>
              ))}
            </ol>
            {open ? (
              <div className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-700">
                <StageForm
                  stage={null}
                  competencies={competencies}
                  coveredElsewhere={elsewhere(null)}
                  lastResult={resultOf(actionData, "save-stage", null)}
                  locked={false}
                  busy={busy}
                />
              </div>
            ) : null}
          </Card>
          <Candidates
            openingId={opening.id}
            loops={loops}
            loopPages={loopPages}
            open={open}
            lastResult={resultOf(actionData, "add-candidate")}
            busy={busy}
          />
        </div>
        <div className="space-y-6">
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t("opening.coverage.heading")}</h2>
            {coverage ? (
              <>
                {coverage.uncovered.length ? (
                  <Alert tone="warning" title={t("opening.coverage.uncovered")}>
                    {f.list(coverage.uncovered.map((id) => competencyName[id] ?? id))}
                  </Alert>
                ) : (
                  <p className="mb-3 text-sm">{t("opening.coverage.allCovered")}</p>
                )}
                {coverage.emptyStages.length ? (
                  <Alert tone="warning">
                    {t("opening.coverage.emptyStages", {
                      stages: f.list(
                        coverage.emptyStages.map(
                          (id) => stages.find((stage) => stage.id === id)?.name ?? id,
                        ),
                      ),
                    })}
                  </Alert>
                ) : null}
                <ul className="space-y-1 text-sm">
                  {coverage.competencies.map((item) => (
                    <li key={item.competencyId} className="flex justify-between gap-2">
                      <span>{competencyName[item.competencyId] ?? item.competencyId}</span>
                      <span
                        className={
                          item.stageIds.length
                            ? "text-slate-600 dark:text-slate-300"
                            : "font-semibold text-amber-800 dark:text-amber-300"
                        }
                      >
                        {item.stageIds.length
                          ? item.stageIds
                              .map((id) => stages.find((stage) => stage.id === id)?.name ?? id)
                              .join(t("opening.plan.separator"))
                          : t("opening.coverage.notCovered")}
                      </span>
                    </li>
                  ))}
                </ul>
                <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
                  {t("opening.coverage.staffedChecks")}
                </p>
              </>
            ) : (
              <p className="text-sm">{t("opening.coverage.levelGone")}</p>
            )}
          </Card>
          <Admins
            admins={admins}
            lastResult={resultOf(actionData, "add-admin")}
            roleToGrant={roleToGrantOf(actionData)}
            busy={busy}
          />
        </div>
      </div>
    </>
  );
}

function Admins({
  admins,
  lastResult,
  roleToGrant,
  busy,
}: {
  admins: { id: string; name: string; email: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
  roleToGrant: RoleToGrant | null;
  busy: boolean;
}) {
  const { t } = useTranslation("hiring");
  const [form, fields] = useForm({
    id: "add-admin",
    lastResult,
    constraint: getZodConstraint(AddAdminSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddAdminSchema }),
  });
  return (
    <Card>
      <h2 className="mb-2 text-lg font-semibold">{t("opening.admins.heading")}</h2>
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">{t("opening.admins.intro")}</p>
      <ul className="mb-4 space-y-1 text-sm">
        {admins.map((admin) => (
          <li key={admin.id}>
            {admin.name} <span className="text-slate-500 dark:text-slate-400">{admin.email}</span>
          </li>
        ))}
      </ul>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-admin" />
        <Field
          label={t("opening.admins.add")}
          hint={t("opening.admins.addHint")}
          autoComplete="off"
          errors={fields.email.errors}
          {...getInputProps(fields.email, { type: "email" })}
        />
        {fields.email.errors ? <HiringAdminRoleHelp roleToGrant={roleToGrant} /> : null}
        <Button type="submit" variant="secondary" disabled={busy}>
          {t("opening.admins.submit")}
        </Button>
      </Form>
    </Card>
  );
}

function Candidates({
  openingId,
  loops,
  loopPages,
  open,
  lastResult,
  busy,
}: {
  openingId: string;
  loops: {
    id: string;
    /** Null once the candidate's data was purged. */
    candidate: string | null;
    interviews: number;
    submitted: number | null;
    decision: string | null;
    createdAt: string;
  }[];
  loopPages: { total: number; page: number; pageCount: number };
  open: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation("hiring");
  const day = useDay();
  const [form, fields] = useForm({
    id: "add-candidate",
    lastResult,
    constraint: getZodConstraint(CandidateSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CandidateSchema }),
  });
  return (
    <section aria-labelledby="candidates" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="candidates" className="text-lg font-semibold">
          {t("opening.candidates.heading")}
        </h2>
        <Link to={`/hiring/openings/${openingId}/pipeline`} className={linkClass}>
          {t("opening.candidates.pipeline")}
        </Link>
      </div>
      {loops.length ? (
        <>
          <DataTable
            caption={
              loopPages.pageCount > 1
                ? t("opening.candidates.captionPaged", {
                    total: loopPages.total,
                    page: loopPages.page,
                    pageCount: loopPages.pageCount,
                  })
                : t("opening.candidates.caption")
            }
            headings={[
              t("opening.candidates.candidate"),
              t("opening.candidates.added"),
              t("opening.candidates.scorecards"),
              t("opening.candidates.decision"),
            ]}
          >
            {loops.map((loop) => (
              <tr key={loop.id}>
                <td className={tdClass}>
                  <a href={`/hiring/loops/${loop.id}`} className={linkClass}>
                    {loop.candidate ?? t("candidate.purged")}
                  </a>
                </td>
                <td className={tdClass}>{day(loop.createdAt)}</td>
                <td className={tdClass}>
                  {loop.submitted === null
                    ? t("opening.candidates.hidden")
                    : t("opening.candidates.submitted", {
                        submitted: loop.submitted,
                        interviews: loop.interviews,
                      })}
                </td>
                <td className={tdClass}>
                  {loop.decision
                    ? loop.decision in DECISION_KEYS
                      ? t(DECISION_KEYS[loop.decision as Decision])
                      : loop.decision
                    : "–"}
                </td>
              </tr>
            ))}
          </DataTable>
          <Pagination
            page={loopPages.page}
            pageCount={loopPages.pageCount}
            label={t("opening.candidates.pages")}
          />
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("opening.candidates.none")}</p>
      )}
      {open ? (
        <Card>
          <h3 className="mb-3 font-semibold">{t("opening.candidates.addHeading")}</h3>
          <Form method="post" className="space-y-4" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="add-candidate" />
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                label={t("opening.candidates.name")}
                autoComplete="off"
                errors={fields.name.errors}
                {...getInputProps(fields.name, { type: "text" })}
              />
              <Field
                label={t("opening.candidates.email")}
                autoComplete="off"
                errors={fields.email.errors}
                {...getInputProps(fields.email, { type: "email" })}
              />
            </div>
            <Field
              label={t("opening.candidates.source")}
              hint={t("opening.candidates.sourceHint")}
              autoComplete="off"
              errors={fields.source.errors}
              {...getInputProps(fields.source, { type: "text" })}
            />
            <TextareaField
              label={t("opening.candidates.notes")}
              hint={t("opening.candidates.notesHint")}
              rows={3}
              errors={fields.notes.errors}
              {...getTextareaProps(fields.notes)}
            />
            <ErrorList id={form.errorId} errors={form.errors} />
            <Button type="submit" disabled={busy}>
              {t("opening.candidates.submit")}
            </Button>
          </Form>
        </Card>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
