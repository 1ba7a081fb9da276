import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect, useLocation, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/admin.teams";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { requireRole } from "~/modules/identity/permissions.server";
import { TeamNameSchema } from "~/modules/people/person-form";
import { createTeam, deleteTeam, listTeams, renameTeam } from "~/modules/people/service.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { usePendingForm } from "~/components/ui/use-submitting";
import { useDone } from "~/components/ui/use-done-message";
import { plainHtml } from "~/utils/page-scripts";

/**
 * Sent as HTML (decision 157): creating, renaming and deleting redirect with what they did in
 * `?done=`; a refused name comes back with what was typed (conform's reply).
 */
export const handle = plainHtml;

const CreateTeamSchema = z.object({ name: TeamNameSchema });
const RenameTeamSchema = z.object({ teamId: z.string(), name: TeamNameSchema });

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("admin:teams.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  return { teams: await listTeams() };
});

export const action = withDomainErrors(async ({ request, context }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const formData = await formOf(request);
  const intent = formData.get("intent");
  const t = translatorOf(context);
  // The team is named on the page from the list, not from the address.
  const done = (what: TeamsDone, teamId?: string) =>
    redirect(
      `/admin/teams?${new URLSearchParams({ done: what, ...(teamId ? { team: teamId } : {}) })}`,
    );

  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: CreateTeamSchema });
    if (submission.status !== "success")
      return data({ intent, teamId: null, result: submission.reply() }, { status: 400 });
    const result = await createTeam(viewer.id, submission.value.name);
    if (!result.ok)
      return data(
        {
          intent,
          teamId: null,
          result: submission.reply({ fieldErrors: { name: [wordsOf(t, result.message)] } }),
        },
        { status: 400 },
      );
    return done("created", result.teamId);
  }
  if (intent === "rename") {
    const submission = parseWithZod(formData, { schema: RenameTeamSchema });
    const teamId = String(formData.get("teamId") ?? "");
    if (submission.status !== "success")
      return data({ intent, teamId, result: submission.reply() }, { status: 400 });
    const result = await renameTeam(viewer.id, submission.value.teamId, submission.value.name);
    if (!result.ok)
      return data(
        {
          intent,
          teamId,
          result: submission.reply({ fieldErrors: { name: [wordsOf(t, result.message)] } }),
        },
        { status: 400 },
      );
    return done("renamed", teamId);
  }
  if (intent === "delete") {
    const teamId = formData.get("teamId");
    if (typeof teamId !== "string" || !teamId)
      throw new NotFoundError({ key: "people:errors.noSuchTeam" });
    const result = await deleteTeam(viewer.id, teamId);
    if (!result.ok)
      return data({ intent, teamId, error: wordsOf(t, result.message) }, { status: 400 });
    return done("deleted");
  }
  throw new InvalidError({ key: "admin:teams.errors.unknownAction" });
});

type ActionData = Route.ComponentProps["actionData"];

const TEAMS_DONE = ["created", "renamed", "deleted"] as const;
type TeamsDone = (typeof TEAMS_DONE)[number];

export default function Teams({ loaderData, actionData }: Route.ComponentProps) {
  const { teams } = loaderData;
  const pendingForm = usePendingForm();
  const createResult =
    actionData?.intent === "create" && "result" in actionData ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: "create-team",
    lastResult: createResult,
    constraint: getZodConstraint(CreateTeamSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateTeamSchema }),
  });
  const creating = pendingForm?.get("intent") === "create";
  const deleteError = actionData && "error" in actionData ? actionData : null;
  const { t } = useTranslation("admin");
  const [searchParams] = useSearchParams();
  const doneWhat = useDone(TEAMS_DONE, actionData);
  const doneTeam = teams.find((team) => team.id === searchParams.get("team"))?.name;
  const message =
    doneWhat === "deleted"
      ? t("teams.deleted")
      : doneWhat && doneTeam
        ? t(`teams.${doneWhat}`, { name: doneTeam })
        : null;
  // Opened in place, the page a creation redirects to would keep the name typed: a new form.
  const { key } = useLocation();

  return (
    <>
      <PageHeader title={t("teams.heading")} description={t("teams.description")} />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {deleteError ? <Alert tone="error">{deleteError.error}</Alert> : null}

      <Card className="mb-6 max-w-xl">
        <h2 className="mb-3 text-lg font-semibold">{t("teams.new")}</h2>
        <Form
          method="post"
          className="flex flex-wrap items-start gap-2"
          {...getFormProps(form)}
          key={doneWhat === "created" ? key : "create"}
        >
          <input type="hidden" name="intent" value="create" />
          <Field
            label={t("teams.name")}
            className="min-w-56 flex-1"
            errors={fields.name.errors}
            {...getInputProps(fields.name, { type: "text" })}
          />
          <Button type="submit" className="mt-6" disabled={creating}>
            {creating ? t("teams.creating") : t("teams.create")}
          </Button>
        </Form>
      </Card>

      {teams.length ? (
        <DataTable
          caption={t("teams.caption")}
          headings={[
            t("teams.team"),
            { key: "members", label: t("teams.members"), className: "text-end" },
            t("teams.rename"),
            { key: "delete", label: <span className="sr-only">{t("teams.delete")}</span> },
          ]}
        >
          {teams.map((team) => (
            <TeamRow key={team.id} team={team} actionData={actionData} />
          ))}
        </DataTable>
      ) : (
        <Card>
          <p>{t("teams.empty")}</p>
        </Card>
      )}
    </>
  );
}

function TeamRow({
  team,
  actionData,
}: {
  team: { id: string; name: string; members: number; activeMembers: number };
  actionData: ActionData;
}) {
  const pendingForm = usePendingForm();
  const { t } = useTranslation("admin");
  const f = useFormats();
  const mine =
    actionData?.intent === "rename" && actionData.teamId === team.id && "result" in actionData;
  const [form, fields] = useForm({
    id: `rename-team-${team.id}`,
    lastResult: mine ? (actionData.result as SubmissionResult<string[]>) : undefined,
    constraint: getZodConstraint(RenameTeamSchema),
    defaultValue: { teamId: team.id, name: team.name },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RenameTeamSchema }),
  });
  const pending = pendingForm?.get("teamId") === team.id ? pendingForm.get("intent") : null;
  const inactive = team.members - team.activeMembers;
  return (
    <tr>
      <th scope="row" className={`${tdClass} font-medium`}>
        <Link
          to={`/admin/people?team=${team.id}`}
          className="text-brand-600 hover:underline dark:text-brand-100"
        >
          {team.name}
        </Link>
      </th>
      <td className={`${tdClass} text-end tabular-nums`}>
        {f.number(team.activeMembers)}
        {inactive ? (
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            {t("teams.deactivatedMembers", { count: inactive })}
          </span>
        ) : null}
      </td>
      <td className={tdClass}>
        <Form method="post" className="flex items-start gap-2" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="rename" />
          <input type="hidden" name="teamId" value={team.id} />
          <Field
            label={<span className="sr-only">{t("teams.newName", { name: team.name })}</span>}
            className="min-w-40 flex-1 [&>label]:mb-0"
            errors={fields.name.errors}
            {...getInputProps(fields.name, { type: "text" })}
          />
          <Button type="submit" variant="secondary" disabled={pending === "rename"}>
            {t("teams.rename")}
          </Button>
        </Form>
      </td>
      <td className={tdClass}>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="teamId" value={team.id} />
          <Button
            type="submit"
            variant="ghost"
            aria-label={t("teams.deleteLabel", { name: team.name })}
            disabled={pending === "delete"}
            title={team.members ? t("teams.onlyEmpty") : undefined}
          >
            {t("teams.delete")}
          </Button>
        </Form>
      </td>
    </tr>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
