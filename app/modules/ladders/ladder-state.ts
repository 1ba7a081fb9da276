import type { LadderError } from "./ladder-errors";
import type { LadderLoadResult } from "./load-ladder";
import type { Ladder } from "./types";

export interface ServedLadder {
  folder: string;
  ladder: Ladder;
  hash: string;
}

export interface LadderProblem {
  folder: string;
  errors: LadderError[];
  /** True when an earlier good version of this folder's ladder is still being served. */
  keptPrevious: boolean;
  /** When that version came from the database (after a restart), when it was stored. */
  storedAt?: Date;
}

/** What a folder's authors should fix although the ladder loads (or would, were it not for its errors). */
export interface LadderWarnings {
  folder: string;
  warnings: LadderError[];
}

export interface LadderState {
  served: ServedLadder[];
  problems: LadderProblem[];
  /** Folders whose latest load gave warnings, from that load. */
  warnings: LadderWarnings[];
}

export const emptyLadderState: LadderState = { served: [], problems: [], warnings: [] };

/**
 * The state after a (re)load: a folder that loads replaces what was served for it;
 * a folder that fails keeps its last good ladder, so nobody is ever served a
 * half-loaded ladder, and its errors are kept for admins to see.
 */
export function nextLadderState(
  previous: LadderState,
  loaded: readonly { folder: string; result: LadderLoadResult }[],
  /** The newest version stored for each folder, for a folder that fails with nothing served yet (after a restart). */
  stored: ReadonlyMap<string, ServedLadder & { storedAt: Date }> = new Map(),
): LadderState {
  const served: ServedLadder[] = [];
  const problems: LadderProblem[] = [];
  for (const { folder, result } of loaded) {
    if (result.ok) {
      served.push({ folder, ladder: result.ladder, hash: result.hash });
      continue;
    }
    const last = previous.served.find((entry) => entry.folder === folder);
    const previousProblem = previous.problems.find((problem) => problem.folder === folder);
    const fromStore = last ? undefined : stored.get(folder);
    if (last) served.push(last);
    else if (fromStore) served.push({ folder, ladder: fromStore.ladder, hash: fromStore.hash });
    const storedAt = fromStore?.storedAt ?? (last ? previousProblem?.storedAt : undefined);
    problems.push({
      folder,
      errors: result.errors,
      keptPrevious: Boolean(last ?? fromStore),
      ...(storedAt ? { storedAt } : {}),
    });
  }
  const warnings = loaded.flatMap(({ folder, result }) =>
    result.warnings.length > 0 ? [{ folder, warnings: result.warnings }] : [],
  );
  return { served, problems, warnings };
}
