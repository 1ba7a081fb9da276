import { Link, data } from "react-router";
import type { Route } from "./+types/settings.api";
import { useApiTokenWords } from "~/components/api-tokens";
import { ApiConnectionCard } from "~/components/api-connection";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { IssuedToken, NewTokenForm, TokenTable } from "~/components/tokens";
import { Alert, PageHeader } from "~/components/ui/page";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { apiConnection } from "~/modules/api/api.server";
import { PERSON_TOKEN_SCOPES } from "~/modules/api/policy";
import { IssuePersonTokenSchema } from "~/modules/api/token-form";
import { issuedTokenFor, listApiTokens } from "~/modules/api/tokens.server";
import { requireUser } from "~/modules/identity/permissions.server";
import { apiTokenAction } from "~/utils/api-tokens.server";
import { shownOnPage } from "~/utils/shown-once.server";
import { plainHtml } from "~/utils/page-scripts";
import { withDomainErrors, formOf } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("api:account.title") },
];

// Sent as HTML (decision 154): its forms post and redirect, a token issued carried to it once.
export const handle = plainHtml;

const PATH = "/settings/api";

/** A person's own API tokens: reads only, each call reading what their own pages show them (decision 088). */
export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const { shown: issued, headers } = await shownOnPage(request, PATH, (token) =>
    issuedTokenFor(viewer.id, token),
  );
  return data(
    {
      tokens: await listApiTokens({ reach: "person", personId: viewer.id }),
      issued,
      ...apiConnection(request.url),
    },
    { headers },
  );
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  return apiTokenAction(viewer, await formOf(request), "person", PATH);
});

export default function MyApiTokens({ loaderData, actionData }: Route.ComponentProps) {
  const { tokens, baseUrl, documentUrl, perMinute } = loaderData;
  const { t } = useTranslation("api");
  const words = useApiTokenWords();
  const { issued } = loaderData;
  const message = useDoneMessage({ revoked: t("admin.revoked") }, actionData);

  return (
    <>
      <PageHeader title={t("account.heading")} description={t("account.description")} />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {issued ? (
        <IssuedToken
          title={t("admin.issued", { name: issued.name })}
          copyNow={t("admin.copyNow")}
          label={t("admin.newTokenLabel")}
          token={issued.token}
        />
      ) : null}

      <ApiConnectionCard
        baseUrl={baseUrl}
        documentUrl={documentUrl}
        perMinute={perMinute}
        rows={
          <>
            <dt className="font-medium">{t("account.reads")}</dt>
            <dd>{t("account.readsHow")}</dd>
          </>
        }
      />

      <NewTokenForm
        id="issue-own-api-token"
        intent="issue"
        schema={IssuePersonTokenSchema}
        lastResult={actionData?.intent === "issue" ? actionData.result : undefined}
        scopes={words.scopeChoices(PERSON_TOKEN_SCOPES, "person")}
        words={{
          heading: t("admin.newToken"),
          name: t("admin.name"),
          nameHint: t("account.nameHint"),
          scopes: t("admin.scopes"),
          scopesHint: t("account.scopesHint"),
          issue: t("admin.issue"),
          issuing: t("admin.issuing"),
        }}
      />

      <TokenTable
        tokens={tokens.map(({ issuedBy: _own, ...token }) => ({
          ...token,
          scopes: words.scopeNames(token.scopes),
        }))}
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
