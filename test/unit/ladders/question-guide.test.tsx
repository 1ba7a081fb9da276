import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { QuestionGuide } from "~/components/ladders/question-guide";
import { i18nFor } from "~/i18n/i18n.server";

// The ladder's competency page and the printed interview kit head an interview question's guide.
describe("an interview question's guide", () => {
  it("is headed in the reader's language, the ladder's texts as written", () => {
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: i18nFor("de") },
        createElement(QuestionGuide, {
          question: { followUps: ["What next?"], lookFor: ["Concrete choices."] },
          Heading: "h4",
          headingClass: "",
          className: "",
        }),
      ),
    );
    expect(html).toMatch(
      /<h4[^>]*>Nachfragen<\/h4><ul[^>]*><li>.*What next\?.*<\/li><\/ul>.*<h4[^>]*>Gute Antworten zeigen<\/h4>.*Concrete choices\./s,
    );
  });
});
