import { data } from "@remix-run/node";

export function notFound(message = "We could not find that page.") {
  return data({ message }, { status: 404, statusText: "Not Found" });
}

export function forbidden(message = "You do not have access to this page.") {
  return data({ message }, { status: 403, statusText: "Forbidden" });
}

export function badRequest(message: string) {
  return data({ message }, { status: 400, statusText: "Bad Request" });
}

export function invariantResponse(condition: unknown, message: string, status = 404): asserts condition {
  if (!condition) throw data({ message }, { status });
}
