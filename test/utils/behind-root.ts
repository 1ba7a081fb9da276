import * as root from "~/root";
import type { routeArgs } from "./responses";

type Args = ReturnType<typeof routeArgs>;

/**
 * A loader or action run behind the root's middleware, as the app runs it: the request's language
 * is chosen as a page's is (the signed-in person's own choice, else the browser's), so that
 * `languageOf` and `translatorOf` answer in it. Whatever the loader or action answers or throws
 * is this call's.
 */
export async function behindRoot(run: (args: Args) => Promise<unknown>, args: Args) {
  let answer: unknown;
  const last = async () => {
    answer = await run(args);
    return new Response(null);
  };
  const chain = root.middleware.reduceRight<() => Promise<Response>>(
    (next, middleware) => async () =>
      ((await middleware(args as never, next as never)) as Response | undefined) ??
      new Response(null),
    last,
  );
  await chain();
  return answer;
}
