import { existsSync, watch, type FSWatcher } from "node:fs";

export type FolderWatch = {
  close(): void;
  /** The current watcher (replaced after an error). */ current(): FSWatcher | null;
};

/**
 * Watches a ladder folder in development, calling `onChange` (debounced) after edits. A
 * watcher can fail (a folder deleted under it, the folder itself gone): the error is
 * logged, never thrown, and watching starts again once the folder is there, so the
 * server keeps serving the last good ladder meanwhile.
 */
export function watchFolder(
  dir: string,
  onChange: () => void,
  log: (message: string) => void = (message) => console.warn(message),
  retryMs = 1000,
): FolderWatch {
  let watcher: FSWatcher | null = null;
  let timer: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const start = () => {
    if (closed) return;
    if (!existsSync(dir)) {
      retry = setTimeout(start, retryMs);
      retry.unref();
      return;
    }
    try {
      watcher = watch(dir, { recursive: true }, () => {
        clearTimeout(timer);
        timer = setTimeout(onChange, 150);
      });
    } catch (error) {
      fail(error);
      return;
    }
    watcher.on("error", fail);
  };

  function fail(error: unknown) {
    log(
      `Stopped watching ${dir} for ladder changes (${error instanceof Error ? error.message : String(error)}); watching again when it is there.`,
    );
    watcher?.close();
    watcher = null;
    onChange();
    retry = setTimeout(start, retryMs);
    retry.unref();
  }

  start();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      clearTimeout(retry);
      watcher?.close();
    },
    current: () => watcher,
  };
}
