import type { z } from "zod";
import type { Viewer } from "~/modules/identity/policy";
import { REVERSED_ITEMS } from "~/modules/team-health/items";
import { healthHome, teamResults } from "~/modules/team-health/team-health.server";
import { dateToDay } from "~/modules/days";
import type { ApiTeamHealthResults, ApiTeamHealthResultsList } from "./schemas";

/**
 * Team health through the API (decision 113): the results the team health pages show the token's
 * person, through the same services and so the same rules (canReadResults, the release of whole
 * batches, the withholding of answers too alike). Each body is the page's figures and nothing of the
 * page's own working: no "answered" flag (the page shows a person only their own, and the API is
 * no place to ask it), no batch numbers, no standard errors, no rows for Cronbach's alpha, no list
 * of who was asked, and nothing of a partial batch.
 */

/** The results on the person's team health page, newest check-in first. */
export async function teamHealthResultsByApi(
  viewer: Viewer,
): Promise<z.output<typeof ApiTeamHealthResultsList>> {
  const { results } = await healthHome(viewer);
  return {
    data: results.map((row) => ({
      checkInId: row.checkInId,
      team: { id: row.teamId, name: row.team },
      startedAt: row.startedAt.toISOString(),
      closesAt: row.closesAt.toISOString(),
      open: row.open,
      releasedAt: row.releasedAt?.toISOString() ?? null,
    })),
  };
}

/** One team's results in a check-in as its page shows them; a 404 for whoever may not open the page. */
export async function teamHealthResultByApi(
  viewer: Viewer,
  checkInId: string,
  teamId: string,
): Promise<z.output<typeof ApiTeamHealthResults>> {
  const view = await teamResults(viewer, checkInId, teamId);
  return {
    checkInId: view.checkInId,
    team: { id: view.teamId, name: view.team },
    open: view.open,
    closesAt: view.closesAt.toISOString(),
    releasedAt: view.releasedAt?.toISOString() ?? null,
    floor: view.floor,
    answers: view.answers,
    asked: view.asked,
    score: view.score ? { estimate: view.score.estimate, interval: view.score.interval } : null,
    change: view.change,
    items: view.items.map((row) => ({
      item: row.item,
      reversed: view.ownItems[row.item]?.reversed ?? REVERSED_ITEMS.has(row.item),
      own: view.ownItems[row.item]
        ? { language: view.ownItems[row.item]!.language, wording: view.ownItems[row.item]!.wording }
        : null,
      shown: row.figures
        ? {
            n: row.figures.n,
            distribution: row.figures.distribution,
            mean: row.figures.mean,
            scoredMean: row.figures.scoredMean,
            interval: row.figures.interval,
          }
        : null,
      withheld: row.withheld,
    })),
    furthest: view.furthest,
    followUp: view.followUp,
    helped: view.followUp ? (view.helped?.counts ?? null) : null,
    comments: view.answers > 0 ? view.comments : [],
    action: view.action
      ? {
          item: view.action.item,
          text: view.action.text,
          owner: view.action.owner,
          dueOn: dateToDay(view.action.dueOn),
          doneAt: view.action.doneAt?.toISOString() ?? null,
        }
      : null,
    trend: view.trend.map((row) => ({
      checkInId: row.checkInId,
      startedAt: row.startedAt.toISOString(),
      score: row.score,
      interval: row.interval,
    })),
  };
}
