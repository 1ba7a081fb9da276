import { levelLabel } from "~/modules/ladders";
import type { PageLanguage } from "~/i18n/languages";
import {
  ladderForPerson,
  ladderInLanguage,
  servedLaddersIn,
} from "~/modules/ladders/registry.server";
import { directReports, homePlace, organisationSize } from "./queries.server";

/** Direct reports named on the home page; the team page has them all. */
export const HOME_REPORTS_SHOWN = 12;

/** What the home page shows a person: their place in the organisation and the first of their reports, with how many they have (queries.server.ts). */
export async function homeSummary(personId: string, isAdmin: boolean, language: PageLanguage) {
  const [{ meRow, organisation }, { reports: reportRows, total: reportCount }] = await Promise.all([
    homePlace(personId).then(async ({ place, peopleChanged }) => ({
      meRow: place,
      organisation: isAdmin ? await organisationSize(peopleChanged) : null,
    })),
    directReports(personId, HOME_REPORTS_SHOWN),
  ]);
  if (!meRow) throw new Error(`No person ${personId}`);
  const me = {
    name: meRow.name,
    track: meRow.track,
    level: meRow.level,
    team: meRow.teamName === null ? null : { name: meRow.teamName },
    manager: meRow.managerName === null ? null : { name: meRow.managerName },
  };
  const ladders = reportRows.length
    ? (await servedLaddersIn(language)).map((served) => served.ladder)
    : [];
  // Each report's level as its title ("Engineer II", "Engineer II · B" at a sub-level), from their own ladder.
  const reports = reportRows.map(({ reports: count, ladderId, sublevel, ...report }) => ({
    ...report,
    levelTitle: levelLabel(ladders, report.level, ladderId, sublevel),
    _count: { reports: count },
  }));
  const served = await ladderForPerson({ ladderId: meRow.ladderId, level: me.level });
  const ladder = served && ladderInLanguage(served.ladder, language).ladder;
  const track = ladder?.tracks.find((t) => t.id === me.track);
  const level = track?.levels.find((l) => l.id === me.level);
  const place =
    ladder && track && level
      ? {
          ladderId: ladder.meta.id,
          trackName: track.name,
          levelId: level.id,
          levelTitle: level.title,
        }
      : null;
  return { me, place, reports, reportCount, organisation };
}
