import { Link } from "react-router";
import type { Route } from "./+types/ladders.$ladderId.levels.$levelId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  BranchesAndEquivalents,
  LevelCards,
  TrackAndNeighbours,
} from "~/components/ladders/level-sections";
import { PrintButton } from "~/components/ladders/print-button";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { requireLadderIn } from "~/modules/ladders/registry.server";
import { languageOf } from "~/i18n/i18n.server";
import { levelView } from "~/modules/ladders/views";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";
import { RichText } from "~/components/ui/rich-text";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("ladders:level.title", { level: loaderData.view.level.title })
      : metaT(matches)("ladders:level.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  await requireUser(request);
  const { ladder, marked } = await requireLadderIn(params.ladderId, languageOf(context));
  const view = levelView(ladder, params.levelId ?? "");
  if (!view) throw new NotFoundError({ key: "ladders:errors.noSuchLevel" });
  return marked({ ladderId: ladder.meta.id, view });
});

export default function LevelPage({ loaderData }: Route.ComponentProps) {
  const { ladderId, view } = loaderData;
  const base = `/ladders/${ladderId}`;
  const { t } = useTranslation("ladders");
  const f = useFormats();
  const main = view.targets[0]!;
  const levelLink = (level: { id: string; title: string }) => (
    <Link
      to={`${base}/levels/${level.id}`}
      className="text-brand-600 underline underline-offset-2 dark:text-brand-100"
    >
      {level.title}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={view.level.title}
        description={
          <>
            {view.level.alsoTitled.length ? (
              <span className="block font-medium">
                {t("level.alsoTitled", { titles: f.list(view.level.alsoTitled) })}
              </span>
            ) : null}
            <RichText text={view.level.summary} inline />
          </>
        }
        actions={
          <>
            {view.next ? (
              <Link
                to={`${base}/compare?from=${view.level.id}&to=${view.next.id}`}
                className={buttonClass("secondary")}
              >
                {t("level.whatAdds", { level: view.next.title })}
              </Link>
            ) : null}
            <PrintButton />
          </>
        }
      />
      <div className="mb-6 flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-600 dark:text-slate-300">
        <span>
          {view.targets.length === 1
            ? t("level.targetRating", { value: main.value, label: main.label })
            : t("level.targetRatings", {
                targets: view.targets
                  .map((target) =>
                    t("level.targetFor", {
                      value: target.value,
                      label: target.label,
                      count: target.competencies,
                    }),
                  )
                  .join(t("separator")),
                main: main.value,
              })}
        </span>
        {view.notApplying.length ? (
          <span>
            {t("level.notExpected", {
              competencies: f.list(view.notApplying.map((competency) => competency.name)),
            })}
          </span>
        ) : null}
        <TrackAndNeighbours
          track={
            <Link
              to={`${base}/tracks/${view.track.id}`}
              className="text-brand-600 underline underline-offset-2 dark:text-brand-100"
            >
              {view.track.name}
            </Link>
          }
          previous={view.previous}
          next={view.next}
          levelLink={levelLink}
        />
        <BranchesAndEquivalents
          branches={view.branches}
          equivalents={view.equivalents}
          levelLink={levelLink}
        />
      </div>
      <LevelCards
        view={view}
        Card={Card}
        competencyLink={(competency) => (
          <Link to={`${base}/competencies/${competency.id}`} className="hover:underline">
            {competency.name}
          </Link>
        )}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
