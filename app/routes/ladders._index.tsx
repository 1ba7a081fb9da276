import { Link } from "react-router";
import { withRichText } from "~/modules/ladders/translations";
import type { Route } from "./+types/ladders._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { offeredLadders } from "~/modules/ladders/retired.server";
import { ladderSummary } from "~/modules/ladders/views";
import { withDomainErrors } from "~/utils/http.server";
import { RichText } from "~/components/ui/rich-text";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { plainHtml } from "~/utils/page-scripts";

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("ladders:list.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  await requireUser(request);
  const ladders = (await offeredLadders()).map(({ ladder }) => ladder);
  // Their descriptions with Markdown, as HTML (decision 129).
  return withRichText({ ladders: ladders.map(ladderSummary) }, ladders);
});

export default function Ladders({ loaderData }: Route.ComponentProps) {
  const { ladders } = loaderData;
  const { t } = useTranslation("ladders");
  return (
    <>
      <PageHeader title={t("list.heading")} description={t("list.description")} />
      {ladders.length === 0 ? (
        <Alert tone="warning" title={t("list.noneTitle")}>
          {t("list.noneBody")}
        </Alert>
      ) : null}
      {ladders.map((ladder) => (
        <section key={ladder.id} aria-labelledby={`ladder-${ladder.id}`} className="mb-8">
          <div className="mb-3 flex flex-wrap items-baseline gap-3">
            <h2 id={`ladder-${ladder.id}`} className="text-xl font-semibold">
              <Link to={`/ladders/${ladder.id}`} className="hover:underline">
                {ladder.name}
              </Link>
            </h2>
            <span className="text-sm text-slate-500 dark:text-slate-400">
              {t("list.version", { version: ladder.version })}
            </span>
          </div>
          <RichText
            text={ladder.description}
            className="mb-4 max-w-3xl text-slate-600 dark:text-slate-300"
          />
          <div className="grid gap-4 md:grid-cols-3">
            {ladder.tracks.map((track) => (
              <Card key={track.id}>
                <h3 className="text-lg font-semibold">
                  <Link to={`/ladders/${ladder.id}/tracks/${track.id}`} className="hover:underline">
                    {track.name}
                  </Link>
                </h3>
                <RichText
                  text={track.description}
                  className="mt-1 text-sm text-slate-600 dark:text-slate-300"
                />
                <ol className="mt-3 space-y-1 text-sm">
                  {track.levels.map((level) => (
                    <li key={level.id}>
                      <Link
                        to={`/ladders/${ladder.id}/levels/${level.id}`}
                        className="text-brand-600 hover:underline dark:text-brand-100"
                      >
                        {level.title}
                      </Link>
                    </li>
                  ))}
                </ol>
              </Card>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
