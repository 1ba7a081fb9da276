import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db } from "~/db/client.server";
import { ViewCache } from "~/platform/view-cache.server";
import type { Viewer } from "~/modules/identity/policy";
import { ForbiddenError } from "~/modules/errors";
import { disclosureCheck, type Cell } from "~/modules/disclosure/check";
import { personFloors } from "~/modules/disclosure/floors.server";
import type { PersonFloors } from "~/modules/disclosure/floor";
import { panelMix } from "./panels";
import { asMember, memberSelect, panelSettings } from "./panels.server";
import { canSeeHiringStatistics } from "./policy";
import { hiringStatistics, owedInterviews, statisticsVersion } from "./stats.server";
/**
 * How often panels met the organisation's rule, per opening and overall, over the decided loops the
 * viewer counts in the hiring statistics (their openings, none in which they still owe a card).
 * Each figure is about the interviewers who sat on those panels, so it goes through the one
 * disclosure check with them as its members: a rate over fewer interviewers than the floor is not
 * shown, nor one that would give it away. Panels are judged on the interviewers' present team,
 * level, track and attributes, as the staffing view judges them.
 *
 * Kept per viewer and version, as the rest of the statistics are (decision 013): every decided loop
 * with its panel is read and judged, which at a few thousand loops is most of the page's work. The
 * key moves with the counted loops (the statistics' own version), the rule (its settings),
 * anyone's team, level, track or attributes (people's latest update) and any floor a calibration
 * session raised.
 */
export async function panelRuleStatistics(viewer: Viewer, version?: string) {
  if (!canSeeHiringStatistics(viewer)) throw new ForbiddenError({ key: "hiring:stats.forbidden" });
  const [statistics, settings, floorOf] = await Promise.all([
    version ?? statisticsVersion(viewer),
    panelSettings(),
    personFloors(),
  ]);
  return panelCache.get(`${statistics}:${settings.updatedAt?.getTime() ?? 0}:${floorOf.key}`, () =>
    computePanelRule(viewer, settings, floorOf),
  );
}

/** The statistics page's figures and its panels' rule, under one reading of their version. */
export async function hiringStatisticsWithPanels(
  viewer: Viewer,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  if (!canSeeHiringStatistics(viewer)) throw new ForbiddenError({ key: "hiring:stats.forbidden" });
  const version = await statisticsVersion(viewer);
  const [statistics, panels] = await Promise.all([
    hiringStatistics(viewer, version, language),
    panelRuleStatistics(viewer, version),
  ]);
  return { ...statistics, panels };
}

const panelCache = new ViewCache<Awaited<ReturnType<typeof computePanelRule>>>({
  entries: 50,
  maxAgeMs: 15 * 60 * 1000,
});

async function computePanelRule(
  viewer: Viewer,
  settings: Awaited<ReturnType<typeof panelSettings>>,
  floorOf: PersonFloors,
) {
  const loops = await db.hiringLoop.findMany({
    where: {
      decision: { not: null },
      ...(viewer.isAdmin ? {} : { opening: { admins: { some: { userId: viewer.id } } } }),
      NOT: { interviews: { some: owedInterviews(viewer) } },
    },
    orderBy: [{ opening: { title: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      opening: { select: { id: true, title: true } },
      interviews: { select: { interviewer: { select: memberSelect } } },
    },
  });
  const openings = new Map<
    string,
    { id: string; title: string; met: number; total: number; interviewers: Set<string> }
  >();
  const everyone = new Set<string>();
  let met = 0;
  for (const loop of loops) {
    const members = loop.interviews.map((interview) => asMember(interview.interviewer));
    const meets = panelMix(members, settings.dimensions).metRule;
    const entry = openings.get(loop.opening.id) ?? {
      id: loop.opening.id,
      title: loop.opening.title,
      met: 0,
      total: 0,
      interviewers: new Set<string>(),
    };
    entry.total += 1;
    if (meets) entry.met += 1;
    for (const member of members) {
      entry.interviewers.add(member.id);
      everyone.add(member.id);
    }
    openings.set(loop.opening.id, entry);
    if (meets) met += 1;
  }
  const cells: Cell[] = [
    { id: "panels:all", members: [...everyone] },
    ...[...openings.values()].map((entry) => ({
      id: `panels:${entry.id}`,
      members: [...entry.interviewers],
    })),
  ];
  const release = disclosureCheck(cells, floorOf);
  const shown = (id: string) => release.shown.has(id);
  return {
    overall: loops.length && shown("panels:all") ? { met, total: loops.length } : null,
    counted: loops.length,
    openings: [...openings.values()].map((entry) => ({
      id: entry.id,
      title: entry.title,
      figure: shown(`panels:${entry.id}`) ? { met: entry.met, total: entry.total } : null,
    })),
  };
}
