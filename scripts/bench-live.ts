/**
 * `npm run bench:live`: how quickly a calibration change reaches a viewer on another app
 * server. Two production servers run against one PostgreSQL database (a fresh one, dropped
 * afterwards); a manager watches the session's event stream on the second while the
 * facilitator records outcomes through the first. Each sample is the time from sending the
 * change to the viewer's event. The bar (issue: calibration sessions): p95 within one second.
 *
 * The server is BENCH_POSTGRES_URL, else TEST_POSTGRES_URL, else the test role's default; the
 * role needs CREATEDB. Needs the production build (`npm run build`; built here when missing).
 * Prints one line of JSON last, which `npm run bench` reads.
 */
import pg from "pg";
import { ensureBuild, startAppServer, type AppServer } from "./app-servers.ts";

const SAMPLES = 40;
const BAR_MS = 1000;
const adminUrl =
  process.env.BENCH_POSTGRES_URL ??
  process.env.TEST_POSTGRES_URL ??
  "postgresql://rungs:rungs@127.0.0.1:5432/rungs";
const database = `rungs_bench_live_${process.pid}`;
const url = new URL(adminUrl);
url.pathname = `/${database}`;
const databaseUrl = url.toString();

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const percentile = (sorted: number[], fraction: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;

/** Times from each change sent to its event on the other server. */
async function measure(servers: [AppServer, AppServer]): Promise<number[]> {
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import("../app/db/client.server.ts");
  const { startSession } = await import("../app/modules/identity/sessions/session.server.ts");
  const { advanceSession, createSession, saveProposal } =
    await import("../app/modules/calibration/sessions.server.ts");
  const person = (name: string, extra: Record<string, unknown> = {}) =>
    db.user.create({
      data: { name, email: `${name.toLowerCase().replace(/ /g, ".")}@example.com`, ...extra },
      select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
    });
  const ada = await person("Ada Admin", { isAdmin: true });
  const fay = await person("Fay Facilitator", { track: "manager", level: "m2" });
  const sam = await person("Sam Manager", { track: "manager", level: "m1" });
  const lena = await person("Lena Engineer", { track: "ic", level: "ic2", managerId: sam.id });
  const cycle = await db.reviewCycle.create({
    data: {
      name: "Bench",
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: { create: [{ userId: lena.id }] },
    },
  });
  const created = await createSession(ada, {
    name: "Live bench",
    cycleId: cycle.id,
    ladderId: "engineering",
    facilitatorEmail: fay.email,
    population: "cycle",
    teamIds: [],
    blindPreRead: false,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  await advanceSession(fay, created.sessionId, "proposals");
  const entry = await db.calibrationEntry.findFirstOrThrow({
    where: { sessionId: created.sessionId },
    select: { id: true },
  });
  await saveProposal(sam, entry.id, { rating: 3, outcome: "stay", text: "" });
  await advanceSession(fay, created.sessionId, "live");
  const cookie = async (userId: string) => (await startSession(userId)).split(";")[0]!;
  const [first, second] = servers;

  const stream = await fetch(`${second.url}/calibration/${created.sessionId}/events`, {
    headers: { Cookie: await cookie(sam.id) },
  });
  if (stream.status !== 200 || !stream.body)
    throw new Error(`the event stream answered ${stream.status}`);
  const reader = stream.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const waiting: Array<(at: number) => void> = [];
  const arrived: number[] = [];
  let opened: () => void = () => {};
  const open = new Promise<void>((resolve) => (opened = resolve));
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      if (buffer.includes("retry:")) opened();
      let index: number;
      while ((index = buffer.indexOf("event: change")) >= 0) {
        buffer = buffer.slice(index + "event: change".length);
        const at = performance.now();
        const next = waiting.shift();
        if (next) next(at);
        else arrived.push(at);
      }
    }
  })();
  await open;
  const nextEvent = () =>
    new Promise<number>((resolve) =>
      arrived.length ? resolve(arrived.shift()!) : waiting.push(resolve),
    );

  const facilitatorCookie = await cookie(fay.id);
  const times: number[] = [];
  for (let index = 0; index < SAMPLES; index++) {
    const event = nextEvent();
    const sent = performance.now();
    const response = await fetch(
      `${first.url}/calibration/${created.sessionId}/entries/${entry.id}`,
      {
        method: "POST",
        headers: {
          Cookie: facilitatorCookie,
          Origin: first.url,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({
          intent: "final",
          rating: String((index % 4) + 1),
          outcome: "stay",
          text: `Sample ${index}`,
          revision: String(index + 1),
        }),
        redirect: "manual",
      },
    );
    if (response.status !== 302)
      throw new Error(`recording an outcome answered ${response.status}: ${await response.text()}`);
    const timeout = new Promise<number>((_, reject) =>
      setTimeout(() => reject(new Error("no event within 10 s")), 10_000),
    );
    times.push((await Promise.race([event, timeout])) - sent);
  }
  await reader.cancel();
  await db.$disconnect();
  return times;
}

let servers: AppServer[] = [];
let code = 0;
try {
  ensureBuild();
  await admin((client) => client.query(`CREATE DATABASE "${database}"`));
  const { applyMigrations } = await import("../app/db/migrate.server.ts");
  await applyMigrations(databaseUrl);
  servers = await Promise.all([startAppServer(databaseUrl), startAppServer(databaseUrl)]);
  const times = (await measure(servers as [AppServer, AppServer])).sort((a, b) => a - b);
  const p50 = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  console.log(
    `Live updates across two app servers on PostgreSQL: ${SAMPLES} changes, p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (bar: p95 <= ${BAR_MS} ms) ${p95 <= BAR_MS ? "PASS" : "FAIL"}`,
  );
  console.log(JSON.stringify({ samples: SAMPLES, p50, p95, bar: BAR_MS, passed: p95 <= BAR_MS }));
} catch (error) {
  console.error(`bench:live: ${error instanceof Error ? error.message : String(error)}`);
  console.log(JSON.stringify({ skipped: error instanceof Error ? error.message : String(error) }));
  code = 1;
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).catch(
    () => {},
  );
}
process.exit(code);
