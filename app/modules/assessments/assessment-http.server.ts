/**
 * The autosave and evidence endpoints answer JSON to plain `fetch` calls (not Remix
 * fetchers, whose failures would replace the page with the error boundary). Expected
 * failures thrown as `data(...)` (404 and the like) become JSON responses too.
 */
type ThrownData = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isThrownData(value: unknown): value is ThrownData {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

export async function jsonEndpoint(run: () => Promise<{ status: number; body: unknown }>): Promise<Response> {
  try {
    const { status, body } = await run();
    return Response.json(body, { status });
  } catch (error) {
    if (isThrownData(error)) {
      const message = (error.data as { message?: unknown } | null)?.message;
      return Response.json(
        { ok: false, kind: "error", message: typeof message === "string" ? message : "That request failed." },
        { status: error.init?.status ?? 500 }
      );
    }
    throw error;
  }
}

/** Reads a JSON request body, or null when it is not valid JSON. */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return null;
  }
}
