import { SEARCH_PAGE_LIMIT, searchIndex } from "../../../modules/ladders/search-index";
import type { SiteSearchData } from "./pages";

/**
 * The published ladder site's one script (built to assets/site.js, an IIFE, so it runs from
 * file:// too): the search page searches the index it carries with the app's search code, and
 * the comparison picker goes to the page of the two levels chosen. Every page reads without it.
 */
const MAX_QUERY = 200;

function showSearch(dataElement: HTMLElement) {
  const data = JSON.parse(dataElement.textContent ?? "{}") as SiteSearchData;
  const query = (new URLSearchParams(window.location.search).get("q") ?? "")
    .trim()
    .slice(0, MAX_QUERY);
  const input = document.getElementById("search-query") as HTMLInputElement | null;
  const status = document.getElementById("search-status");
  const results = document.getElementById("search-results");
  if (!input || !status || !results) return;
  input.value = query;
  if (!query) return;
  const hits = searchIndex(data.index, query, { limit: SEARCH_PAGE_LIMIT });
  const { words } = data;
  status.textContent = fill(hits.length ? words.results[hits.length]! : words.noMatch, { query });
  for (const hit of hits) {
    const level = data.levels[hit.levelId];
    const item = document.createElement("li");
    item.className =
      "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900";
    const text = document.createElement("p");
    text.textContent = hit.text;
    item.append(text);
    if (hit.matchedIn === "example") {
      const examples = document.createElement("ul");
      examples.className = "mt-1 text-sm text-slate-600 dark:text-slate-400";
      for (const example of hit.examples) {
        const line = document.createElement("li");
        line.textContent = fill(words.example, { example });
        examples.append(line);
      }
      item.append(examples);
    }
    const where = document.createElement("p");
    where.className = "mt-2 text-sm text-slate-600 dark:text-slate-400";
    const link = document.createElement("a");
    link.href = `${level?.href ?? ""}#${hit.competencyId}`;
    link.className = "text-brand-600 underline underline-offset-2 dark:text-brand-100";
    link.textContent = fill(words.place, {
      level: level?.title ?? hit.levelId,
      competency: data.index.competencyNames[hit.competencyId] ?? hit.competencyId,
    });
    where.append(link, ` (${level?.trackName ?? hit.trackId})`);
    item.append(where);
    results.append(item);
  }
}

/** The site's words with what the reader searched for in place of their stand-ins (SiteSearchData). */
function fill(words: string, values: Record<string, string>): string {
  return Object.entries(values).reduce(
    (text, [name, value]) => text.split(`{${name}}`).join(value),
    words,
  );
}

function pickComparison(form: HTMLFormElement) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const from = (form.elements.namedItem("from") as HTMLSelectElement).value;
    const to = (form.elements.namedItem("to") as HTMLSelectElement).value;
    if (from && to)
      window.location.href = `${form.dataset.pages ?? ""}${encodeURIComponent(from)}/${encodeURIComponent(to)}.html`;
  });
}

document.getElementById("needs-script")?.setAttribute("hidden", "");
const searchData = document.getElementById("search-data");
if (searchData) showSearch(searchData);
const compareForm = document.getElementById("compare-form");
if (compareForm instanceof HTMLFormElement) pickComparison(compareForm);
