import { EventEmitter } from "node:events";
import { metrics } from "~/platform/metrics.server";
import {
  listenToServers,
  serversTalkThroughDatabase,
  tellServers,
} from "~/platform/servers.server";
import { onSiblingMessage, tellSiblings } from "~/platform/siblings.server";

/**
 * "Something changed in session X", to everyone viewing it, within a second. One server keeps
 * its viewers in an in-process emitter; on PostgreSQL the change also goes to every app server
 * (app/platform/servers.server.ts), so viewers on each of them hear it. Messages carry the
 * session id only: viewers reload what they may see through the ordinary loaders, with their own
 * access checks. On SQLite, where every app process is on one machine (WEB_CONCURRENCY), the
 * change goes to the others through the primary process (app/platform/siblings.server.ts).
 */

const CHANNEL = "rungs_calibration";
const local = new EventEmitter();
local.setMaxListeners(0);
const SIBLING_TOPIC = "calibration-session-changed";
onSiblingMessage(SIBLING_TOPIC, (sessionId) => local.emit(sessionId));

/** Tells every viewer of the session, on every server, that it changed. Call after the change commits. */
export async function announceSessionChange(sessionId: string): Promise<void> {
  if (serversTalkThroughDatabase()) {
    await tellServers(CHANNEL, sessionId);
  } else {
    local.emit(sessionId);
    tellSiblings(SIBLING_TOPIC, sessionId);
  }
}

/** Calls `onChange` whenever the session changes, until the returned function is called. */
export async function watchSession(sessionId: string, onChange: () => void): Promise<() => void> {
  await listenToServers(CHANNEL, {
    heard: (changed) => local.emit(changed),
    wanted: () => local.eventNames().length > 0,
    // A change may have been announced while the connection was down: every viewer reloads.
    missed: () => {
      for (const watched of local.eventNames()) local.emit(watched);
    },
  });
  local.on(sessionId, onChange);
  const { eventStreams } = metrics();
  eventStreams.inc();
  let watching = true;
  return () => {
    if (!watching) return;
    watching = false;
    eventStreams.dec();
    local.off(sessionId, onChange);
  };
}
