import { Link } from "react-router";
import type { Route } from "./+types/ladders.$ladderId.tracks.$trackId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrintButton } from "~/components/ladders/print-button";
import { landscapePrint, TrackMatrixTable } from "~/components/ladders/track-matrix";
import { marks, Sentence } from "~/components/ladders/sentence";
import { PointsScheme } from "~/components/ladders/points-scheme";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { requireLadderIn } from "~/modules/ladders/registry.server";
import { languageOf } from "~/i18n/i18n.server";
import { personLevelOn } from "~/modules/people/service.server";
import { trackMatrix } from "~/modules/ladders/views";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";
import { RichText } from "~/components/ui/rich-text";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("ladders:track.title", { track: loaderData.matrix.track.name })
      : metaT(matches)("ladders:track.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const [{ ladder, marked }, ownLevel] = await Promise.all([
    requireLadderIn(params.ladderId, languageOf(context)),
    personLevelOn(viewer.id, params.ladderId ?? ""),
  ]);
  const matrix = trackMatrix(ladder, params.trackId ?? "");
  if (!matrix) throw new NotFoundError({ key: "ladders:errors.noSuchTrack" });
  return marked({ ladderId: ladder.meta.id, matrix, ownLevel });
});

export default function TrackMatrix({ loaderData }: Route.ComponentProps) {
  const { ladderId, matrix, ownLevel } = loaderData;
  const base = `/ladders/${ladderId}`;
  const { t } = useTranslation("ladders");
  const f = useFormats();
  return (
    <>
      <PageHeader
        title={matrix.track.name}
        description={<RichText text={matrix.track.description} inline />}
        actions={<PrintButton />}
      />
      {matrix.branch ? (
        <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
          <Sentence
            words={t("track.branch", {
              ...marks("track"),
              level: matrix.branch.shared.at(-1)?.title ?? "",
              shared: f.list(matrix.branch.shared.map((level) => level.title)),
              count: matrix.branch.shared.length,
            })}
            elements={{
              track: (
                <Link
                  to={`${base}/tracks/${matrix.branch.trackId}`}
                  className="text-brand-600 underline underline-offset-2 dark:text-brand-100"
                >
                  {matrix.branch.trackName}
                </Link>
              ),
            }}
          />
        </p>
      ) : null}
      <style>{landscapePrint}</style>
      <TrackMatrixTable
        matrix={matrix}
        ownLevel={ownLevel}
        LevelLink={({ id, ...props }) => <Link to={`${base}/levels/${id}`} {...props} />}
        CompetencyLink={({ id, ...props }) => <Link to={`${base}/competencies/${id}`} {...props} />}
      />
      {matrix.points ? (
        <Card className="mt-6">
          <PointsScheme points={matrix.points} />
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
