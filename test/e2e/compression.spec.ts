import { request as httpRequest, type IncomingMessage } from "node:http";
import { readFileSync } from "node:fs";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test, type Page } from "./test";
import { people, signIn } from "./helpers";

/** One GET as a client that accepts `encodings`, read as it arrives on the wire (no client decompresses it). */
function get(
  url: string,
  encodings: string,
  cookie = "",
): Promise<{
  status: number;
  encoding: string;
  wire: number;
  text: string;
  body: Buffer;
  vary: string;
}> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { headers: { "Accept-Encoding": encodings, Cookie: cookie } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const body = Buffer.concat(chunks);
          const encoding = response.headers["content-encoding"] ?? "identity";
          const text = (
            encoding === "br"
              ? brotliDecompressSync(body)
              : encoding === "gzip"
                ? gunzipSync(body)
                : body
          ).toString("utf8");
          const vary = String(response.headers.vary ?? "");
          const status = response.statusCode ?? 0;
          resolve({ status, encoding, wire: body.byteLength, text, body, vary });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end();
  });
}

async function cookieOf(page: Page): Promise<string> {
  return (await page.context().cookies())
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
}

test("pages, their data, exports and static files are compressed for clients that accept it, and sent as they are to those that do not", async ({
  page,
  baseURL,
}) => {
  const signInPage = await get(`${baseURL}/login`, "br, gzip");
  expect([signInPage.status, signInPage.encoding]).toEqual([200, "br"]);
  expect(signInPage.text).toContain("Sign in");
  expect(signInPage.wire).toBeLessThan(signInPage.text.length / 2);
  expect((await get(`${baseURL}/login`, "gzip")).encoding).toBe("gzip");
  const plain = await get(`${baseURL}/login`, "identity");
  expect([plain.encoding, plain.wire, plain.text.length]).toEqual([
    "identity",
    Buffer.byteLength(plain.text),
    signInPage.text.length,
  ]);

  await signIn(page, people.admin.email);
  const cookie = await cookieOf(page);
  const ladder = await get(`${baseURL}/ladders/engineering`, "br, gzip", cookie);
  expect([ladder.status, ladder.encoding]).toEqual([200, "br"]);
  const ladderData = await get(`${baseURL}/ladders/engineering.data`, "br, gzip", cookie);
  expect([ladderData.status, ladderData.encoding]).toEqual([200, "br"]);
  expect(ladderData.text).toContain("Engineering");
  // An export larger than a packet (a cycle's, every participant a row).
  await page.goto("/admin/cycles");
  const cycle = await page
    .locator('main a[href^="/admin/cycles/"]:not([href="/admin/cycles/new"])')
    .first()
    .getAttribute("href");
  const csv = await get(`${baseURL}${cycle}/export`, "gzip", cookie);
  expect([csv.status, csv.encoding]).toEqual([200, "gzip"]);
  expect(csv.text.length).toBeGreaterThan(1400);
  const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(ladder.text)![1]!;
  const css = await get(`${baseURL}${stylesheet}`, "br, gzip");
  expect([css.status, css.encoding]).toEqual([200, "br"]);

  // Scripts and stylesheets go out as the build compressed them once (decision 131), to each
  // client in what it accepts, and as they are to one that accepts neither.
  // A page of the app names its scripts; the ladder's pages and home carry none (decisions 134, 135).
  const reviews = await get(`${baseURL}/reviews`, "br, gzip", cookie);
  const script = /"(\/assets\/entry\.client-[^"]+\.js)"/.exec(reviews.text)![1]!;
  const built = (suffix: string) => readFileSync(`build/client${script}${suffix}`);
  const brotli = await get(`${baseURL}${script}`, "br, gzip");
  expect([brotli.status, brotli.encoding, brotli.vary]).toEqual([200, "br", "Accept-Encoding"]);
  expect(brotli.body.equals(built(".br"))).toBe(true);
  const gzip = await get(`${baseURL}${script}`, "gzip");
  expect([gzip.encoding, gzip.body.equals(built(".gz"))]).toEqual(["gzip", true]);
  const whole = await get(`${baseURL}${script}`, "identity");
  expect([whole.encoding, whole.text]).toEqual(["identity", built("").toString("utf8")]);
  expect(
    (await get(`${baseURL}${stylesheet}`, "br")).body.equals(
      readFileSync(`build/client${stylesheet}.br`),
    ),
  ).toBe(true);
});

test("answers of a packet or less are sent as they are, whatever the client accepts (decision 108)", async ({
  baseURL,
}) => {
  const ping = await get(`${baseURL}/ping`, "br, gzip");
  expect([ping.status, ping.encoding, ping.text]).toEqual([200, "identity", "ok"]);
  const redirect = await get(`${baseURL}/`, "br, gzip");
  expect([redirect.status, redirect.encoding]).toEqual([302, "identity"]);
  const signInData = await get(`${baseURL}/login.data`, "br, gzip");
  expect([signInData.status, signInData.encoding]).toEqual([200, "identity"]);
  expect(signInData.wire).toBeLessThanOrEqual(1400);
});

test("a calibration session's event stream is sent uncompressed, each event as it is sent", async ({
  page,
  baseURL,
}) => {
  await signIn(page, people.admin.email);
  await page.goto("/calibration");
  const sessionPath = await page
    .locator('main a[href^="/calibration/"]:not([href="/calibration/new"])')
    .first()
    .getAttribute("href");
  const cookie = await cookieOf(page);
  const received = await new Promise<{ encoding: string; first: string }>((resolve, reject) => {
    const request = httpRequest(
      `${baseURL}${sessionPath}/events`,
      { headers: { "Accept-Encoding": "br, gzip", Cookie: cookie } },
      (response: IncomingMessage) => {
        // The stream stays open: what arrives before it ends was sent event by event.
        response.once("data", (chunk: Buffer) => {
          resolve({
            encoding: response.headers["content-encoding"] ?? "identity",
            first: chunk.toString("utf8"),
          });
          request.destroy();
        });
      },
    );
    request.setTimeout(5_000, () => request.destroy(new Error("no event within 5 s")));
    request.on("error", (error) =>
      error.message.includes("no event") ? reject(error) : undefined,
    );
    request.end();
  });
  expect(received).toEqual({ encoding: "identity", first: "retry: 2000\n\n" });
});
