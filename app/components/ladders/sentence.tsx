import { Fragment, type ReactNode } from "react";

/**
 * A sentence with links inside it stays one message, so each language puts the links where its
 * word order wants them (docs/i18n.md, "A link or bold text inside a sentence"): the message is
 * worded with a mark in place of each link (`t(key, { ...marks("track"), level })`), and
 * `Sentence` cuts the words at the marks and puts the elements there.
 */
// A private-use character: neither a message nor a ladder's text writes it.
const MARK = "\uE000";

export function marks<Name extends string>(...names: Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, `${MARK}${name}${MARK}`])) as Record<
    Name,
    string
  >;
}

export function Sentence({
  words,
  elements,
}: {
  words: string;
  elements: Record<string, ReactNode>;
}) {
  return (
    <>
      {words
        .split(new RegExp(`${MARK}(\\w+)${MARK}`))
        .map((part, index) =>
          index % 2 === 1 ? <Fragment key={index}>{elements[part]}</Fragment> : part,
        )}
    </>
  );
}
