import { Link } from "react-router";
import { Card } from "~/components/ui/page";
import { useTranslation } from "~/i18n/use-translation";
import type { FeedbackLink } from "~/modules/feedback/links.server";

const linkClass = "text-brand-600 underline dark:text-brand-100";

type OthersFeedback = "named" | "peer" | "upward" | "namedAndUpward" | "peerAndUpward";

/** What a link to someone else's feedback leads to: their peers' answers (with names or not), their reports' upward aggregate, or both. */
export function othersFeedback(link: Pick<FeedbackLink, "peer" | "upward">): OthersFeedback {
  const named = link.peer === "named";
  if (link.upward === "none") return named ? "named" : "peer";
  if (link.peer === "none") return "upward";
  return named ? "namedAndUpward" : "peerAndUpward";
}

/** What a link leads to, as the key of its words (feedback namespace): the reader's own feedback, or someone else's. */
export function feedbackLinkLabel(
  link: Pick<FeedbackLink, "peer" | "upward">,
  own: boolean,
): `links.own.${"peer" | "upward" | "both"}` | `links.other.${OthersFeedback}` {
  if (!own) return `links.other.${othersFeedback(link)}`;
  if (link.upward === "none") return "links.own.peer";
  return link.peer === "none" ? "links.own.upward" : "links.own.both";
}

/** The feedback a reader may open, one line per cycle (links.server.ts decides which). */
export function FeedbackLinks({
  links,
  own,
  title,
}: {
  links: FeedbackLink[];
  own: boolean;
  title?: string;
}) {
  const { t } = useTranslation("feedback");
  if (!links.length) return null;
  return (
    <Card className="mb-6">
      <h2 className="mb-2 text-lg font-semibold">{title ?? t("links.title")}</h2>
      <ul className="space-y-1 text-sm">
        {links.map((link) => (
          <li key={`${link.cycle.id}/${link.personId}`}>
            <Link to={link.href} className={linkClass}>
              {t(feedbackLinkLabel(link, own))}
            </Link>{" "}
            <span className="text-slate-600 dark:text-slate-300">· {link.cycle.name}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
