import { EventEmitter } from "node:events";
import { metrics } from "~/platform/metrics.server";
import {
  listenToServers,
  serversTalkThroughDatabase,
  tellServers,
} from "~/platform/servers.server";
import { onSiblingMessage, tellSiblings } from "~/platform/siblings.server";

/**
 * "Something changed in X", to everyone watching X, within a second: a calibration session in
 * meeting mode, a live check-in's room. One server keeps its watchers in an in-process emitter; on
 * PostgreSQL the change goes to every app server by LISTEN/NOTIFY (servers.server.ts), so watchers
 * on each of them hear it. On SQLite, where every app process is on one machine (WEB_CONCURRENCY),
 * the change goes to the others through the primary process (siblings.server.ts). A message carries
 * the id only: watchers reload what they may see through the ordinary loaders, with their own
 * access checks.
 */
export type LiveChannel = {
  /** Tells every watcher of `id`, on every server, that it changed. Call after the change commits. */
  announce: (id: string) => Promise<void>;
  /** Calls `onChange` whenever `id` changes, until the returned function is called. */
  watch: (id: string, onChange: () => void) => Promise<() => void>;
};

/**
 * One live channel: `channel` is its LISTEN/NOTIFY channel between servers (lower case and
 * underscores), `siblingTopic` its topic between the processes of one machine. Make each channel
 * once, when its module loads (it starts hearing its siblings then).
 */
export function liveChannel({
  channel,
  siblingTopic,
}: {
  channel: string;
  siblingTopic: string;
}): LiveChannel {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  onSiblingMessage(siblingTopic, (id) => local.emit(id));

  return {
    async announce(id) {
      if (serversTalkThroughDatabase()) {
        await tellServers(channel, id);
      } else {
        local.emit(id);
        tellSiblings(siblingTopic, id);
      }
    },

    async watch(id, onChange) {
      await listenToServers(channel, {
        heard: (changed) => local.emit(changed),
        wanted: () => local.eventNames().length > 0,
        // A change may have been announced while the connection was down: every watcher reloads.
        missed: () => {
          for (const watched of local.eventNames()) local.emit(watched);
        },
      });
      local.on(id, onChange);
      const { eventStreams } = metrics();
      eventStreams.inc();
      let watching = true;
      return () => {
        if (!watching) return;
        watching = false;
        eventStreams.dec();
        local.off(id, onChange);
      };
    },
  };
}
