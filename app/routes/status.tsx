import type { Route } from "./+types/status";

export const meta: Route.MetaFunction = () => [{ title: "Status · Rungs" }];

/**
 * The barest page: no loader of its own, one line inside the app's frame. It answers
 * whenever the server renders pages at all, and `npm run bench` measures the heavy pages
 * against it (the cost of any page through this server, before a page's own work).
 */
export default function Status() {
  return <p>Rungs is up.</p>;
}
