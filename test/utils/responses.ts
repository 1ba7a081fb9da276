import { createElement, type ComponentType } from "react";
import {
  useActionData,
  useLoaderData,
  useMatches,
  useParams,
  type RouterContextProvider,
} from "react-router";
import { DomainError } from "~/modules/errors";
import { contextWith } from "~/utils/server-facts";

/**
 * React Router loaders and actions answer with plain data, `data(value, init)` (single
 * fetch) or a Response, and may throw either. These read status and body alike.
 */
type DataWithInit = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isDataWithInit(value: unknown): value is DataWithInit {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "DataWithResponseInit"
  );
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

/** An action's answer: a redirect's status and address, or a refusal's status and body. */
export function answerOf(value: unknown) {
  if (value instanceof Response)
    return { status: value.status, location: value.headers.get("Location") };
  return { status: statusOf(value), body: bodyOf<{ error: string }>(value) };
}

/** The kind of domain error a service call raises ("not-found", "forbidden", …), or "allowed". */
export async function refused(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error.kind;
    throw error;
  }
  return "allowed";
}

/** As `refused`, with the error's message key: "invalid promotions:errors.tooMany", or "allowed". */
export async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.kind} ${error.message}`;
    throw error;
  }
  return "allowed";
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

/** The arguments React Router passes to a loader or action, for a request made as a document request (no `.data`). */
export function routeArgs<Params extends Record<string, string> = Record<string, string>>(
  request: Request,
  params: Params = {} as Params,
) {
  const url = new URL(request.url);
  const context: Readonly<RouterContextProvider> = contextWith({ clientAddress: "127.0.0.1" });
  return { request, url, params, pattern: url.pathname, context };
}

/** Any route's loader or action, as a privacy sweep or a helper calls each in turn (their params differ). */
export type RouteFunction = { call(args: ReturnType<typeof routeArgs>): Promise<unknown> }["call"];

/** A loader's answer as text, whatever it answered or threw (a 404's body included): what a privacy sweep searches for markers. */
export async function answerText(
  loader: RouteFunction,
  request: Request,
  params: Record<string, string> = {},
): Promise<string> {
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

/**
 * A route module's page component as React Router's framework build mounts it: its loader's and
 * action's data and its params as props (for rendering a page through the static handler).
 */
export function withRouteProps(Page: ComponentType<never>): ComponentType {
  return function RoutePage() {
    const props = {
      loaderData: useLoaderData(),
      actionData: useActionData(),
      params: useParams(),
      matches: useMatches(),
    };
    return createElement(Page as ComponentType<typeof props>, props);
  };
}
