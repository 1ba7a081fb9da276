import { data } from "react-router";
import type { Route } from "./+types/admin.api";
import { ApiConnectionCard } from "~/components/api-connection";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useApiTokenWords } from "~/components/api-tokens";
import { IssuedToken, NewTokenForm, TokenTable } from "~/components/tokens";
import { Alert, PageHeader } from "~/components/ui/page";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { apiConnection } from "~/modules/api/api.server";
import { API_SCOPES } from "~/modules/api/scopes";
import { IssueTokenSchema } from "~/modules/api/token-form";
import { issuedTokenFor, listApiTokens, overseenPersonTokens } from "~/modules/api/tokens.server";
import { requireRole } from "~/modules/identity/permissions.server";
import { apiTokenAction } from "~/utils/api-tokens.server";
import { shownOnPage } from "~/utils/shown-once.server";
import { plainHtml } from "~/utils/page-scripts";
import { withDomainErrors, formOf } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("api:admin.title") },
];

// Sent as HTML (decision 154): its forms post and redirect, a token issued carried to it once.
export const handle = plainHtml;

const PATH = "/admin/api";

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireRole(request, "admin");
  const [tokens, personTokens, { shown: issued, headers }] = await Promise.all([
    listApiTokens({ reach: "organisation" }),
    overseenPersonTokens(viewer),
    shownOnPage(request, PATH, (token) => issuedTokenFor(viewer.id, token)),
  ]);
  return data({ tokens, personTokens, issued, ...apiConnection(request.url) }, { headers });
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  return apiTokenAction(viewer, await formOf(request), "organisation", PATH);
});

export default function ApiTokens({ loaderData, actionData }: Route.ComponentProps) {
  const { tokens, personTokens, baseUrl, documentUrl, perMinute, issued } = loaderData;
  const { t } = useTranslation("api");
  const words = useApiTokenWords();
  const message = useDoneMessage({ revoked: t("admin.revoked") }, actionData);

  return (
    <>
      <PageHeader title={t("admin.heading")} description={t("admin.description")} />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {issued ? (
        <IssuedToken
          title={t("admin.issued", { name: issued.name })}
          copyNow={t("admin.copyNow")}
          label={t("admin.newTokenLabel")}
          token={issued.token}
        />
      ) : null}

      <ApiConnectionCard baseUrl={baseUrl} documentUrl={documentUrl} perMinute={perMinute}>
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">{t("admin.ownTokens")}</p>
      </ApiConnectionCard>

      <NewTokenForm
        id="issue-api-token"
        intent="issue"
        schema={IssueTokenSchema}
        lastResult={actionData?.intent === "issue" ? actionData.result : undefined}
        scopes={words.scopeChoices(API_SCOPES, "organisation")}
        words={{
          heading: t("admin.newToken"),
          name: t("admin.name"),
          nameHint: t("admin.nameHint"),
          scopes: t("admin.scopes"),
          scopesHint: t("admin.scopesHint"),
          issue: t("admin.issue"),
          issuing: t("admin.issuing"),
        }}
      />

      <TokenTable
        tokens={tokens.map((token) => ({ ...token, scopes: words.scopeNames(token.scopes) }))}
        words={words.table}
      />

      <h2 className="mt-8 mb-1 text-lg font-semibold">{t("admin.personTokens")}</h2>
      <p className="mb-3 max-w-2xl text-sm text-slate-600 dark:text-slate-300">
        {t("admin.personTokensHow")}
      </p>
      <TokenTable
        tokens={personTokens.map((token) => ({ ...token, scopes: words.scopeNames(token.scopes) }))}
        words={{
          ...words.table,
          caption: t("admin.personTokens"),
          noTokens: t("admin.noPersonTokens"),
          issuedBy: (name) => t("admin.ownedBy", { name }),
        }}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
