import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, useNavigation } from "react-router";
import type { Route } from "./+types/admin.api";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { CopyField } from "~/components/ui/copy-field";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { ErrorList, Field } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { translatorOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { API_BASE } from "~/modules/api/openapi";
import { API_SCOPES, SCOPE_LABELS } from "~/modules/api/scopes";
import { IssueTokenSchema } from "~/modules/api/token-form";
import { issueApiToken, listApiTokens, revokeApiToken } from "~/modules/api/tokens.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { requireRole } from "~/modules/identity/permissions.server";
import { getEnv } from "~/utils/env.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: metaT(matches)("api:admin.title") }];

/** The API's address as a tool is given it: under PUBLIC_URL when set, else the address this page was reached at. */
const apiBaseUrl = (requestUrl: string) => new URL(`${getEnv().PUBLIC_URL ?? ""}${API_BASE}`, requestUrl).href;

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const baseUrl = apiBaseUrl(request.url);
  return { tokens: await listApiTokens(), baseUrl, documentUrl: `${baseUrl}/openapi.json`, perMinute: getEnv().API_RATE_LIMIT };
});

export const action = withDomainErrors(async ({ request, context }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const t = translatorOf(context);
  if (intent === "issue") {
    const submission = parseWithZod(formData, { schema: IssueTokenSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), issued: null, message: null }, { status: 400 });
    const issued = await issueApiToken(viewer.id, submission.value.name, submission.value.scopes);
    // Shown once, in this answer only: Rungs keeps its hash.
    return { intent, result: submission.reply({ resetForm: true }), issued: { name: issued.name, token: issued.token }, message: null };
  }
  if (intent === "revoke") {
    const tokenId = formData.get("tokenId");
    if (typeof tokenId !== "string" || !tokenId) throw new NotFoundError({ key: "api:errors.noSuchToken" });
    await revokeApiToken(viewer.id, tokenId);
    return { intent, result: undefined, issued: null, message: t("api:admin.revoked") };
  }
  throw new InvalidError({ key: "api:errors.unknownAction" });
});

export default function ApiTokens({ loaderData, actionData }: Route.ComponentProps) {
  const { tokens, baseUrl, documentUrl, perMinute } = loaderData;
  const navigation = useNavigation();
  const { t } = useTranslation("api");
  const f = useFormats();
  const when = (value: string | null) => (value ? f.dateTime(value) : t("admin.never"));
  const [form, fields] = useForm({
    id: "issue-api-token",
    lastResult: actionData?.intent === "issue" ? actionData.result : undefined,
    constraint: getZodConstraint(IssueTokenSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: IssueTokenSchema }),
  });
  const issuing = navigation.state === "submitting" && navigation.formData?.get("intent") === "issue";
  const issued = actionData?.issued ?? null;
  const message = actionData?.message ?? null;

  return (
    <>
      <PageHeader title={t("admin.heading")} description={t("admin.description")} />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {issued ? (
        <Alert tone="success" title={t("admin.issued", { name: issued.name })}>
          <p className="mb-2">{t("admin.copyNow")}</p>
          <CopyField label={t("admin.newTokenLabel")} value={issued.token} />
        </Alert>
      ) : null}

      <Card className="mb-6">
        <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
          <dt className="font-medium">{t("admin.baseUrl")}</dt>
          <dd>
            <code className="break-all">{baseUrl}</code>
          </dd>
          <dt className="font-medium">{t("admin.document")}</dt>
          <dd>
            <a className="break-all underline" href={documentUrl}>
              {documentUrl}
            </a>
          </dd>
          <dt className="font-medium">{t("admin.authentication")}</dt>
          <dd>{t("admin.authenticationHow")}</dd>
          <dt className="font-medium">{t("admin.rateLimit")}</dt>
          <dd>{t("admin.rateLimitHow", { count: perMinute })}</dd>
        </dl>
      </Card>

      <Card className="mb-6 max-w-2xl">
        <h2 className="mb-3 text-lg font-semibold">{t("admin.newToken")}</h2>
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="issue" />
          <Field label={t("admin.name")} hint={t("admin.nameHint")} errors={fields.name.errors} {...getInputProps(fields.name, { type: "text" })} />
          <fieldset aria-describedby={fields.scopes.errors ? fields.scopes.errorId : undefined}>
            <legend className="mb-1 text-sm font-medium">{t("admin.scopes")}</legend>
            <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">{t("admin.scopesHint")}</p>
            <ul className="space-y-2">
              {API_SCOPES.map((scope) => (
                <li key={scope}>
                  <label className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name={fields.scopes.name} value={scope} className="mt-0.5 size-4" />
                    <span>
                      <span className="font-medium">{t(SCOPE_LABELS[scope].name)}</span> <code className="text-xs text-slate-500 dark:text-slate-400">{scope}</code>
                      <span className="block text-slate-600 dark:text-slate-300">{t(SCOPE_LABELS[scope].hint)}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <ErrorList id={fields.scopes.errorId} errors={fields.scopes.errors} />
          </fieldset>
          <Button type="submit" disabled={issuing}>
            {issuing ? t("admin.issuing") : t("admin.issue")}
          </Button>
        </Form>
      </Card>

      {tokens.length ? (
        <DataTable
          caption={t("admin.tokens")}
          headings={[t("admin.name"), t("admin.scopes"), t("admin.createdAt"), t("admin.lastUsed"), t("admin.status"), { key: "revoke", label: <span className="sr-only">{t("admin.revoke")}</span> }]}
        >
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                {token.name}
              </th>
              <td className={tdClass}>
                <ul>
                  {token.scopes.map((scope) => (
                    <li key={scope}>{t(SCOPE_LABELS[scope].name)}</li>
                  ))}
                </ul>
              </td>
              <td className={tdClass}>
                {when(token.createdAt)}
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  {t("admin.issuedBy")} {token.issuedBy}
                </span>
              </td>
              <td className={tdClass}>{when(token.lastUsedAt)}</td>
              <td className={tdClass}>{token.revokedAt ? t("admin.revokedAt", { when: when(token.revokedAt) }) : t("admin.active")}</td>
              <td className={tdClass}>
                {token.revokedAt ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="tokenId" value={token.id} />
                    <Button type="submit" variant="ghost" aria-label={t("admin.revokeLabel", { name: token.name })}>
                      {t("admin.revoke")}
                    </Button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p>{t("admin.noTokens")}</p>
        </Card>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
