import loadHighs from "highs";

/**
 * The bounded reader as the audits' releases are checked against it (decision 122). The reader knows
 * each unit's reach of each later stage is 0 or 1, that a stage is reached only through the one
 * before, that nobody goes back, who was in each row at each release (who is on which team is no
 * secret), and when a unit joined (0 then). Each figure read is a constraint on those unknowns: an
 * exact count an equality, a band two inequalities. A release pins someone when every assignment
 * that fits all that was read gives one unit the same value at one release.
 *
 * Found exactly by mixed-integer programming (HiGHS): starting from the truth, each solve maximises
 * how many values not yet seen otherwise take the other value; once a solve flips none, every value
 * left is pinned. The generated audit's attacker (test/utils/bounded-attacker.ts) is written apart
 * from this, from what the pages show, so that the tests do not check this against itself.
 */

/** A figure a release shows: of `members` (each with the stage it truly stood at then), between `low` and `high` had reached `stage`. */
export type ReadFigure = {
  members: readonly { unit: string; reached: number }[];
  stage: number;
  at: number;
  low: number;
  high: number;
};

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let loading: Promise<Highs> | null = null;
const solver = () => (loading ??= loadHighs());

/**
 * Whether what was read pins any unit's value. `stages`: the funnel's length (stage 0, where every
 * unit is, is no unknown); `joinedAt`: when each unit joined, at the first stage.
 */
export async function pinsAnyone(
  stages: number,
  figures: readonly ReadFigure[],
  joinedAt: ReadonlyMap<string, number>,
): Promise<boolean> {
  const index = new Map<string, number>();
  const keys: { unit: string; at: number }[] = [];
  const truth: number[] = [];
  const moments = new Map<string, Set<number>>();
  const column = (unit: string, stage: number, at: number, reached: number) => {
    const key = `${unit}|${stage}|${at}`;
    let found = index.get(key);
    if (found === undefined) {
      found = keys.length;
      index.set(key, found);
      keys.push({ unit, at });
      truth.push(reached >= stage ? 1 : 0);
      (moments.get(unit) ?? moments.set(unit, new Set()).get(unit)!).add(at);
    }
    return found;
  };
  const rows: { columns: number[]; values: number[]; low: number; high: number }[] = [];
  for (const figure of figures) {
    const columns = figure.members.map((member) => {
      for (let stage = 1; stage < stages; stage++)
        column(member.unit, stage, figure.at, member.reached);
      return index.get(`${member.unit}|${figure.stage}|${figure.at}`)!;
    });
    rows.push({ columns, values: columns.map(() => 1), low: figure.low, high: figure.high });
  }
  // Nobody goes back, and a stage is reached only through the one before.
  for (const [unit, seen] of moments) {
    const ordered = [...seen].sort((a, b) => a - b);
    for (const [position, at] of ordered.entries())
      for (let stage = 1; stage < stages; stage++) {
        const here = index.get(`${unit}|${stage}|${at}`)!;
        if (stage > 1)
          rows.push({
            columns: [here, index.get(`${unit}|${stage - 1}|${at}`)!],
            values: [1, -1],
            low: -Infinity,
            high: 0,
          });
        const next = ordered[position + 1];
        if (next !== undefined)
          rows.push({
            columns: [here, index.get(`${unit}|${stage}|${next}`)!],
            values: [1, -1],
            low: -Infinity,
            high: 0,
          });
      }
  }
  const known = (column: number) => joinedAt.get(keys[column]!.unit) === keys[column]!.at;
  const open = new Set(keys.flatMap((_, column) => (known(column) ? [] : [column])));
  if (!open.size) return false;
  const highs = await solver();
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    // One at a time: the organisation's row has every person in it.
    for (const [position, column] of row.columns.entries()) {
      indices.push(column);
      values.push(row.values[position]!);
    }
    starts.push(indices.length);
  }
  const numCols = keys.length;
  for (;;) {
    const result = highs.raw.mipCall({
      numCols,
      numRows: rows.length,
      sense: highs.constants.objectiveSense.maximize,
      colCost: keys.map((_, column) => (open.has(column) ? (truth[column] ? -1 : 1) : 0)),
      colLower: keys.map(() => 0),
      colUpper: keys.map((_, column) => (known(column) ? 0 : 1)),
      rowLower: rows.map((row) => (row.low === -Infinity ? -highs.infinity : row.low)),
      rowUpper: rows.map((row) => row.high),
      matrix: { format: "csr", numRows: rows.length, numCols, starts, indices, values },
      integrality: keys.map(() => highs.constants.variableType.integer),
    });
    if (result.status === -1 || result.value.modelStatus !== highs.constants.modelStatus.optimal)
      throw new Error(`the solver did not finish: ${JSON.stringify(result.status)}`);
    const solution = result.value.solution.colValue;
    let flipped = 0;
    for (const column of [...open])
      if (Math.round(solution[column]!) !== truth[column]) {
        open.delete(column);
        flipped += 1;
      }
    if (!open.size) return false;
    if (!flipped) return true;
  }
}
