import loadHighs from "highs";

/**
 * The bounded attacker of the disclosure audits (issue 80, point 3; decision 105). A reader knows each
 * person's step (nominated, promoted, sponsored) is 0 or 1, that a later stage is reached only through
 * the one before, that nobody goes back, and who was in each row when its figures were taken (who is
 * on which team is no secret). Every figure they read is a constraint on those unknowns: an exact
 * count an equality, a band two inequalities. A person's value on a day is pinned when every
 * assignment that fits all of it gives them the same value there.
 *
 * Unknowns are a person's reach of each later stage at each moment some figure was taken over them:
 * between two such moments nothing is read of them, and monotony alone cannot pin what neither end
 * pins. Pinned values are found exactly by mixed-integer programming (HiGHS, the solver scipy uses):
 * starting from the truth (which fits), each solve maximises how many values not yet seen otherwise
 * take the other value; those it flips are free, and once a solve flips none, every value left is
 * pinned. Independent of the app's check: nothing here is imported from it.
 */

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let loading: Promise<Highs> | null = null;
const solver = () => (loading ??= loadHighs());

export type Pinned = { person: string; stage: number; at: number; value: number };

export class BoundedReader {
  private readonly index = new Map<string, number>();
  private readonly keys: { person: string; stage: number; at: number }[] = [];
  private readonly truth: number[] = [];
  private readonly rows: { columns: number[]; low: number; high: number }[] = [];
  private readonly moments = new Map<string, Set<number>>();
  private readonly joinedAt = new Map<string, number>();

  /** `stages`: the funnel's length; stage 0 is where everyone is (no unknown). */
  constructor(private readonly stages: number) {}

  private column(person: string, stage: number, at: number, reached: number): number {
    const key = `${person}|${stage}|${at}`;
    let column = this.index.get(key);
    if (column === undefined) {
      column = this.keys.length;
      this.index.set(key, column);
      this.keys.push({ person, stage, at });
      this.truth.push(reached >= stage ? 1 : 0);
      (this.moments.get(person) ?? this.moments.set(person, new Set()).get(person)!).add(at);
    }
    return column;
  }

  /**
   * A figure read: of `members` (each with the stage they truly stood at, at moment `at`), between `low`
   * and `high` had reached `stage` (equal for an exact count).
   */
  read(
    members: readonly { person: string; reached: number }[],
    stage: number,
    at: number,
    low: number,
    high: number,
  ): void {
    const columns = members.map((member) => {
      for (let other = 1; other < this.stages; other++)
        this.column(member.person, other, at, member.reached);
      return this.index.get(`${member.person}|${stage}|${at}`)!;
    });
    const truth = columns.reduce((sum, column) => sum + this.truth[column]!, 0);
    if (truth < low || truth > high)
      throw new Error(`a figure read does not hold of the truth: ${truth} not in ${low}–${high}`);
    this.rows.push({ columns, low, high });
  }

  /**
   * The reader knows `person` joined at moment `at` at the first stage (a window's eligible people at
   * its opening, someone new): their values then are known to be 0, so they are no unknowns, and no
   * pin of them is counted.
   */
  joined(person: string, at: number): void {
    this.joinedAt.set(person, at);
  }

  get unknowns(): number {
    return this.keys.length;
  }

  /** Every person-stage-moment whose value all that was read pins. */
  async pinned(): Promise<Pinned[]> {
    const highs = await solver();
    const rows: { columns: number[]; values: number[]; low: number; high: number }[] =
      this.rows.map((row) => ({ ...row, values: row.columns.map(() => 1) }));
    // Nobody goes back, and a stage is reached only through the one before.
    for (const [person, moments] of this.moments) {
      const ordered = [...moments].sort((a, b) => a - b);
      for (const [position, at] of ordered.entries()) {
        for (let stage = 1; stage < this.stages; stage++) {
          const here = this.index.get(`${person}|${stage}|${at}`)!;
          if (stage > 1) {
            const before = this.index.get(`${person}|${stage - 1}|${at}`)!;
            rows.push({ columns: [here, before], values: [1, -1], low: -Infinity, high: 0 });
          }
          const next = ordered[position + 1];
          if (next !== undefined) {
            const later = this.index.get(`${person}|${stage}|${next}`)!;
            rows.push({ columns: [here, later], values: [1, -1], low: -Infinity, high: 0 });
          }
        }
      }
    }
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const row of rows) {
      indices.push(...row.columns);
      values.push(...row.values);
      starts.push(indices.length);
    }
    const numCols = this.keys.length;
    const known = (column: number) =>
      this.joinedAt.get(this.keys[column]!.person) === this.keys[column]!.at;
    const open = new Set(this.keys.flatMap((_, column) => (known(column) ? [] : [column])));
    for (;;) {
      if (!open.size) return [];
      const colCost = this.keys.map((_, column) =>
        open.has(column) ? (this.truth[column] ? -1 : 1) : 0,
      );
      const result = highs.raw.mipCall({
        numCols,
        numRows: rows.length,
        sense: highs.constants.objectiveSense.maximize,
        colCost,
        colLower: this.keys.map(() => 0),
        colUpper: this.keys.map((_, column) => (known(column) ? 0 : 1)),
        rowLower: rows.map((row) => (row.low === -Infinity ? -highs.infinity : row.low)),
        rowUpper: rows.map((row) => row.high),
        matrix: { format: "csr", numRows: rows.length, numCols, starts, indices, values },
        integrality: this.keys.map(() => highs.constants.variableType.integer),
      });
      if (result.status === -1 || result.value.modelStatus !== highs.constants.modelStatus.optimal)
        throw new Error(`the solver did not finish: ${JSON.stringify(result.status)}`);
      const solution = result.value.solution.colValue;
      let flipped = 0;
      for (const column of [...open])
        if (Math.round(solution[column]!) !== this.truth[column]) {
          open.delete(column);
          flipped += 1;
        }
      if (!flipped)
        return [...open].map((column) => ({ ...this.keys[column]!, value: this.truth[column]! }));
    }
  }
}
