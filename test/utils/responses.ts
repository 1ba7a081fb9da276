import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

/**
 * Remix loaders and actions answer with plain data, `data(value, init)` (single
 * fetch) or a Response, and may throw either. These read status and body alike.
 */
type DataWithInit = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isDataWithInit(value: unknown): value is DataWithInit {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

export function statusOf(value: unknown): number {
  // A crash is not an answer: reading it as 200 would let a test that expects a page pass on an exception.
  if (value instanceof Error) throw value;
  if (value instanceof Response) return value.status;
  if (isDataWithInit(value)) return value.init?.status ?? 200;
  return 200;
}

export function bodyOf<T = unknown>(value: unknown): T {
  if (isDataWithInit(value)) return value.data as T;
  return value as T;
}

/** Runs a loader or action that is expected to throw, and returns what it threw. */
export async function thrown(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

/** The arguments Remix passes to a loader or action. */
export function routeArgs(request: Request, params: Record<string, string> = {}): LoaderFunctionArgs & ActionFunctionArgs {
  return { request, params, context: { clientAddress: "127.0.0.1" } };
}

/** A loader's answer as text, whatever it answered or threw (a 404's body included): what a privacy sweep searches for markers. */
export async function answerText(loader: (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>, request: Request, params: Record<string, string> = {}): Promise<string> {
  let answer: unknown;
  try {
    answer = await loader(routeArgs(request, params));
  } catch (error) {
    answer = error;
  }
  if (answer instanceof Response) return `${answer.status} ${await answer.text()}`;
  if (answer instanceof Error) throw answer;
  return `${statusOf(answer)} ${JSON.stringify(bodyOf(answer))}`;
}
