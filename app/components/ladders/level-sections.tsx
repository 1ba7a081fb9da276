import type { ReactNode } from "react";
import type { levelView } from "~/modules/ladders/views";
import type { Expectation, ReferenceLink } from "~/modules/ladders";
import { RichText } from "~/components/ui/rich-text";
import { useTranslation } from "~/i18n/use-translation";
import { ExpectationList, InheritedMark } from "./expectations";
import { ReferenceLinks } from "./reference-links";
import { PointsScheme } from "./points-scheme";
import { marks, Sentence } from "./sentence";

/**
 * Parts of a level's page that the app and the published ladder site (app/modules/ladders/site)
 * both show. Free of the router: the page makes each link (`levelLink`, `competencyLink`) and gives
 * the cards.
 */

/** The level's track, the level before and the level after, as items of the line under its title. */
export function TrackAndNeighbours({
  track,
  previous,
  next,
  levelLink,
}: {
  track: ReactNode;
  previous: { id: string; title: string } | null;
  next: { id: string; title: string } | null;
  levelLink: (level: { id: string; title: string }) => ReactNode;
}) {
  const { t } = useTranslation("ladders");
  return (
    <>
      <span>
        <Sentence words={t("level.track", marks("track"))} elements={{ track }} />
      </span>
      {previous ? (
        <span>
          <Sentence
            words={t("level.previous", marks("level"))}
            elements={{ level: levelLink(previous) }}
          />
        </span>
      ) : null}
      {next ? (
        <span>
          <Sentence words={t("level.next", marks("level"))} elements={{ level: levelLink(next) }} />
        </span>
      ) : null}
    </>
  );
}

/** The paths that split off after the level and the levels beside it, as items of the line under its title. */
export function BranchesAndEquivalents({
  branches,
  equivalents,
  levelLink,
}: {
  branches: readonly { levelId: string; title: string; trackName: string }[];
  equivalents: readonly { id: string; title: string; trackName: string }[];
  levelLink: (level: { id: string; title: string }) => ReactNode;
}) {
  const { t } = useTranslation("ladders");
  const { t: common } = useTranslation("common");
  const levels = (list: readonly { id: string; title: string; trackName: string }[]) =>
    list.map((level, index) => (
      <span key={level.id}>
        {index > 0 ? t("separator") : null}
        <Sentence
          words={common("level.withTrack", { ...marks("level"), track: level.trackName })}
          elements={{ level: levelLink(level) }}
        />
      </span>
    ));
  return (
    <>
      {branches.length ? (
        <span>
          <Sentence
            words={t("level.otherPaths", marks("levels"))}
            elements={{
              levels: levels(branches.map((branch) => ({ ...branch, id: branch.levelId }))),
            }}
          />
        </span>
      ) : null}
      {equivalents.length ? (
        <span>
          <Sentence
            words={t("level.sitsBeside", marks("levels"))}
            elements={{ levels: levels(equivalents) }}
          />
        </span>
      ) : null}
    </>
  );
}

/** A card's heading and body: the level's sub-levels, in order. */
export function Sublevels({
  sublevels,
}: {
  sublevels: readonly { id: string; title: string; summary: string | null }[];
}) {
  const { t } = useTranslation("ladders");
  return (
    <>
      <h2 className="mb-3 text-lg font-semibold">{t("level.sublevels")}</h2>
      <ol className="space-y-2 text-sm">
        {sublevels.map((sublevel) => (
          <li key={sublevel.id} id={`sublevel-${sublevel.id}`}>
            <span className="font-medium">{sublevel.title}</span>
            {sublevel.summary ? (
              <>
                {": "}
                <RichText text={sublevel.summary} inline />
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

/** A card's heading and body: one area's competencies at the level, with what each expects there. */
export function LevelArea({
  area,
  mainTarget,
  competencyLink,
}: {
  area: {
    name: string;
    competencies: readonly {
      id: string;
      name: string;
      description: string;
      inheritedFrom: string | null;
      links: readonly ReferenceLink[] | undefined;
      expectations: readonly Expectation[];
      target: { value: number; label: string };
    }[];
  };
  /** The level's main target rating (undefined when it has none): a competency expecting another says so. */
  mainTarget: number | undefined;
  competencyLink: (competency: { id: string; name: string }) => ReactNode;
}) {
  const { t } = useTranslation("ladders");
  return (
    <>
      <h2 className="mb-4 text-lg font-semibold">{area.name}</h2>
      <div className="space-y-5">
        {area.competencies.map((competency) => (
          <section
            key={competency.id}
            id={competency.id}
            aria-labelledby={`${competency.id}-heading`}
            className="scroll-mt-4"
          >
            <h3 id={`${competency.id}-heading`} className="font-semibold">
              {competencyLink(competency)}
              {competency.inheritedFrom ? <InheritedMark from={competency.inheritedFrom} /> : null}
            </h3>
            <RichText
              text={competency.description}
              className="mb-2 text-sm text-slate-600 dark:text-slate-400"
            />
            <ExpectationList expectations={competency.expectations} />
            <ReferenceLinks
              links={competency.links}
              heading={t("references.headingFor", { competency: competency.name })}
            />
            {mainTarget !== undefined && competency.target.value !== mainTarget ? (
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                {t("level.targetHere", {
                  value: competency.target.value,
                  label: competency.target.label,
                })}
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </>
  );
}

type LevelView = NonNullable<ReturnType<typeof levelView>>;

/**
 * The body of a level's page below the line under its title: its sublevels, its points and each
 * area's competencies, each in a card of the page's own (`Card`).
 */
export function LevelCards({
  view,
  competencyLink,
  Card,
}: {
  view: Pick<LevelView, "sublevels" | "points" | "pointsMarks" | "areas" | "targets">;
  competencyLink: (competency: { id: string; name: string }) => ReactNode;
  Card: (props: { className?: string; children: ReactNode }) => ReactNode;
}) {
  return (
    <>
      {view.sublevels.length ? (
        <Card className="mb-6">
          <Sublevels sublevels={view.sublevels} />
        </Card>
      ) : null}
      {view.points ? (
        <Card className="mb-6">
          <PointsScheme points={view.points} marked={view.pointsMarks} />
        </Card>
      ) : null}
      <div className="space-y-6">
        {view.areas.map((area) => (
          <Card key={area.id}>
            <LevelArea
              area={area}
              mainTarget={view.targets[0]?.value}
              competencyLink={competencyLink}
            />
          </Card>
        ))}
      </div>
    </>
  );
}
