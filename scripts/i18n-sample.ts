// A seeded random sample of the shipped messages, for a native reader to read in full (docs/i18n.md,
// "The native read"): the same seed gives the same keys, so a read can be repeated and compared.
//   npx tsx scripts/i18n-sample.ts --language de [--seed 20261129] [--count 170]
import { parseArgs } from "node:util";
import { LANGUAGES, NAMESPACES, type Language } from "~/i18n/languages";
import { seeded } from "../prisma/seed/random.ts";
import ar from "~/locales/ar";
import de from "~/locales/de";
import en from "~/locales/en";
import es from "~/locales/es";
import fr from "~/locales/fr";

type Tree = { [key: string]: string | Tree };
const shipped: Record<string, Record<string, Tree>> = { en, de, fr, es, ar };

const { values } = parseArgs({
  options: {
    language: { type: "string" },
    seed: { type: "string", default: "20261129" },
    count: { type: "string", default: "170" },
  },
});
const language = values.language as Language;
if (!(language in LANGUAGES) || language === "en") {
  console.error(
    `Give --language, one of ${Object.keys(LANGUAGES)
      .filter((code) => code !== "en")
      .join(", ")}.`,
  );
  process.exit(2);
}

function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[prefix + key, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  );
}

function messages(of: string): Map<string, string> {
  return new Map(
    NAMESPACES.flatMap((namespace) =>
      flatten(shipped[of]![namespace] ?? {}).map(([key, message]): [string, string] => [
        `${namespace}:${key}`,
        message,
      ]),
    ),
  );
}

const english = messages("en");
const translated = messages(language);
const keys = [...english.keys()].sort();
const next = seeded(Number(values.seed));
// A partial Fisher–Yates shuffle: the first `count` keys of a uniform permutation.
const count = Math.min(Number(values.count), keys.length);
for (let index = 0; index < count; index += 1) {
  const other = index + Math.floor(next() * (keys.length - index));
  [keys[index], keys[other]] = [keys[other]!, keys[index]!];
}
const cell = (text: string | undefined) =>
  (text ?? "(missing)").replaceAll("|", "\\|").replaceAll("\n", " ");
console.log(`Seed ${values.seed}, ${count} of ${english.size} messages, ${language}.\n`);
console.log(`| # | key | English | ${language} |\n|---|---|---|---|`);
keys.slice(0, count).forEach((key, index) => {
  console.log(
    `| ${index + 1} | \`${key}\` | ${cell(english.get(key))} | ${cell(translated.get(key))} |`,
  );
});
process.exit(0);
