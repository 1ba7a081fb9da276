import type { MouseEvent, ReactNode } from "react";
import { useNavigate } from "@remix-run/react";

/**
 * A region whose plain `<a href>` links to this app are followed in the page, as a
 * `<Link>` would (no full reload), through one click handler for the whole region. For
 * long lists: on the server each `<Link>` costs about ten times a plain anchor (it
 * resolves its path and sets up prefetching through several router hooks), and a page of
 * the team overview has seventy-five of them. Without JavaScript, or with a modifier key
 * (new tab, new window, download), the links are ordinary links. Keyboard activation of
 * a link is a click too, so nothing changes for keyboard users.
 */
export function ClientLinks({ children, className }: { children: ReactNode; className?: string }) {
  const navigate = useNavigate();
  function follow(event: MouseEvent<HTMLDivElement>) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.target instanceof Element ? event.target.closest("a") : null;
    if (!anchor || !event.currentTarget.contains(anchor) || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  }
  return (
    // The links inside are what is interactive; this only changes how they are followed.
    <div className={className} onClick={follow}>
      {children}
    </div>
  );
}
