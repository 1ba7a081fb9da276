import { Link } from "react-router";
import type { Route } from "./+types/ladders.$ladderId.search";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { marks, Sentence } from "~/components/ladders/sentence";
import { Alert, PageHeader } from "~/components/ui/page";
import { searchExpectations } from "~/modules/ladders/search-expectations.server";
import { requireUser } from "~/modules/identity/permissions.server";
import { requireLadderIn } from "~/modules/ladders/registry.server";
import { languageOf } from "~/i18n/i18n.server";
import { withDomainErrors } from "~/utils/http.server";
import { textParam } from "~/utils/search-params";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("ladders:search.title") },
];

const MAX_QUERY = 200;

export const loader = withDomainErrors(
  async ({ request, url, params, context }: Route.LoaderArgs) => {
    await requireUser(request);
    const { ladder, marked } = await requireLadderIn(params.ladderId, languageOf(context));
    const query = textParam(url.searchParams, "q", MAX_QUERY);
    const levels = new Map(
      ladder.tracks.flatMap((t) =>
        t.levels.map((l) => [l.id, { title: l.title, track: t.name }] as const),
      ),
    );
    const competencies = new Map(ladder.competencies.map((c) => [c.id, c.name]));
    const hits = query
      ? searchExpectations(ladder, query, { limit: 100 }).map((hit) => ({
          ...hit,
          levelTitle: levels.get(hit.levelId)?.title ?? hit.levelId,
          trackName: levels.get(hit.levelId)?.track ?? hit.trackId,
          competencyName: competencies.get(hit.competencyId) ?? hit.competencyId,
        }))
      : [];
    return marked({ ladderId: ladder.meta.id, query, hits });
  },
);

function Highlight({ text, query }: { text: string; query: string }) {
  const words = query
    .split(/\s+/)
    .filter((w) => w.length > 1)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (!words.length) return <>{text}</>;
  const parts = text.split(new RegExp(`(${words.join("|")})`, "gi"));
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <mark
            key={index}
            className="rounded bg-amber-200 px-0.5 text-inherit dark:bg-amber-800 dark:text-amber-50"
          >
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const { ladderId, query, hits } = loaderData;
  const { t } = useTranslation("ladders");
  return (
    <>
      <PageHeader
        title={t("search.heading")}
        description={query ? t("search.results", { count: hits.length, query }) : t("search.hint")}
      />
      {query && hits.length === 0 ? (
        <Alert tone="info">{t("search.noMatch", { query })}</Alert>
      ) : null}
      <ol className="space-y-3">
        {hits.map((hit) => (
          <li
            key={`${hit.levelId}-${hit.competencyId}-${hit.text}`}
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
          >
            <p>
              <Highlight text={hit.text} query={query} />
            </p>
            {hit.matchedIn === "example" ? (
              <ul className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                {hit.examples.map((example) => (
                  <li key={example}>
                    <Sentence
                      words={t("search.example", marks("example"))}
                      elements={{ example: <Highlight text={example} query={query} /> }}
                    />
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
              <Link
                to={`/ladders/${ladderId}/levels/${hit.levelId}#${hit.competencyId}`}
                className="text-brand-600 underline underline-offset-2 dark:text-brand-100"
              >
                {t("search.place", { level: hit.levelTitle, competency: hit.competencyName })}
              </Link>{" "}
              ({hit.trackName})
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
