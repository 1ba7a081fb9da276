/**
 * Ladder files come from whoever can commit to the frameworks folder (or, later, upload one),
 * so every load is bounded: a hostile or broken file must fail fast with a clear message,
 * never exhaust memory or the stack.
 */
export interface LadderLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
  maxFiles: number;
  /** Collections inside collections; the real format needs about 9. */
  maxDepth: number;
  /** Anchors are handy for a shared `tracks` list; many aliases only serve "billion laughs". */
  maxAliases: number;
  /** Values (scalars, lists, mappings) all aliases in one file may add when expanded. */
  maxAliasExpansion: number;
}

export const DEFAULT_LADDER_LIMITS: LadderLimits = {
  maxFileBytes: 256 * 1024,
  maxTotalBytes: 4 * 1024 * 1024,
  maxFiles: 200,
  maxDepth: 24,
  maxAliases: 16,
  maxAliasExpansion: 10_000,
};

export function resolveLimits(overrides?: Partial<LadderLimits>): LadderLimits {
  return { ...DEFAULT_LADDER_LIMITS, ...overrides };
}

/** A size in an author's message, with the unit's symbol, so no count needs a plural. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} B`;
}
