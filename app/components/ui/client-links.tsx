import type { MouseEvent, ReactNode } from "react";
import { useNavigate } from "react-router";

/**
 * A click handler for a region whose plain `<a href>` links to this app are followed in the
 * page, as a `<Link>` would (no full reload). For long lists and the navigation: on the
 * server each `<Link>` costs about ten times a plain anchor (it resolves its path and sets
 * up prefetching through several router hooks), and a page of a list has twenty-five to
 * seventy-five of them. Without JavaScript, with a modifier key (new tab, new window), and
 * for a link that downloads or opens elsewhere, the links are ordinary links. Keyboard
 * activation of a link is a click too, so nothing changes for keyboard users. Only for
 * links to pages: a resource route (a CSV export) needs `download` or a `<Link reloadDocument>`.
 */
export function useFollowLinksInPage() {
  const navigate = useNavigate();
  return function follow(event: MouseEvent<HTMLElement>) {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const anchor = event.target instanceof Element ? event.target.closest("a") : null;
    if (
      !anchor ||
      !event.currentTarget.contains(anchor) ||
      (anchor.target && anchor.target !== "_self") ||
      anchor.hasAttribute("download")
    )
      return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };
}

/** A region of plain links followed in the page (see `useFollowLinksInPage`). */
export function ClientLinks({ children, className }: { children: ReactNode; className?: string }) {
  const follow = useFollowLinksInPage();
  return (
    // The links inside are what is interactive; this only changes how they are followed.
    <div className={className} onClick={follow}>
      {children}
    </div>
  );
}
