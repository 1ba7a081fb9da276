import type { ladderOverview, competencyView, levelComparisonView, levelView, trackMatrix, LevelOption } from "~/modules/ladders/views";
import type { SearchIndex } from "~/modules/ladders/search-index";
import { sitePaths } from "~/modules/ladders/site/site-paths";
import { CompetencyInTrack } from "~/components/ladders/competency-levels";
import { InheritedMark } from "~/components/ladders/expectations";
import { Changelog, CompetenciesByArea, EquivalentLevels, LadderSourceNote, RatingScale } from "~/components/ladders/ladder-overview";
import { CompetencyChange, LevelOptions } from "~/components/ladders/level-comparison";
import { BranchesAndEquivalents, LevelArea, Sublevels } from "~/components/ladders/level-sections";
import { PointsScheme } from "~/components/ladders/points-scheme";
import { ReferenceLinks } from "~/components/ladders/reference-links";
import { MatrixAreaRow, MatrixCell } from "~/components/ladders/track-matrix";
import { Card, inputClass, buttonClass, LadderPaths, Note, PageHeader, RichText, SearchForm, SiteLink, useHref } from "./frame";
import { plural } from "~/utils/plural";
import { LadderText } from "~/components/ladders/source-texts";

/** The pages of the published ladder site, one component per kind of page, each fed by the view the app's own page uses. */

type Overview = ReturnType<typeof ladderOverview>;

export function HomePage({ ladders }: { ladders: Overview[] }) {
  return (
    <>
      <PageHeader title="Career ladders" description="What each level asks, track by track: the competencies, what is expected at every level, and how levels compare." />
      {ladders.map((ladder) => (
        <Card key={ladder.id} className="mb-6">
          <h2 className="text-xl font-semibold">
            <SiteLink to={sitePaths.ladder(ladder.id)} className="hover:underline">
              {ladder.name}
            </SiteLink>
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">Version {ladder.version}</p>
          <RichText text={ladder.description} className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300" />
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
  const href = useHref();
  const id = overview.id;
  const levelLink = (level: { id: string; title: string }) => <SiteLink to={sitePaths.level(id, level.id)}>{level.title}</SiteLink>;
  return (
    <>
      <PageHeader title={`${overview.name} ladder`} description={<RichText text={overview.description} inline />} />
      <LadderSourceNote source={overview.source} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="lg:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">Paths through the ladder</h2>
          <LadderPaths picture={overview.paths} currentLevelId={null} LevelLink={({ levelId, ...props }) => <a href={href(sitePaths.level(id, levelId))} {...props} />} />
        </Card>
        <Card className="lg:col-span-2">
          <CompetenciesByArea areas={overview.areas} competencyLink={(competency) => <SiteLink to={sitePaths.competency(id, competency.id)}>{competency.name}</SiteLink>} />
        </Card>
        {overview.equivalence.length ? (
          <Card>
            <EquivalentLevels tracks={overview.trackOrder} equivalence={overview.equivalence} levelLink={levelLink} />
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
  return (
    <>
      <PageHeader title={matrix.track.name} description={<RichText text={matrix.track.description} inline />} />
      {matrix.branch ? (
        <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
          This path branches from <SiteLink to={sitePaths.track(ladderId, matrix.branch.trackId)}>{matrix.branch.trackName}</SiteLink> after {matrix.branch.shared.at(-1)?.title}: the
          levels up to it are shared, and its own levels start here.
        </p>
      ) : null}
      {/* Printed, the matrix is as wide as the ladder: landscape paper, every level on the page. */}
      <style>{"@page { size: A4 landscape; margin: 10mm; }"}</style>
      <div className="print-fit overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
        <table className="min-w-[64rem] border-collapse text-left align-top">
          <caption className="sr-only">{matrix.track.name}: expectations for each competency (rows) at each level (columns)</caption>
          <thead className="bg-slate-100 dark:bg-slate-800">
            <tr>
              <th scope="col" className="w-48 p-3 text-sm font-semibold">
                Competency
              </th>
              {matrix.levels.map((level) => (
                <th key={level.id} scope="col" className="min-w-56 p-3 text-sm font-semibold">
                  <SiteLink to={sitePaths.level(ladderId, level.id)} className="hover:underline">
                    {level.title}
                  </SiteLink>
                  {level.alsoTitled.length ? <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">also {level.alsoTitled.join(", ")}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          {matrix.areas.map((area) => (
            <tbody key={area.id}>
              <MatrixAreaRow name={area.name} columns={matrix.levels.length + 1} />
              {area.rows.map((row) => (
                <tr key={row.id} id={row.id} className="border-t border-slate-200 align-top dark:border-slate-700">
                  <th scope="row" className="p-3 text-sm font-medium">
                    <SiteLink to={sitePaths.competency(ladderId, row.id)} className="hover:underline">
                      {row.name}
                    </SiteLink>
                  </th>
                  {row.cells.map((expectations, index) => (
                    <td key={matrix.levels[index]!.id} className="p-3">
                      <MatrixCell applies={row.applies[index]!} expectations={expectations} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
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
  const main = view.targets[0];
  const levelLink = (level: { id: string; title: string }) => <SiteLink to={sitePaths.level(ladderId, level.id)}>{level.title}</SiteLink>;
  return (
    <>
      <PageHeader
        title={view.level.title}
        description={
          <>
            {view.level.alsoTitled.length ? <span className="block font-medium">Also titled {view.level.alsoTitled.join(", ")}</span> : null}
            <RichText text={view.level.summary} inline />
          </>
        }
      />
      <div className="mb-6 flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700 dark:text-slate-300">
        {main ? (
          <span>
            Target rating: {main.value} ({main.label})
          </span>
        ) : null}
        <span>
          Track: <SiteLink to={sitePaths.track(ladderId, view.track.id)}>{view.track.name}</SiteLink>
        </span>
        {view.previous ? <span>Previous: {levelLink(view.previous)}</span> : null}
        {view.next ? <span>Next: {levelLink(view.next)}</span> : null}
        {view.next ? (
          <span>
            <SiteLink to={sitePaths.comparison(ladderId, view.level.id, view.next.id)}>What {view.next.title} adds</SiteLink>
          </span>
        ) : null}
        <BranchesAndEquivalents branches={view.branches} equivalents={view.equivalents} levelLink={levelLink} />
        {view.notApplying.length ? <span>Not expected at this level: {view.notApplying.map((competency) => competency.name).join(", ")}</span> : null}
      </div>
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
              mainTarget={main?.value}
              competencyLink={(competency) => (
                <SiteLink to={sitePaths.competency(ladderId, competency.id)} className="hover:underline">
                  {competency.name}
                </SiteLink>
              )}
            />
          </Card>
        ))}
      </div>
    </>
  );
}

type CompetencyView = NonNullable<ReturnType<typeof competencyView>>;

export function CompetencyPage({ ladderId, view }: { ladderId: string; view: CompetencyView }) {
  return (
    <>
      <PageHeader title={<LadderText text={view.competency.name} />} description={<RichText text={view.competency.description} inline />} />
      <p className="-mt-4 mb-6 text-sm text-slate-600 dark:text-slate-400">
        Area: {view.competency.area}
        {view.competency.inheritedFrom ? <InheritedMark from={view.competency.inheritedFrom} /> : null}
      </p>
      <ReferenceLinks links={view.competency.links} heading="References" Heading="h2" />
      <div className="mt-6 space-y-6">
        {view.tracks.map((track) => (
          <Card key={track.id}>
            <CompetencyInTrack
              track={track}
              levelLink={(level) => (
                <SiteLink to={`${sitePaths.level(ladderId, level.id)}${level.applies ? `#${view.competency.id}` : ""}`} className="hover:underline">
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
export function ComparePage({ ladderId, options, steps }: { ladderId: string; options: LevelOption[]; steps: { from: LevelOption; to: LevelOption }[] }) {
  const href = useHref();
  const select = (name: "from" | "to", label: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`compare-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <select id={`compare-${name}`} name={name} required className={`${inputClass} min-w-56`} defaultValue="">
        <LevelOptions options={options} />
      </select>
    </div>
  );
  return (
    <>
      <PageHeader
        title="Compare two levels"
        description="What really changes from one level to another: statements made in the same words are left out, rewordings show the words that change. Works within a track or across tracks."
      />
      <form id="compare-form" data-pages={href(sitePaths.compare(ladderId)).replace(/index\.html$/, "")} className="no-print mb-6 flex flex-wrap items-end gap-4">
        {select("from", "From")}
        {select("to", "To")}
        <button type="submit" className={buttonClass}>
          Compare
        </button>
      </form>
      <Note id="needs-script">Choosing any two levels needs JavaScript; each level&apos;s next step is listed below.</Note>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Each level&apos;s next step</h2>
        <ul className="grid gap-1 text-sm md:grid-cols-2">
          {steps.map(({ from, to }) => (
            <li key={`${from.id}-${to.id}`}>
              <SiteLink to={sitePaths.comparison(ladderId, from.id, to.id)}>
                {from.title} to {to.title}
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

export function ComparisonPage({ ladderId, comparison }: { ladderId: string; comparison: Comparison }) {
  const { from, to, changes } = comparison;
  const same = comparison.competencyCount - changes.length;
  return (
    <>
      <PageHeader
        title={`From ${from.title} to ${to.title}: what changes`}
        description={
          <>
            {from.title} ({from.trackName}) compared with {to.title} ({to.trackName}). <SiteLink to={sitePaths.compare(ladderId)}>Compare other levels</SiteLink>
          </>
        }
      />
      {changes.length === 0 ? (
        <Note>These two levels ask for exactly the same things.</Note>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {changes.length} of {plural(comparison.competencyCount, "# competency")} {plural(changes.length, "changes")}
            {same > 0 ? `; ${plural(same, "# asks for the same things at both levels and is not shown")}` : ""}.
          </p>
          {changes.map((change) => (
            <Card key={change.id}>
              <CompetencyChange
                change={change}
                Heading="h2"
                competencyLink={(competency) => (
                  <SiteLink to={sitePaths.competency(ladderId, competency.id)} className="hover:underline">
                    {competency.name}
                  </SiteLink>
                )}
                statements={
                  <>
                    <Statements heading={`Only at ${from.title}`} texts={change.onlyInFrom} />
                    <Statements heading={`Only at ${to.title}`} texts={change.onlyInTo} />
                  </>
                }
              />
            </Card>
          ))}
        </div>
      )}
    </>
  );
}

function Statements({ heading, texts }: { heading: string; texts: readonly string[] }) {
  return (
    <div>
      <h3 className="mb-1 text-sm font-semibold">{heading}</h3>
      {texts.length ? (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {texts.map((text) => (
            <li key={text}>
              <RichText text={text} inline />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nothing</p>
      )}
    </div>
  );
}

/** What the site's script needs to show search hits: the index and, per id, the words and page each hit names. */
export interface SiteSearchData {
  index: SearchIndex;
  levels: Record<string, { title: string; trackName: string; href: string }>;
}

/**
 * The search page: the index travels inside the page as JSON (a page opened from disk may not
 * fetch another file), and the site's script searches it with the app's own search code.
 */
export function SearchPage({ ladderId, data }: { ladderId: string; data: SiteSearchData }) {
  const href = useHref();
  // "<" is escaped so no text in the ladder can close the script element.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return (
    <>
      <PageHeader title="Search expectations" description="Type words to find in any expectation, example or competency." />
      <div className="mb-4">
        <SearchForm action={href(sitePaths.search(ladderId))} inputId="search-query" large />
      </div>
      <p id="search-status" role="status" className="mb-3 text-sm text-slate-700 dark:text-slate-300" />
      <Note id="needs-script">Search needs JavaScript. Every level and competency is also one link away from the overview.</Note>
      <ol id="search-results" className="space-y-3" />
      <script type="application/json" id="search-data" dangerouslySetInnerHTML={{ __html: json }} />
    </>
  );
}
