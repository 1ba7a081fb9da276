import { liveChannel } from "~/platform/live-channel.server";

/**
 * "Something changed in session X", to everyone viewing it (meeting mode), on every app server:
 * the live channel of app/platform/live-channel.server.ts. Messages carry the session id only:
 * viewers reload what they may see through the ordinary loaders, with their own access checks.
 * `announceSessionChange(sessionId)` after the change commits; `watchSession(sessionId, onChange)`
 * until the function it resolves to is called.
 */
export const { announce: announceSessionChange, watch: watchSession } = liveChannel({
  channel: "rungs_calibration",
  siblingTopic: "calibration-session-changed",
});
