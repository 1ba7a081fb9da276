import { Link } from "react-router";
import { Card } from "~/components/ui/page";
import type { FeedbackLink } from "~/modules/feedback/links.server";

const linkClass = "text-brand-600 underline dark:text-brand-100";

/** What a link leads to, in the reader's words: named answers, the person's own feedback, the upward aggregate. */
export function feedbackLinkLabel(link: Pick<FeedbackLink, "peer" | "upward">, own: boolean): string {
  const parts = [
    link.peer === "named" && !own ? "peer feedback with names" : link.peer !== "none" ? (own ? "your peer feedback" : "peer feedback") : null,
    link.upward !== "none" ? (own ? "your reports' upward feedback" : "upward feedback from their reports") : null,
  ].filter((part): part is string => part !== null);
  const text = parts.join(" and ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The feedback a reader may open, one line per cycle (links.server.ts decides which). */
export function FeedbackLinks({ links, own, title = "Feedback" }: { links: FeedbackLink[]; own: boolean; title?: string }) {
  if (!links.length) return null;
  return (
    <Card className="mb-6">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      <ul className="space-y-1 text-sm">
        {links.map((link) => (
          <li key={`${link.cycle.id}/${link.personId}`}>
            <Link to={link.href} className={linkClass}>
              {feedbackLinkLabel(link, own)}
            </Link>{" "}
            <span className="text-slate-600 dark:text-slate-300">· {link.cycle.name}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
