import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import type { Viewer } from "~/modules/identity/policy";
import { personFloors } from "~/modules/disclosure/floors.server";
import {
  outcomeDimensions,
  outcomeGroups,
  outcomeTableRelease,
} from "~/modules/disclosure/outcomes";
import { sessionTable } from "~/modules/disclosure/reports";
import { NotFoundError } from "~/modules/errors";
import { keptOutcomeRelease } from "./outcome-releases.server";
import { calibrationInScope, insightsVersion } from "./queries.server";
import { getLevel, getTrack } from "~/modules/ladders";
import { requireLadderOfVersionIn } from "~/modules/ladders/versions.server";
import { parseAttributes } from "~/modules/people/attributes";
import { feedbackWriting } from "~/modules/feedback/writing.server";
import { fairnessReport, type Dimension } from "~/modules/calibration/fairness";
import { canSeeFairness } from "~/modules/calibration/policy";
import { requireSessionAccess } from "~/modules/calibration/sessions.server";
import { largest } from "~/utils/extremes";

/**
 * The fairness report of a locked or published session, for admins; a 404 for anyone else and before
 * the lock. What it shows is released together with every other report over the cycle's people that
 * an admin reads (the insights page's cycle and groups, the cycle's other sessions): the disclosure
 * check runs over all of them, as the insights page runs it (decision 060).
 */
export async function fairnessView(
  viewer: Viewer,
  sessionId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const session = await requireSessionAccess(viewer, sessionId);
  if (!canSeeFairness(viewer, session.access))
    throw new NotFoundError({ key: "calibration:errors.noFairnessReport" });
  const version = await insightsVersion();
  const [{ ladder }, cycleRows, floorOf] = await Promise.all([
    requireLadderOfVersionIn(session.ladderVersionId, language),
    calibrationInScope({ kind: "organisation" }, session.cycleId),
    personFloors(),
  ]);
  const entries = cycleRows.map((row) => ({ ...row, attributes: parseAttributes(row.attributes) }));
  const release = await keptOutcomeRelease(
    { kind: "organisation" },
    version,
    session.cycleId,
    entries,
    floorOf,
  );
  const own = entries.filter((entry) => entry.sessionId === sessionId);
  const dimensionIds = outcomeDimensions(
    entries.filter((entry) => entry.cycleId === session.cycleId),
  );
  const dimensions: Dimension[] = dimensionIds.map((id) =>
    id === "team"
      ? { id, label: "Team" }
      : id === "track"
        ? { id, label: "Track", groupLabel: (value) => getTrack(ladder, value)?.name ?? value }
        : id === "level"
          ? { id, label: "Level", groupLabel: (value) => getLevel(ladder, value)?.title ?? value }
          : {
              id,
              label:
                id.charAt("attribute:".length).toUpperCase() + id.slice("attribute:".length + 1),
            },
  );
  const feedback = await feedbackWriting(
    session.cycleId,
    own.map((entry) => entry.personId),
  );
  const people = own.map((entry) => ({
    finalRating: entry.finalRating,
    promoted: entry.finalOutcome === "promote",
    groups: outcomeGroups(entry, dimensionIds),
    feedback: feedback.get(entry.personId),
  }));
  return {
    session: { id: session.id, name: session.name, state: session.state },
    floor: largest(
      own.map((entry) => floorOf(entry.personId)),
      session.groupFloor,
    ),
    report: fairnessReport(
      people,
      dimensions,
      outcomeTableRelease(release, sessionTable(sessionId)),
    ),
  };
}
