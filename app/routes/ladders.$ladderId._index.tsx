import { Link } from "react-router";
import type { Route } from "./+types/ladders.$ladderId._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { requireLadderIn } from "~/modules/ladders/registry.server";
import { languageOf } from "~/i18n/i18n.server";
import { ladderOverview } from "~/modules/ladders/views";
import { personLevelOn } from "~/modules/people/service.server";
import {
  Changelog,
  CompetenciesByArea,
  EquivalentLevels,
  LadderSourceNote,
  RatingScale,
} from "~/components/ladders/ladder-overview";
import { LadderPaths } from "~/components/ladders/ladder-paths";
import { PointsScheme } from "~/components/ladders/points-scheme";
import { withDomainErrors } from "~/utils/http.server";
import { RichText } from "~/components/ui/rich-text";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("ladders:overview.title", { ladder: loaderData.name })
      : metaT(matches)("ladders:overview.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const [{ ladder, marked }, ownLevel] = await Promise.all([
    requireLadderIn(params.ladderId, languageOf(context)),
    personLevelOn(viewer.id, params.ladderId ?? ""),
  ]);
  return marked({ ...ladderOverview(ladder), ownLevel });
});

export default function LadderOverview({ loaderData }: Route.ComponentProps) {
  const data = loaderData;
  const { t } = useTranslation("ladders");
  return (
    <>
      <PageHeader
        title={t("overview.heading", { ladder: data.name })}
        description={<RichText text={data.description} inline />}
      />
      <LadderSourceNote source={data.source} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card className="lg:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">{t("overview.pathsHeading")}</h2>
          <LadderPaths
            picture={data.paths}
            currentLevelId={data.ownLevel}
            LevelLink={({ levelId, ...props }) => (
              <Link to={`/ladders/${data.id}/levels/${levelId}`} {...props} />
            )}
          />
        </Card>
        <Card className="lg:col-span-2">
          <CompetenciesByArea
            areas={data.areas}
            competencyLink={(competency) => (
              <Link
                to={`/ladders/${data.id}/competencies/${competency.id}`}
                className="text-brand-600 underline underline-offset-2 dark:text-brand-100"
              >
                {competency.name}
              </Link>
            )}
          />
        </Card>
        <Card>
          <EquivalentLevels
            tracks={data.trackOrder}
            equivalence={data.equivalence}
            levelLink={(level) => (
              <Link to={`/ladders/${data.id}/levels/${level.id}`} className="hover:underline">
                {level.title}
              </Link>
            )}
          />
        </Card>
        <Card>
          <RatingScale scale={data.scale} />
        </Card>
        {data.points ? (
          <Card className="lg:col-span-2">
            <PointsScheme points={data.points} />
          </Card>
        ) : null}
        <Card className="lg:col-span-2">
          <Changelog changelog={data.changelog} />
          <Link
            to={`/ladders/${data.id}/versions`}
            className="text-sm text-brand-600 hover:underline dark:text-brand-100"
          >
            {t("overview.seeVersions")}
          </Link>
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
