import { parseWithZod } from "@conform-to/zod/v4";
import { Link, data } from "react-router";
import type { Route } from "./+types/settings.api";
import { useApiTokenWords } from "~/components/api-tokens";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { IssuedToken, NewTokenForm, TokenTable } from "~/components/tokens";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { translatorOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { apiConnection } from "~/modules/api/api.server";
import { PERSON_TOKEN_SCOPES } from "~/modules/api/policy";
import { IssuePersonTokenSchema } from "~/modules/api/token-form";
import { issueApiToken, listApiTokens, revokeApiToken } from "~/modules/api/tokens.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: metaT(matches)("api:account.title") }];

/** A person's own API tokens: reads only, each call reading what their own pages show them (decision 088). */
export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return { tokens: await listApiTokens({ reach: "person", personId: viewer.id }), ...apiConnection(request.url) };
});

export const action = withDomainErrors(async ({ request, context }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const t = translatorOf(context);
  if (intent === "issue") {
    const submission = parseWithZod(formData, { schema: IssuePersonTokenSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), issued: null, message: null }, { status: 400 });
    const issued = await issueApiToken(viewer.id, submission.value.name, submission.value.scopes, "person");
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

export default function MyApiTokens({ loaderData, actionData }: Route.ComponentProps) {
  const { tokens, baseUrl, documentUrl, perMinute } = loaderData;
  const { t } = useTranslation("api");
  const words = useApiTokenWords();
  const issued = actionData?.issued ?? null;
  const message = actionData?.message ?? null;

  return (
    <>
      <PageHeader title={t("account.heading")} description={t("account.description")} />
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
          <dt className="font-medium">{t("account.reads")}</dt>
          <dd>{t("account.readsHow")}</dd>
        </dl>
      </Card>

      <NewTokenForm
        id="issue-own-api-token"
        intent="issue"
        schema={IssuePersonTokenSchema}
        lastResult={actionData?.intent === "issue" ? actionData.result : undefined}
        scopes={words.scopeChoices(PERSON_TOKEN_SCOPES, "person")}
        words={{ heading: t("admin.newToken"), name: t("admin.name"), nameHint: t("account.nameHint"), scopes: t("admin.scopes"), scopesHint: t("account.scopesHint"), issue: t("admin.issue"), issuing: t("admin.issuing") }}
      />

      <TokenTable
        tokens={tokens.map(({ issuedBy: _own, ...token }) => ({ ...token, scopes: words.scopeNames(token.scopes) }))}
        words={{ ...words.table, caption: t("account.tokens"), noTokens: t("account.noTokens") }}
      />
      <p className="mt-6 max-w-2xl text-sm">
        <Link to="/settings/email" className="text-brand-600 hover:underline dark:text-brand-100">
          {t("account.back")}
        </Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
