/**
 * Whether anything shows this person's own rows at all: not once they are erased (decision 091).
 * Their figures then stay only inside aggregates, which still count them; their own pages answer
 * as if they did not exist (identity's canViewPerson asks this first), and a list of people leaves
 * them out or counts them, without a figure of theirs.
 */
export function readableAsPerson(erased: boolean): boolean {
  return !erased;
}
