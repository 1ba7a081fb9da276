import { Link } from "react-router";
import type { Route } from "./+types/opportunities._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { marks, Sentence } from "~/components/ladders/sentence";
import { LadderTextList, SourceTextsProvider } from "~/components/ladders/source-texts";
import { OpportunitySummary } from "~/components/opportunities/summary";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { opportunitiesPage } from "~/modules/opportunities/opportunities.server";
import { withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("opportunities:list.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) =>
  opportunitiesPage(await requireUser(request), languageOf(context)),
);

export default function Opportunities({ loaderData }: Route.ComponentProps) {
  const { open, posted, interests, canPost } = loaderData;
  const { t } = useTranslation("opportunities");
  return (
    <SourceTextsProvider texts={loaderData}>
      <PageHeader
        title={t("list.heading")}
        description={t("list.intro")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link to="/sponsorships" className={buttonClass("secondary")}>
              {t("list.sponsorships")}
            </Link>
            {canPost ? (
              <Link to="/opportunities/new" className={buttonClass()}>
                {t("list.post")}
              </Link>
            ) : null}
          </div>
        }
      />
      <section aria-labelledby="open-heading" className="mb-8">
        <h2 id="open-heading" className="mb-2 text-lg font-semibold">
          {t("list.open")}
        </h2>
        {open.length ? (
          <ol className="space-y-3">
            {open.map((opportunity) => (
              <li key={opportunity.id}>
                <Card>
                  <OpportunitySummary opportunity={opportunity} />
                  {opportunity.mine ? (
                    <p className="muted mt-1 text-sm">{t("list.yours")}</p>
                  ) : opportunity.closes.length ? (
                    <p className="mt-1 text-sm">
                      <Sentence
                        words={t("list.closes", {
                          ...marks("competencies"),
                          focus: opportunity.focusCloses.length,
                        })}
                        elements={{
                          competencies: (
                            <LadderTextList
                              texts={opportunity.closes.map((competency) => competency.name)}
                              separator={t("separator")}
                            />
                          ),
                        }}
                      />
                    </p>
                  ) : (
                    <p className="muted mt-1 text-sm">{t("list.closesNone")}</p>
                  )}
                  {!opportunity.fitsLevel && !opportunity.mine ? (
                    <p className="muted text-sm">{t("list.outsideLevels")}</p>
                  ) : null}
                </Card>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm">{t("list.noneOpen")}</p>
        )}
      </section>
      {interests.length ? (
        <section aria-labelledby="interests-heading" className="mb-8">
          <h2 id="interests-heading" className="mb-2 text-lg font-semibold">
            {t("list.interests")}
          </h2>
          <ul className="space-y-3">
            {interests.map((opportunity) => (
              <li key={opportunity.id}>
                <Card>
                  <OpportunitySummary opportunity={opportunity} />
                  <p className="mt-1 text-sm">
                    {t("list.outcome", {
                      outcome:
                        opportunity.outcome === "not-chosen"
                          ? "notChosen"
                          : (opportunity.outcome ??
                            (opportunity.status === "withdrawn" ? "withdrawn" : "waiting")),
                    })}
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {posted.length ? (
        <section aria-labelledby="posted-heading">
          <h2 id="posted-heading" className="mb-2 text-lg font-semibold">
            {t("list.posted")}
          </h2>
          <ul className="space-y-3">
            {posted.map((opportunity) => (
              <li key={opportunity.id}>
                <Card>
                  <OpportunitySummary opportunity={opportunity} />
                  <p className="mt-1 text-sm">
                    {t("list.interestCount", {
                      count: opportunity.interested,
                      status: opportunity.status,
                    })}
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </SourceTextsProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
