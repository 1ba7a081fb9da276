import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Page,
} from "@playwright/test";

export * from "@playwright/test";

/**
 * Playwright's `test`, with every page any test renders checked for an id that appears twice: a
 * label's `for` or an input's `form` then points at whichever comes first (a form once answered
 * "give the email" under a filled field because its heading had the form's id). Each region is
 * checked for a name too: a wide table's scrolling region takes focus, and a screen reader
 * announced six of them as "region" and nothing else.
 */
export const test = base.extend<{ uniqueIds: void }>({
  context: async ({ context }, run) => {
    const found: string[] = [];
    const errors: string[] = [];
    await watchIds(context, found);
    watchErrors(context, errors);
    await run(context);
    expect(found, "ids that appear twice, and regions without a name, on a page").toEqual([]);
    expect(errors, "errors a page threw and nothing caught").toEqual([]);
  },
  // Contexts a test opens itself (a second person, a phone) are watched too.
  uniqueIds: [
    async ({ browser }, run) => {
      const found: string[] = [];
      const errors: string[] = [];
      const newContext = browser.newContext;
      browser.newContext = async (...options: Parameters<Browser["newContext"]>) => {
        const context = await newContext.apply(browser, options);
        await watchIds(context, found);
        watchErrors(context, errors);
        return context;
      };
      await run();
      browser.newContext = newContext;
      expect(found, "ids that appear twice, and regions without a name, on a page").toEqual([]);
      expect(errors, "errors a page threw and nothing caught").toEqual([]);
    },
    { auto: true },
  ],
});

const errorsWatched = new WeakSet<BrowserContext>();

/**
 * Collects what each page of the context threw and nothing caught (a rejected promise of a
 * revalidation the facilitator's next move aborted, once): a person sees a page that half works.
 */
function watchErrors(context: BrowserContext, errors: string[]): void {
  if (errorsWatched.has(context)) return;
  errorsWatched.add(context);
  const watch = (page: Page) =>
    page.on("pageerror", (error) => {
      const path = (() => {
        try {
          return new URL(page.url()).pathname;
        } catch {
          return page.url();
        }
      })();
      errors.push(`${path}: ${error.name}: ${error.message}`);
    });
  context.pages().forEach(watch);
  context.on("page", watch);
}

const watched = new WeakSet<BrowserContext>();

/** Watches each document of the context for ids that appear twice and regions without a name, and adds them to `found`. */
async function watchIds(context: BrowserContext, found: string[]): Promise<void> {
  // Playwright's own context is made through the patched newContext too: watched once.
  if (watched.has(context)) return;
  watched.add(context);
  await context.exposeBinding("__rungsIdsTwice", ({ page }, ids: string[]) => {
    for (const id of ids) {
      const line = `${new URL(page.url()).pathname}: #${id}`;
      if (!found.includes(line)) found.push(line);
    }
  });
  await context.exposeBinding("__rungsUnnamedRegions", ({ page }, regions: string[]) => {
    for (const region of regions) {
      const line = `${new URL(page.url()).pathname}: a region without a name, ${region}`;
      if (!found.includes(line)) found.push(line);
    }
  });
  await context.addInitScript(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      pending = undefined;
      const seen = new Set<string>();
      const twice = new Set<string>();
      for (const element of document.querySelectorAll("[id]")) {
        if (seen.has(element.id)) twice.add(element.id);
        else seen.add(element.id);
      }
      const report = (window as unknown as { __rungsIdsTwice?: (ids: string[]) => void })
        .__rungsIdsTwice;
      if (twice.size > 0) report?.([...twice]);
      // Named by aria-label, or by aria-labelledby naming an element with text.
      const unnamed = [...document.querySelectorAll('[role="region"]')].filter(
        (region) =>
          !region.getAttribute("aria-label")?.trim() &&
          !(region.getAttribute("aria-labelledby") ?? "")
            .split(/\s+/)
            .some((id) => id && document.getElementById(id)?.textContent?.trim()),
      );
      const reportRegions = (
        window as unknown as { __rungsUnnamedRegions?: (regions: string[]) => void }
      ).__rungsUnnamedRegions;
      if (unnamed.length > 0)
        reportRegions?.(unnamed.map((region) => region.outerHTML.slice(0, 120)));
    };
    // Checked once the document settles after each change: a render in progress may hold both.
    // A document the browser is still parsing is not checked until it is parsed: a slow chunk of
    // a streamed page may leave a region's opening tag without its caption for longer than 50 ms.
    let parsing = false;
    const settle = () => {
      if (document.readyState === "loading") {
        if (!parsing) {
          parsing = true;
          document.addEventListener("DOMContentLoaded", () => ((parsing = false), settle()), {
            once: true,
          });
        }
        return;
      }
      if (pending === undefined) pending = setTimeout(check, 50);
    };
    new MutationObserver(settle).observe(document, {
      subtree: true,
      childList: true,
      attributeFilter: ["id"],
    });
  });
}
