import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import type { Route } from "./+types/admin.api";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useApiTokenWords } from "~/components/api-tokens";
import { IssuedToken, NewTokenForm, TokenTable } from "~/components/tokens";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { translatorOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { apiConnection } from "~/modules/api/api.server";
import { API_SCOPES } from "~/modules/api/scopes";
import { IssueTokenSchema } from "~/modules/api/token-form";
import { issueApiToken, listApiTokens, overseenPersonTokens, revokeApiToken } from "~/modules/api/tokens.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { requireRole } from "~/modules/identity/permissions.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: metaT(matches)("api:admin.title") }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireRole(request, "admin");
  const [tokens, personTokens] = await Promise.all([listApiTokens({ reach: "organisation" }), overseenPersonTokens(viewer)]);
  return { tokens, personTokens, ...apiConnection(request.url) };
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
    await revokeApiToken(viewer, tokenId);
    return { intent, result: undefined, issued: null, message: t("api:admin.revoked") };
  }
  throw new InvalidError({ key: "api:errors.unknownAction" });
});

export default function ApiTokens({ loaderData, actionData }: Route.ComponentProps) {
  const { tokens, personTokens, baseUrl, documentUrl, perMinute } = loaderData;
  const { t } = useTranslation("api");
  const words = useApiTokenWords();
  const issued = actionData?.issued ?? null;
  const message = actionData?.message ?? null;

  return (
    <>
      <PageHeader title={t("admin.heading")} description={t("admin.description")} />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {issued ? <IssuedToken title={t("admin.issued", { name: issued.name })} copyNow={t("admin.copyNow")} label={t("admin.newTokenLabel")} token={issued.token} /> : null}

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
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">{t("admin.ownTokens")}</p>
      </Card>

      <NewTokenForm
        id="issue-api-token"
        intent="issue"
        schema={IssueTokenSchema}
        lastResult={actionData?.intent === "issue" ? actionData.result : undefined}
        scopes={words.scopeChoices(API_SCOPES, "organisation")}
        words={{ heading: t("admin.newToken"), name: t("admin.name"), nameHint: t("admin.nameHint"), scopes: t("admin.scopes"), scopesHint: t("admin.scopesHint"), issue: t("admin.issue"), issuing: t("admin.issuing") }}
      />

      <TokenTable tokens={tokens.map((token) => ({ ...token, scopes: words.scopeNames(token.scopes) }))} words={words.table} />

      <h2 className="mt-8 mb-1 text-lg font-semibold">{t("admin.personTokens")}</h2>
      <p className="mb-3 max-w-2xl text-sm text-slate-600 dark:text-slate-300">{t("admin.personTokensHow")}</p>
      <TokenTable
        tokens={personTokens.map((token) => ({ ...token, scopes: words.scopeNames(token.scopes) }))}
        words={{ ...words.table, caption: t("admin.personTokens"), noTokens: t("admin.noPersonTokens"), issuedBy: (name) => t("admin.ownedBy", { name }) }}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
