import { db } from "~/db/client.server";
import { personFloors } from "~/modules/disclosure/floors.server";
import { offeredLadders } from "~/modules/ladders/retired.server";
import { windowOutcomes } from "./outcomes";
import { known } from "./history";
import { WINDOW_STATES, windowOutcomesShown, windowStillDecides } from "./policy";
import { allSettings, settingsFor } from "./settings.server";

/**
 * How promotion works here, for every signed-in person: per ladder, who decides (calibration or
 * committees), who may nominate, the committee rules and the criteria (the ladder's levels); the
 * calendar of windows past their draft; and each closed window's outcomes in aggregate, through the
 * one disclosure check. Nothing about any one person.
 */
export async function promotionProcess() {
  const [settingsRows, ladders, windows] = await Promise.all([
    allSettings(),
    offeredLadders(),
    db.promotionWindow.findMany({
      where: { state: { not: "draft" } },
      select: {
        id: true,
        name: true,
        ladderId: true,
        state: true,
        nominationsOpenOn: true,
        nominationsCloseOn: true,
        packetsDueOn: true,
        votesDueOn: true,
        effectiveOn: true,
        openedAt: true,
      },
      orderBy: [{ nominationsOpenOn: "desc" }, { id: "asc" }],
    }),
  ]);
  const closed = windows.filter(windowOutcomesShown);
  const nominees = closed.length
    ? await db.promotionNomination.findMany({
        where: { windowId: { in: closed.map((window) => window.id) } },
        select: {
          windowId: true,
          nomineeId: true,
          state: true,
          decision: { select: { outcome: true, releasedAt: true } },
        },
      })
    : [];
  const floors = await personFloors();
  const outcomes = windowOutcomes(
    closed.map((window) => ({
      windowId: window.id,
      nominees: nominees
        .filter((nominee) => nominee.windowId === window.id)
        .map((nominee) => ({
          personId: nominee.nomineeId,
          outcome:
            nominee.state !== "withdrawn" && nominee.decision?.releasedAt
              ? nominee.decision.outcome
              : null,
        })),
    })),
    floors,
  );
  return {
    ladders: ladders.map((served) => {
      const settings = settingsFor(served.ladder.meta.id, settingsRows);
      return {
        id: served.ladder.meta.id,
        name: served.ladder.meta.name,
        mode: settings.mode,
        // Said beside a calibration process: these windows' committees still decide their nominations.
        windowsStillDeciding: windows.filter(
          (window) => window.ladderId === served.ladder.meta.id && windowStillDecides(window),
        ).length,
        selfNomination: settings.selfNomination,
        sponsorNomination: settings.sponsorNomination,
        minMembers: settings.minMembers,
        membersAtOrAbove: settings.membersAtOrAbove,
        minOutsideMembers: settings.minOutsideMembers,
        redactedFirstRead: settings.redactedFirstRead,
        tracks: served.ladder.tracks.map((track) => ({
          id: track.id,
          name: track.name,
          levels: track.levels.map((level) => ({ id: level.id, title: level.title })),
        })),
      };
    }),
    windows: windows.map((window) => ({
      ...window,
      state: known(WINDOW_STATES, window.state, "closed"),
      outcome: outcomes.find((outcome) => outcome.windowId === window.id) ?? null,
    })),
  };
}
