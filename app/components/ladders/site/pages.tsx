import type {
  ladderOverview,
  competencyView,
  levelComparisonView,
  levelView,
  trackMatrix,
  LevelOption,
} from "~/modules/ladders/views";
import type { SearchIndex } from "~/modules/ladders/search-index";
import { sitePaths } from "~/modules/ladders/site/site-paths";
import { CompetencyInTrack } from "~/components/ladders/competency-levels";
import { InheritedMark } from "~/components/ladders/expectations";
import {
  Changelog,
  CompetenciesByArea,
  EquivalentLevels,
  LadderSourceNote,
  RatingScale,
} from "~/components/ladders/ladder-overview";
import { CompetencyChange, LevelOptions } from "~/components/ladders/level-comparison";
import {
  BranchesAndEquivalents,
  LevelCards,
  TrackAndNeighbours,
} from "~/components/ladders/level-sections";
import { PointsScheme } from "~/components/ladders/points-scheme";
import { ReferenceLinks } from "~/components/ladders/reference-links";
import { landscapePrint, TrackMatrixTable } from "~/components/ladders/track-matrix";
import {
  Card,
  inputClass,
  buttonClass,
  LadderPaths,
  Note,
  PageHeader,
  RichText,
  SearchForm,
  SiteLink,
  useHref,
} from "./frame";
import { marks, Sentence } from "~/components/ladders/sentence";
import { useLadderFormats } from "~/components/ladders/formats";
import { useTranslation } from "~/i18n/use-translation";
import { LadderText } from "~/components/ladders/source-texts";

/** The pages of the published ladder site, one component per kind of page, each fed by the view the app's own page uses. */

type Overview = ReturnType<typeof ladderOverview>;

export function HomePage({ ladders }: { ladders: Overview[] }) {
  const { t } = useTranslation("ladders");
  return (
    <>
      <PageHeader title={t("site.defaultTitle")} description={t("site.homeDescription")} />
      {ladders.map((ladder) => (
        <Card key={ladder.id} className="mb-6">
          <h2 className="text-xl font-semibold">
            <SiteLink to={sitePaths.ladder(ladder.id)} className="hover:underline">
              {ladder.name}
            </SiteLink>
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t("site.version", { version: ladder.version })}
          </p>
          <RichText
            text={ladder.description}
            className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300"
          />
          <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {ladder.trackOrder.map((track) => (
              <li key={track.id}>
                <SiteLink to={sitePaths.track(ladder.id, track.id)}>{track.name}</SiteLink>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </>
  );
}

export function OverviewPage({ overview }: { overview: Overview }) {
  const { t } = useTranslation("ladders");
  const href = useHref();
  const id = overview.id;
  const levelLink = (level: { id: string; title: string }) => (
    <SiteLink to={sitePaths.level(id, level.id)}>{level.title}</SiteLink>
  );
  return (
    <>
      <PageHeader
        title={t("overview.heading", { ladder: overview.name })}
        description={<RichText text={overview.description} inline />}
      />
      <LadderSourceNote source={overview.source} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="lg:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">{t("overview.pathsHeading")}</h2>
          <LadderPaths
            picture={overview.paths}
            currentLevelId={null}
            LevelLink={({ levelId, ...props }) => (
              <a href={href(sitePaths.level(id, levelId))} {...props} />
            )}
          />
        </Card>
        <Card className="lg:col-span-2">
          <CompetenciesByArea
            areas={overview.areas}
            competencyLink={(competency) => (
              <SiteLink to={sitePaths.competency(id, competency.id)}>{competency.name}</SiteLink>
            )}
          />
        </Card>
        {overview.equivalence.length ? (
          <Card>
            <EquivalentLevels
              tracks={overview.trackOrder}
              equivalence={overview.equivalence}
              levelLink={levelLink}
            />
          </Card>
        ) : null}
        <Card>
          <RatingScale scale={overview.scale} />
        </Card>
        {overview.points ? (
          <Card className="lg:col-span-2">
            <PointsScheme points={overview.points} />
          </Card>
        ) : null}
        <Card className="lg:col-span-2">
          <Changelog changelog={overview.changelog} />
        </Card>
      </div>
    </>
  );
}

type Matrix = NonNullable<ReturnType<typeof trackMatrix>>;

export function TrackPage({ ladderId, matrix }: { ladderId: string; matrix: Matrix }) {
  const { t } = useTranslation("ladders");
  const href = useHref();
  return (
    <>
      <PageHeader
        title={matrix.track.name}
        description={<RichText text={matrix.track.description} inline />}
      />
      {matrix.branch ? (
        <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
          <Sentence
            words={t("track.siteBranch", {
              ...marks("track"),
              level: matrix.branch.shared.at(-1)?.title ?? "",
            })}
            elements={{
              track: (
                <SiteLink to={sitePaths.track(ladderId, matrix.branch.trackId)}>
                  {matrix.branch.trackName}
                </SiteLink>
              ),
            }}
          />
        </p>
      ) : null}
      <style>{landscapePrint}</style>
      <TrackMatrixTable
        matrix={matrix}
        LevelLink={({ id, ...props }) => (
          <a href={href(sitePaths.level(ladderId, id))} {...props} />
        )}
        CompetencyLink={({ id, ...props }) => (
          <a href={href(sitePaths.competency(ladderId, id))} {...props} />
        )}
      />
      {matrix.points ? (
        <Card className="mt-6">
          <PointsScheme points={matrix.points} />
        </Card>
      ) : null}
    </>
  );
}

type LevelView = NonNullable<ReturnType<typeof levelView>>;

export function LevelPage({ ladderId, view }: { ladderId: string; view: LevelView }) {
  const { t } = useTranslation("ladders");
  const f = useLadderFormats();
  const main = view.targets[0];
  const levelLink = (level: { id: string; title: string }) => (
    <SiteLink to={sitePaths.level(ladderId, level.id)}>{level.title}</SiteLink>
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
      />
      <div className="mb-6 flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700 dark:text-slate-300">
        {main ? (
          <span>{t("level.targetRating", { value: main.value, label: main.label })}</span>
        ) : null}
        <TrackAndNeighbours
          track={
            <SiteLink to={sitePaths.track(ladderId, view.track.id)}>{view.track.name}</SiteLink>
          }
          previous={view.previous}
          next={view.next}
          levelLink={levelLink}
        />
        {view.next ? (
          <span>
            <SiteLink to={sitePaths.comparison(ladderId, view.level.id, view.next.id)}>
              {t("level.whatAdds", { level: view.next.title })}
            </SiteLink>
          </span>
        ) : null}
        <BranchesAndEquivalents
          branches={view.branches}
          equivalents={view.equivalents}
          levelLink={levelLink}
        />
        {view.notApplying.length ? (
          <span>
            {t("level.notExpected", {
              competencies: f.list(view.notApplying.map((competency) => competency.name)),
            })}
          </span>
        ) : null}
      </div>
      <LevelCards
        view={view}
        Card={Card}
        competencyLink={(competency) => (
          <SiteLink to={sitePaths.competency(ladderId, competency.id)} className="hover:underline">
            {competency.name}
          </SiteLink>
        )}
      />
    </>
  );
}

type CompetencyView = NonNullable<ReturnType<typeof competencyView>>;

export function CompetencyPage({ ladderId, view }: { ladderId: string; view: CompetencyView }) {
  const { t } = useTranslation("ladders");
  return (
    <>
      <PageHeader
        title={<LadderText text={view.competency.name} />}
        description={<RichText text={view.competency.description} inline />}
      />
      <p className="-mt-4 mb-6 text-sm text-slate-600 dark:text-slate-400">
        {t("competency.area", { area: view.competency.area })}
        {view.competency.inheritedFrom ? (
          <InheritedMark from={view.competency.inheritedFrom} />
        ) : null}
      </p>
      <ReferenceLinks
        links={view.competency.links}
        heading={t("references.heading")}
        Heading="h2"
      />
      <div className="mt-6 space-y-6">
        {view.tracks.map((track) => (
          <Card key={track.id}>
            <CompetencyInTrack
              track={track}
              levelLink={(level) => (
                <SiteLink
                  to={`${sitePaths.level(ladderId, level.id)}${level.applies ? `#${view.competency.id}` : ""}`}
                  className="hover:underline"
                >
                  {level.title}
                </SiteLink>
              )}
            />
          </Card>
        ))}
      </div>
    </>
  );
}

/**
 * Every pair of levels has its own page; the picker needs the site's script to go to the one
 * chosen. Without it, the list below the picker leads to each level's next step.
 */
export function ComparePage({
  ladderId,
  options,
  steps,
}: {
  ladderId: string;
  options: LevelOption[];
  steps: { from: LevelOption; to: LevelOption }[];
}) {
  const { t } = useTranslation("ladders");
  const href = useHref();
  const select = (name: "from" | "to", label: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`compare-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={`compare-${name}`}
        name={name}
        required
        className={`${inputClass} min-w-56`}
        defaultValue=""
      >
        <LevelOptions options={options} />
      </select>
    </div>
  );
  return (
    <>
      <PageHeader title={t("compare.heading")} description={t("compare.description")} />
      <form
        id="compare-form"
        data-pages={href(sitePaths.compare(ladderId)).replace(/index\.html$/, "")}
        className="no-print mb-6 flex flex-wrap items-end gap-4"
      >
        {select("from", t("compare.from"))}
        {select("to", t("compare.to"))}
        <button type="submit" className={buttonClass}>
          {t("compare.submit")}
        </button>
      </form>
      <Note id="needs-script">{t("site.compareNeedsScript")}</Note>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("site.nextSteps")}</h2>
        <ul className="grid gap-1 text-sm md:grid-cols-2">
          {steps.map(({ from, to }) => (
            <li key={`${from.id}-${to.id}`}>
              <SiteLink to={sitePaths.comparison(ladderId, from.id, to.id)}>
                {t("site.comparisonTitle", { from: from.title, to: to.title })}
              </SiteLink>{" "}
              <span className="text-slate-600 dark:text-slate-400">({from.trackName})</span>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}

type Comparison = NonNullable<ReturnType<typeof levelComparisonView>>;

export function ComparisonPage({
  ladderId,
  comparison,
}: {
  ladderId: string;
  comparison: Comparison;
}) {
  const { t } = useTranslation("ladders");
  const { from, to, changes } = comparison;
  const same = comparison.competencyCount - changes.length;
  return (
    <>
      <PageHeader
        title={t("compare.resultHeading", { from: from.title, to: to.title })}
        description={
          <>
            {t("site.comparisonDescription", {
              from: from.title,
              fromTrack: from.trackName,
              to: to.title,
              toTrack: to.trackName,
            })}{" "}
            <SiteLink to={sitePaths.compare(ladderId)}>{t("site.compareOthers")}</SiteLink>
          </>
        }
      />
      {changes.length === 0 ? (
        <Note>{t("compare.sameThings")}</Note>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {t("compare.summary", {
              changed: changes.length,
              total: comparison.competencyCount,
              same,
            })}
          </p>
          {changes.map((change) => (
            <Card key={change.id}>
              <CompetencyChange
                change={change}
                Heading="h2"
                competencyLink={(competency) => (
                  <SiteLink
                    to={sitePaths.competency(ladderId, competency.id)}
                    className="hover:underline"
                  >
                    {competency.name}
                  </SiteLink>
                )}
                from={from.title}
                to={to.title}
              />
            </Card>
          ))}
        </div>
      )}
    </>
  );
}

/** What the site's script needs to show search hits: the index and, per id, the words and page each hit names. */
export interface SiteSearchData {
  index: SearchIndex;
  levels: Record<string, { title: string; trackName: string; href: string }>;
  /**
   * The script's words in the edition's language, worded when the site is built (the script
   * carries no messages): `{query}`, `{example}`, `{level}` and `{competency}` stand for what it
   * fills in, and `results[n]` says n results, for every count a search can find.
   */
  words: { results: string[]; noMatch: string; example: string; place: string };
}

/**
 * The search page: the index travels inside the page as JSON (a page opened from disk may not
 * fetch another file), and the site's script searches it with the app's own search code.
 */
export function SearchPage({ ladderId, data }: { ladderId: string; data: SiteSearchData }) {
  const { t } = useTranslation("ladders");
  const href = useHref();
  // "<" is escaped so no text in the ladder can close the script element.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return (
    <>
      <PageHeader title={t("search.heading")} description={t("search.hint")} />
      <div className="mb-4">
        <SearchForm action={href(sitePaths.search(ladderId))} inputId="search-query" large />
      </div>
      <p
        id="search-status"
        role="status"
        className="mb-3 text-sm text-slate-700 dark:text-slate-300"
      />
      <Note id="needs-script">{t("site.searchNeedsScript")}</Note>
      <ol id="search-results" className="space-y-3" />
      <script type="application/json" id="search-data" dangerouslySetInnerHTML={{ __html: json }} />
    </>
  );
}
