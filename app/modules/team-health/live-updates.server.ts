import { liveChannel } from "~/platform/live-channel.server";

/**
 * "Something changed in check-in X" (an answer, or its close), to everyone watching a live
 * check-in's room, within a second, on every app server: the live channel of
 * app/platform/live-channel.server.ts, as calibration's meeting mode has it. A message carries the
 * check-in's id only: the room reloads what it may show through its own loader.
 * `announceCheckInChange(checkInId)` after the change commits; `watchCheckIn(checkInId, onChange)`
 * until the function it resolves to is called.
 */
export const { announce: announceCheckInChange, watch: watchCheckIn } = liveChannel({
  channel: "rungs_team_health",
  siblingTopic: "team-health-check-in-changed",
});
