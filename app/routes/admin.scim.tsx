import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/admin.scim";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { IssuedToken, NewTokenForm, TokenTable } from "~/components/tokens";
import { SubmitButton } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Field } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { RadioGroupField } from "~/components/ui/radio-group-field";
import { requireRole } from "~/modules/identity/permissions.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { GroupsAsTeamsSchema, type GroupsAsTeams } from "~/modules/identity/scim/group-teams";
import {
  getGroupsAsTeams,
  listPushedGroups,
  setGroupsAsTeams,
  type PushedGroup,
} from "~/modules/identity/scim/groups.server";
import { scimBaseUrl } from "~/modules/identity/scim/scim.server";
import { CreateTokenSchema } from "~/modules/identity/scim/token-form";
import {
  createScimToken,
  createdScimTokenFor,
  listScimTokens,
  revokeScimToken,
} from "~/modules/identity/scim/tokens.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";
import { carryOnce, shownOnPage } from "~/utils/shown-once.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("admin:scim.title") },
];

// Sent as HTML (decision 154): its forms post and redirect, a token created carried to it once.
export const handle = plainHtml;

const PATH = "/admin/scim";

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireRole(request, "admin");
  const [tokens, groupsAsTeams, groups, { shown: created, headers }] = await Promise.all([
    listScimTokens(),
    getGroupsAsTeams(),
    listPushedGroups(),
    shownOnPage(request, PATH, (token) => createdScimTokenFor(viewer.id, token)),
  ]);
  return data(
    { tokens, baseUrl: scimBaseUrl(request.url), groupsAsTeams, groups, created },
    { headers },
  );
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const formData = await formOf(request);
  const intent = formData.get("intent");
  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: CreateTokenSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply() }, { status: 400 });
    const created = await createScimToken(viewer.id, submission.value.name);
    // Shown once, on the page the answer redirects to: Rungs keeps its hash.
    return redirect(PATH, {
      headers: { "Set-Cookie": await carryOnce(PATH, { token: created.token }) },
    });
  }
  if (intent === "groups") {
    const submission = parseWithZod(formData, { schema: GroupsAsTeamsSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply() }, { status: 400 });
    await setGroupsAsTeams(viewer.id, submission.value);
    return redirect(`${PATH}?done=groupsSaved`);
  }
  if (intent === "revoke") {
    const tokenId = formData.get("tokenId");
    if (typeof tokenId !== "string" || !tokenId)
      throw new NotFoundError({ key: "admin:scim.errors.noSuchToken" });
    await revokeScimToken(viewer.id, tokenId);
    return redirect(`${PATH}?done=revoked`);
  }
  throw new InvalidError({ key: "admin:scim.errors.unknownAction" });
});

export default function ScimTokens({ loaderData, actionData }: Route.ComponentProps) {
  const { tokens, baseUrl, groupsAsTeams, groups, created } = loaderData;
  const { t } = useTranslation("admin");
  const message = useDoneMessage(
    { groupsSaved: t("scim.groupsSaved"), revoked: t("scim.revoked") },
    actionData,
  );

  return (
    <>
      <PageHeader title={t("scim.heading")} description={t("scim.description")} />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {created ? (
        <IssuedToken
          title={t("scim.created", { name: created.name })}
          copyNow={t("scim.copyNow")}
          label={t("scim.newTokenLabel")}
          token={created.token}
        />
      ) : null}

      <Card className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">{t("scim.connecting")}</h2>
        <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
          <dt className="font-medium">{t("scim.baseUrl")}</dt>
          <dd>
            <code className="break-all">{baseUrl}</code>
          </dd>
          <dt className="font-medium">{t("scim.authentication")}</dt>
          <dd>{t("scim.authenticationHow")}</dd>
        </dl>
      </Card>

      <NewTokenForm
        id="create-scim-token"
        intent="create"
        schema={CreateTokenSchema}
        lastResult={actionData?.intent === "create" ? actionData.result : undefined}
        words={{
          heading: t("scim.newToken"),
          name: t("scim.name"),
          nameHint: t("scim.nameHint"),
          issue: t("scim.create"),
          issuing: t("scim.creating"),
        }}
      />

      <TokenTable
        tokens={tokens.map((token) => ({ ...token, issuedBy: token.createdBy }))}
        words={{
          caption: t("scim.tokens"),
          name: t("scim.name"),
          createdAt: t("scim.createdAt"),
          lastUsed: t("scim.lastUsed"),
          status: t("scim.status"),
          never: t("scim.never"),
          active: t("scim.active"),
          revoke: t("scim.revoke"),
          noTokens: t("scim.noTokens"),
          revokedAt: (when) => t("scim.revokedAt", { when }),
          revokeLabel: (name) => t("scim.revokeLabel", { name }),
          issuedBy: (name) => t("scim.createdBy", { name }),
        }}
      />

      <GroupsAsTeams
        groupsAsTeams={groupsAsTeams}
        groups={groups}
        lastResult={actionData?.intent === "groups" ? actionData.result : undefined}
      />
    </>
  );
}

const GROUP_CHOICES = [
  ["none", "scim.groups.none"],
  ["prefix", "scim.groups.prefix"],
  ["all", "scim.groups.all"],
] as const;

/**
 * Which pushed groups are teams. A person is in one team, so a group that is a team moves its
 * members into it: a group such as "All engineers" or "Guild Frontend" would take everyone out
 * of their teams.
 */
function GroupsAsTeams({
  groupsAsTeams,
  groups,
  lastResult,
}: {
  groupsAsTeams: GroupsAsTeams;
  groups: PushedGroup[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("admin");
  const f = useFormats();
  const [form, fields] = useForm({
    id: "groups-as-teams",
    lastResult,
    defaultValue: {
      groupsAsTeams: groupsAsTeams.kind,
      teamPrefix: groupsAsTeams.kind === "prefix" ? groupsAsTeams.prefix : "",
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GroupsAsTeamsSchema }),
  });
  return (
    <Card className="mt-6">
      <h2 className="mb-2 text-lg font-semibold">{t("scim.groups.heading")}</h2>
      <p className="mb-4 max-w-3xl text-sm text-slate-600 dark:text-slate-300">
        {t("scim.groups.intro")}
      </p>
      <Form method="post" className="max-w-xl space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="groups" />
        <RadioGroupField
          legend={t("scim.groups.legend")}
          field={fields.groupsAsTeams}
          options={GROUP_CHOICES.map(([value, key]) => [value, t(key)] as const)}
        />
        <Field
          label={t("scim.groups.prefixLabel")}
          hint={t("scim.groups.prefixHint")}
          errors={fields.teamPrefix.errors}
          {...getInputProps(fields.teamPrefix, { type: "text" })}
        />
        <SubmitButton busyLabel={t("scim.groups.saving")}>{t("scim.groups.save")}</SubmitButton>
      </Form>
      {groups.length ? (
        <div className="mt-6">
          <DataTable
            caption={t("scim.groups.pushed")}
            headings={[t("scim.groups.group"), t("scim.groups.members"), t("scim.groups.team")]}
          >
            {groups.map((group) => (
              <tr key={group.id}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {group.displayName}
                </th>
                <td className={tdClass}>{f.number(group.members)}</td>
                <td className={tdClass}>
                  {group.team ?? (
                    <span className="text-slate-500 dark:text-slate-400">
                      {t("scim.groups.notATeam")}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      ) : (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">
          {t("scim.groups.noneYet")}
        </p>
      )}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
