import { data } from "react-router";
import { plainHtml } from "~/utils/page-scripts";

/**
 * An address no page has. Without this route the router matches nothing, runs no middleware and
 * answers its own 404, in English whoever asks; matched here, the root's middleware chooses the
 * reader's language and the root's error boundary says so in it (errorPage.noPage).
 */
function notFound(): never {
  throw data(null, { status: 404 });
}

export const loader = notFound;
export const action = notFound;
export const handle = plainHtml;

// A page, not a resource route: the root's error boundary answers, in the document.
export default function NoPage() {
  return null;
}
