import { useSearchParams } from "react-router";

/**
 * The message for what an action just did, which it names in the `?done=` of the page it
 * redirects to: one of `messages` (a value of `done` not among them shows nothing), and nothing
 * once an action has answered on the page instead (`answered`, the page's action data).
 */
export function useDoneMessage<const M extends Record<string, string>>(
  messages: M,
  answered: unknown,
): M[keyof M] | null {
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done") ?? "";
  return answered || !Object.hasOwn(messages, done) ? null : messages[done as keyof M];
}
