import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../test/e2e/chromium.ts";

/**
 * What a page costs the browser, measured in Debian's Chromium headless shell (the browser tests'
 * own, test/e2e/chromium.ts): the scripts and stylesheets it fetches before the page is interactive,
 * as served (compressed), and, as a mid-range phone on a slow network would load it, the time until
 * it is interactive. "Interactive" is React's hydration having reached the page: the body (and the
 * page's first form, when it has one) carry React's props, so their handlers answer; a page sent
 * without the app's scripts is interactive once parsed.
 */

export type Weight = {
  /** Bytes of JavaScript on the wire (encoded bodies), every script the page fetched until it was interactive. */
  script: number;
  /** Bytes of CSS on the wire. */
  style: number;
  files: number;
};

export type PhoneTimings = {
  /** Median milliseconds from navigation to interactive, with an empty cache. */
  cold: number;
  /** The same with the page's scripts and styles in the cache (a second visit). */
  warm: number;
};

/**
 * A mid-range phone (Lighthouse's "slow 4G" profile): four times slower CPU, 1.6 Mbps down,
 * 750 kbps up, 150 ms round trip.
 */
const PHONE = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
  uploadBytesPerSecond: (750 * 1024) / 8,
};
/** Loads per figure; the median is kept. */
const LOADS = 5;

/** Records, from the first script the page runs, the moment hydration reached the body and the first form. */
const WATCH_INTERACTIVE = `(() => {
  const hydrated = (element) => !!element && Object.keys(element).some((key) => key.startsWith("__reactProps$"));
  const check = () => {
    if (window.__interactiveAt) return;
    if (hydrated(document.body) && (!document.forms[0] || hydrated(document.forms[0]))) {
      window.__interactiveAt = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  // A document without the app's scripts (decision 134) is interactive once parsed: its links and
  // forms are the browser's own.
  document.addEventListener("DOMContentLoaded", () => {
    if (!document.querySelector('script[type="module"]')) window.__interactiveAt = performance.now();
  });
  requestAnimationFrame(check);
})();`;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

async function newContext(
  browser: Browser,
  url: string,
  cookie: string | undefined,
  language: string | undefined,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    // Chromium asks for brotli only over HTTPS; the bench serves plain HTTP on loopback and asks as a
    // browser reaching a real installation would.
    extraHTTPHeaders: {
      "Accept-Encoding": "br, gzip",
      ...(language ? { "Accept-Language": language } : {}),
    },
  });
  await context.addInitScript(WATCH_INTERACTIVE);
  if (cookie) {
    const origin = new URL(url).origin;
    await context.addCookies(
      cookie.split(/;\s*/).map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: origin };
      }),
    );
  }
  return context;
}

async function loadUntilInteractive(page: Page, url: string): Promise<number> {
  const response = await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  const handle = await page.waitForFunction(
    () => (window as unknown as { __interactiveAt?: number }).__interactiveAt,
    undefined,
    { timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** The scripts and styles a page fetches, as served, from an empty cache until it is interactive. */
export async function pageWeight(
  browser: Browser,
  url: string,
  cookie: string | undefined,
  language?: string,
): Promise<Weight> {
  const context = await newContext(browser, url, cookie, language);
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const weight: Weight = { script: 0, style: 0, files: 0 };
  page.on("requestfinished", (request) => {
    const type = request.resourceType();
    if (type !== "script" && type !== "stylesheet") return;
    pending.push(
      request.sizes().then(({ responseBodySize }) => {
        weight[type === "script" ? "script" : "style"] += responseBodySize;
        weight.files += 1;
      }),
    );
  });
  try {
    await loadUntilInteractive(page, url);
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    return weight;
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Milliseconds until interactive on a mid-range phone, empty cache then warm, median of LOADS loads each. */
export async function phoneTimings(
  browser: Browser,
  url: string,
  cookie: string | undefined,
  language?: string,
): Promise<PhoneTimings> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let load = 0; load < LOADS; load++) {
    const context = await newContext(browser, url, cookie, language);
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: PHONE.latencyMs,
        downloadThroughput: PHONE.downloadBytesPerSecond,
        uploadThroughput: PHONE.uploadBytesPerSecond,
      });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpuSlowdown });
      cold.push(await loadUntilInteractive(page, url));
      warm.push(await loadUntilInteractive(page, url));
    } finally {
      await context.close();
    }
  }
  return { cold: median(cold), warm: median(warm) };
}
