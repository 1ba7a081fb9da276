import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, useNavigation } from "react-router";
import type { Route } from "./+types/admin.scim";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, SubmitButton } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Field } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { RadioGroupField } from "~/components/ui/radio-group-field";
import { requireRole } from "~/modules/identity/permissions.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { GroupsAsTeamsSchema, type GroupsAsTeams } from "~/modules/identity/scim/group-teams";
import { getGroupsAsTeams, listPushedGroups, setGroupsAsTeams, type PushedGroup } from "~/modules/identity/scim/groups.server";
import { scimBaseUrl } from "~/modules/identity/scim/scim.server";
import { CreateTokenSchema } from "~/modules/identity/scim/token-form";
import { createScimToken, listScimTokens, revokeScimToken } from "~/modules/identity/scim/tokens.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = () => [{ title: "SCIM provisioning · Rungs" }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const [tokens, groupsAsTeams, groups] = await Promise.all([listScimTokens(), getGroupsAsTeams(), listPushedGroups()]);
  return { tokens, baseUrl: scimBaseUrl(request.url), groupsAsTeams, groups };
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: CreateTokenSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), created: null }, { status: 400 });
    const created = await createScimToken(viewer.id, submission.value.name);
    // Shown once, in this answer only: Rungs keeps its hash.
    return { intent, result: submission.reply({ resetForm: true }), created: { name: created.name, token: created.token } };
  }
  if (intent === "groups") {
    const submission = parseWithZod(formData, { schema: GroupsAsTeamsSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), created: null }, { status: 400 });
    await setGroupsAsTeams(viewer.id, submission.value);
    return { intent, result: submission.reply(), created: null, message: "Saved: pushed groups follow the new choice from now on, and the groups already pushed follow it too." };
  }
  if (intent === "revoke") {
    const tokenId = formData.get("tokenId");
    if (typeof tokenId !== "string" || !tokenId) throw new NotFoundError("There is no SCIM token with that id.");
    await revokeScimToken(viewer.id, tokenId);
    return { intent, result: undefined, created: null, message: "Token revoked: requests with it are refused from now on." };
  }
  throw new InvalidError("Unknown action.");
});

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (value: string | null) => (value ? dateTime.format(new Date(value)) : "Never");

export default function ScimTokens({ loaderData, actionData }: Route.ComponentProps) {
  const { tokens, baseUrl, groupsAsTeams, groups } = loaderData;
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "create-scim-token",
    lastResult: actionData?.intent === "create" ? actionData.result : undefined,
    constraint: getZodConstraint(CreateTokenSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateTokenSchema }),
  });
  const creating = navigation.state === "submitting" && navigation.formData?.get("intent") === "create";
  const created = actionData?.created ?? null;
  const message = actionData && "message" in actionData ? actionData.message : null;

  return (
    <>
      <PageHeader
        title="SCIM provisioning"
        description="Your identity provider (Okta, Microsoft Entra ID) creates, moves and deactivates people in Rungs over SCIM 2.0. Give it the base URL and a token from this page."
      />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {created ? (
        <Alert tone="success" title={`Token “${created.name}” created`}>
          <p>Copy it now: Rungs keeps only a hash of it and cannot show it again.</p>
          <code className="mt-2 block break-all rounded bg-white p-2 font-mono text-sm text-slate-900 dark:bg-slate-950 dark:text-slate-100" aria-label="New SCIM token">
            {created.token}
          </code>
        </Alert>
      ) : null}

      <Card className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">Connecting an identity provider</h2>
        <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
          <dt className="font-medium">SCIM base URL</dt>
          <dd>
            <code className="break-all">{baseUrl}</code>
          </dd>
          <dt className="font-medium">Authentication</dt>
          <dd>HTTP header, bearer token (one per identity provider, below)</dd>
        </dl>
      </Card>

      <Card className="mb-6 max-w-xl">
        <h2 className="mb-3 text-lg font-semibold">New token</h2>
        <Form method="post" className="flex flex-wrap items-start gap-2" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="create" />
          <Field label="Name" hint="For example Okta or Entra ID" className="min-w-56 flex-1" errors={fields.name.errors} {...getInputProps(fields.name, { type: "text" })} />
          <Button type="submit" className="mt-6" disabled={creating}>
            {creating ? "Creating…" : "Create token"}
          </Button>
        </Form>
      </Card>

      {tokens.length ? (
        <DataTable caption="SCIM tokens" headings={["Name", "Created", "Last used", "Status", { key: "revoke", label: <span className="sr-only">Revoke</span> }]}>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                {token.name}
              </th>
              <td className={tdClass}>
                {when(token.createdAt)}
                {token.createdBy ? <span className="block text-xs text-slate-500 dark:text-slate-400">by {token.createdBy}</span> : null}
              </td>
              <td className={tdClass}>{when(token.lastUsedAt)}</td>
              <td className={tdClass}>{token.revokedAt ? `Revoked ${when(token.revokedAt)}` : "Active"}</td>
              <td className={tdClass}>
                {token.revokedAt ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="tokenId" value={token.id} />
                    <Button type="submit" variant="ghost" aria-label={`Revoke ${token.name}`}>
                      Revoke
                    </Button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p>There are no SCIM tokens yet. Create one above, or from a shell with npm run scim:token -- --name NAME.</p>
        </Card>
      )}

      <GroupsAsTeams groupsAsTeams={groupsAsTeams} groups={groups} lastResult={actionData?.intent === "groups" ? actionData.result : undefined} />
    </>
  );
}

const GROUP_CHOICES = [
  ["none", "None: groups are kept for the identity provider only, and move nobody"],
  ["prefix", "Groups whose names start with a prefix, named without it"],
  ["all", "Every pushed group"],
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
  const [form, fields] = useForm({
    id: "groups-as-teams",
    lastResult,
    defaultValue: { groupsAsTeams: groupsAsTeams.kind, teamPrefix: groupsAsTeams.kind === "prefix" ? groupsAsTeams.prefix : "" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GroupsAsTeamsSchema }),
  });
  return (
    <Card className="mt-6">
      <h2 className="mb-2 text-lg font-semibold">Pushed groups and teams</h2>
      <p className="mb-4 max-w-3xl text-sm text-slate-600 dark:text-slate-300">
        Identity providers push groups (Okta&apos;s Push Groups, Entra ID&apos;s assigned groups). Rungs keeps every group with its members. A group that is a team
        moves its members into that team, out of the team they were in, since a person is in one team; each move is in the audit log. A group named like a team Rungs
        already has is that team.
      </p>
      <Form method="post" className="max-w-xl space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="groups" />
        <RadioGroupField legend="Which pushed groups are teams" field={fields.groupsAsTeams} options={GROUP_CHOICES} />
        <Field label="Prefix" hint="For example Team (the group Team Payments is the team Payments)" errors={fields.teamPrefix.errors} {...getInputProps(fields.teamPrefix, { type: "text" })} />
        <SubmitButton busyLabel="Saving…">Save</SubmitButton>
      </Form>
      {groups.length ? (
        <div className="mt-6">
          <DataTable caption="Pushed groups" headings={["Group", "Members", "Team"]}>
            {groups.map((group) => (
              <tr key={group.id}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {group.displayName}
                </th>
                <td className={tdClass}>{group.members}</td>
                <td className={tdClass}>{group.team ?? <span className="text-slate-500 dark:text-slate-400">Not a team</span>}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      ) : (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">No group has been pushed yet.</p>
      )}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
