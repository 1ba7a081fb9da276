/**
 * The barest resource route: no database, no session, a two-byte answer. `npm run bench`
 * measures the pages against it, as the cost of any request through this server.
 */
export function loader() {
  return new Response("ok", {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
