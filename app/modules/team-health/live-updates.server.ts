import { EventEmitter } from "node:events";
import { metrics } from "~/platform/metrics.server";
import {
  listenToServers,
  serversTalkThroughDatabase,
  tellServers,
} from "~/platform/servers.server";
import { onSiblingMessage, tellSiblings } from "~/platform/siblings.server";

/**
 * "Something changed in check-in X" (an answer, or its close), to everyone watching a live
 * check-in's room, within a second: the same way calibration's meeting mode hears its changes
 * (calibration/live.server.ts). One server keeps its watchers in an in-process emitter; on PostgreSQL
 * the change goes to every app server by LISTEN/NOTIFY (app/platform/servers.server.ts); on SQLite
 * to the machine's other processes through the primary (app/platform/siblings.server.ts). A message
 * carries the check-in's id only: the room reloads what it may show through its own loader.
 */

const CHANNEL = "rungs_team_health";
const local = new EventEmitter();
local.setMaxListeners(0);
const SIBLING_TOPIC = "team-health-check-in-changed";
onSiblingMessage(SIBLING_TOPIC, (checkInId) => local.emit(checkInId));

/** Tells every watcher of the check-in, on every server, that it changed. Call after the change commits. */
export async function announceCheckInChange(checkInId: string): Promise<void> {
  if (serversTalkThroughDatabase()) {
    await tellServers(CHANNEL, checkInId);
  } else {
    local.emit(checkInId);
    tellSiblings(SIBLING_TOPIC, checkInId);
  }
}

/** Calls `onChange` whenever the check-in changes, until the returned function is called. */
export async function watchCheckIn(checkInId: string, onChange: () => void): Promise<() => void> {
  await listenToServers(CHANNEL, {
    heard: (changed) => local.emit(changed),
    wanted: () => local.eventNames().length > 0,
    // A change may have been announced while the connection was down: every watcher reloads.
    missed: () => {
      for (const watched of local.eventNames()) local.emit(watched);
    },
  });
  local.on(checkInId, onChange);
  const { eventStreams } = metrics();
  eventStreams.inc();
  let watching = true;
  return () => {
    if (!watching) return;
    watching = false;
    eventStreams.dec();
    local.off(checkInId, onChange);
  };
}
