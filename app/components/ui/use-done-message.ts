import { useSearchParams } from "react-router";

/**
 * What an action just did, which it names in the `?done=` of the page it redirects to: one of
 * `words` (a value of `done` not among them is nothing), and nothing once an action has answered
 * on the page instead (`answered`, the page's action data). For a page whose message depends on
 * more than the word (a name read from the record, where the message is shown).
 */
export function useDone<const W extends string>(words: readonly W[], answered: unknown): W | null {
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done") ?? "";
  return answered || !(words as readonly string[]).includes(done) ? null : (done as W);
}

/** As `useDone`, the message for what was done: one of `messages`, by the word in `?done=`. */
export function useDoneMessage<const M extends Record<string, string>>(
  messages: M,
  answered: unknown,
): M[keyof M] | null {
  const done = useDone(Object.keys(messages) as (keyof M & string)[], answered);
  return done === null ? null : messages[done];
}
