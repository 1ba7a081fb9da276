/**
 * Metrics are labelled by route pattern ("/calibration/:sessionId"), never by the path a
 * request named ("/calibration/7f3a…"): ids would make a series per person and session, and
 * would put them into whatever stores the metrics.
 */
export interface RouteManifestEntry {
  id: string;
  parentId?: string;
  path?: string;
}

/** What a path matches when no route does (a 404, a stray file). */
export const UNMATCHED = "(unmatched)";

interface Pattern {
  pattern: string;
  segments: string[];
  score: number;
}

/** The full pattern of every route of a React Router build's manifest (`build.routes`). */
export function routePatterns(routes: Record<string, RouteManifestEntry | undefined>): Pattern[] {
  const fullPath = (id: string | undefined): string[] => {
    const route = id ? routes[id] : undefined;
    if (!route) return [];
    return [...fullPath(route.parentId), ...(route.path ?? "").split("/").filter(Boolean)];
  };
  const byPattern = new Map<string, Pattern>();
  for (const route of Object.values(routes)) {
    if (!route) continue;
    const segments = fullPath(route.id);
    const pattern = `/${segments.join("/")}`;
    byPattern.set(pattern, {
      pattern,
      segments,
      score: segments.reduce((sum, segment) => sum + segmentScore(segment), 0),
    });
  }
  // The most specific first: static segments outrank parameters, parameters outrank a splat.
  return [...byPattern.values()].sort(
    (a, b) => b.score - a.score || b.segments.length - a.segments.length,
  );
}

function segmentScore(segment: string): number {
  if (segment === "*") return 1;
  if (segment.startsWith(":")) return 3;
  return 10;
}

/**
 * The pattern a request path falls under; data requests count as their page: "/team.data" is
 * "/team", and a path ending in a slash asks for its data at "_.data" ("/_.data" is the home page's).
 */
export function patternOf(path: string, patterns: Pattern[]): string {
  if (path.startsWith("/assets/")) return "/assets/*";
  const page = path.replace(/\/_\.data$/, "/").replace(/\.data$/, "");
  const segments = page.split("/").filter(Boolean);
  for (const candidate of candidatesFor(patterns, segments[0])) {
    if (matches(candidate.segments, segments)) return candidate.pattern;
  }
  return UNMATCHED;
}

/**
 * The patterns a path whose first segment is `first` can match, most specific first: those whose
 * first segment is that word, and those whose first segment takes any (a parameter, an optional
 * segment, a splat, or none). Worked out once per table and word: every request is labelled, and
 * trying each of Rungs' 120 patterns in turn cost every page and `/ping` a few microseconds.
 */
type ByFirstSegment = { open: Pattern[]; byWord: Map<string, Pattern[]> };
const indexes = new WeakMap<Pattern[], ByFirstSegment>();

function candidatesFor(patterns: Pattern[], first: string | undefined): Pattern[] {
  let index = indexes.get(patterns);
  if (!index) {
    const fixed = (pattern: Pattern) => {
      const head = pattern.segments[0];
      return head !== undefined && head !== "*" && !head.startsWith(":") && !head.endsWith("?")
        ? head.toLowerCase()
        : null;
    };
    const byWord = new Map<string, Pattern[]>();
    for (const word of new Set(patterns.map(fixed)))
      if (word !== null)
        byWord.set(
          word,
          patterns.filter((pattern) => fixed(pattern) === null || fixed(pattern) === word),
        );
    index = { open: patterns.filter((pattern) => fixed(pattern) === null), byWord };
    indexes.set(patterns, index);
  }
  return (first === undefined ? undefined : index.byWord.get(first.toLowerCase())) ?? index.open;
}

function matches(pattern: string[], segments: string[]): boolean {
  let index = 0;
  for (const part of pattern) {
    if (part === "*") return true;
    const optional = part.endsWith("?");
    const segment = segments[index];
    if (segment === undefined) {
      if (optional) continue;
      return false;
    }
    const name = optional ? part.slice(0, -1) : part;
    if (name.startsWith(":") || name.toLowerCase() === segment.toLowerCase()) index++;
    else if (!optional) return false;
  }
  return index === segments.length;
}
