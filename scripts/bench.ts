/**
 * `npm run bench [-- --duration 10 --connections 10 --people 5000[,50000] --processes <n|auto> --build --keep [--reuse <kept database>] --only <page> --language <code> --phone --profile <s> --database <url> --pooler --replica]`:
 * Rungs' speed, measured end to end as CPU time per request. Builds a fresh SQLite database in a
 * temporary folder (or, with `--database postgresql://…`, a fresh database on that PostgreSQL
 * server) with a large organisation (5,000 people by default, two past review cycles, a live
 * calibration session, hiring and mentorship, goals, a promotion window at its meeting and a peer's
 * feedback to write), starts the built production server on loopback,
 * signs in as an engineer, a manager of managers and an admin, and drives each page with
 * autocannon at 10 connections, asking as browsers do (`Accept-Encoding: br, gzip`, so compression
 * is inside the figures). Beside it run the floors (scripts/bench-floor.ts), built from the project's
 * own node_modules and served the same way: a bare React Router app (one page of one line, one
 * resource route), and the same app with Rungs' route table (every route file, each empty) and a
 * root with a minimal loader and layout. Each page takes turns with its floors in short slices over
 * three rounds, and the kernel's count of CPU time of the app's processes and the database server's
 * (PostgreSQL's backends; SQLite is in-process) around each slice gives CPU per request: the figure
 * is the median of the rounds' ratios to a floor's, which the machine's speed moves alike
 * (docs/benchmarks/README.md). The bars: /status within 1.25 times the route-table floor's page and
 * /ping within 1.25 times its resource route (their ratios to the bare app are printed as the goal,
 * 1.5); every page within 8 times the bare page's CPU, at most 96 KB of HTML and 16 KB on the wire;
 * every p95 within 4 times /status's p95. CPU is only compared with what this run measured
 * (decision 108: figures of another day are not comparable on these machines). p50/p95 and
 * requests per second are printed beside, for information. Once the CPU is measured, each page is
 * loaded in Chromium for the JavaScript and CSS it makes the browser fetch until it is interactive
 * (at most 120 KB on the wire; the sign-in and ladder pages 100 KB), and with `--phone` as a
 * mid-range phone would load it, for the time until it is interactive (scripts/bench-browser.ts).
 * Each page over its CPU bar is set beside the framework at its size (the bare floor's page of as
 * many form cards as make the page's HTML, in the same slices), and last served again under V8's
 * profiler for `--profile` seconds (3 by default; 0 for none), and the bench prints where its time
 * goes (scripts/bench-profile.ts).
 *
 * `--against DIR` serves another checkout of Rungs beside (DIR, with its own node_modules and
 * build: `npm ci && npm run build` there) on the same database, and each page takes turns with it
 * too: "before" is that checkout's CPU for the same page in the same minutes, which the machine's
 * state moves alike, and each page both serve alike is held within 1.1 times it. Both are asked
 * for `identity` unless `--accept-encoding` says otherwise (how "not slower than Remix 2" is
 * measured: `--against` a checkout of Remix 2 at db0c67d). A page whose
 * visible text differs by more than a tenth between the two (the other checkout reading data stored
 * in a shape it no longer knows: scripts/bench-same-page.ts) is not held to that bar, and says so.
 *
 * With `--database`, `--pooler` serves the pages' connections through PgBouncer in transaction mode
 * and `--replica` sends reads that may be a moment old to a streaming replica made for the run, as a
 * large installation runs Rungs (docs/operations.md); the run then prints the share of its
 * transactions the replica answered. Both count in the database tier's CPU.
 *
 * With two sizes (`--people 5000,50000`) each size is its own run, and a last table gives each
 * page's CPU per request at both with the product's bars for growth: pages about one person or
 * team at most 1.25 times their cost at the smaller size, organisation-wide pages at most 2 times.
 *
 * A measurement, not a test: it exits 0 whatever the figures (1 only when it could not set up the
 * run). The servers are stopped by their process ids at the end.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { launchBrowser, pageWeight, phoneTimings, type PhoneTimings } from "./bench-browser.ts";
import { postgresMs, treeMs } from "./bench-cpu.ts";
import { request as httpRequest } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { buildFloorApp, floorPageScripts, startFloorApp, type FloorKind } from "./bench-floor.ts";
import { freePort, SERVER_BUNDLE, startAppServer, type AppServer } from "./app-servers.ts";
import { statementCount } from "./bench-statements.ts";
import { processCount } from "../server/process-rules.ts";
import { notTheSamePage } from "./bench-same-page.ts";
import { startPooler, type Pooler } from "./pooler.ts";
import { attribute, Inspector, profileLine, sourcesOfBuild } from "./bench-profile.ts";
import { startReplica, type Replica } from "./replica.ts";
import type pg from "pg";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    people: { type: "string", default: "5000" },
    // Where a run for one size writes its figures, for the run over several sizes to compare.
    "report-json": { type: "string" },
    keep: { type: "boolean", default: false },
    // With --database: measure on a database kept by an earlier --keep run of one size (its name),
    // without migrating or seeding: quicker looks at a page at 200,000 people. Never a run's figures.
    reuse: { type: "string" },
    build: { type: "boolean", default: false },
    only: { type: "string", multiple: true, default: [] },
    database: { type: "string" },
    // What the bench's requests accept ("identity" measures without compression); by default as
    // browsers ask ("br, gzip"), and "identity" with --against (decision 108).
    "accept-encoding": { type: "string" },
    // The language the bench's browser asks for (Accept-Language), e.g. "ar": every page in Arabic, right to left.
    language: { type: "string" },
    // Another checkout of Rungs, served beside on the same database as "before" (see above).
    against: { type: "string" },
    // Unset: the server's own default (one process on SQLite, one per core on PostgreSQL in production).
    processes: { type: "string" },
    // Also load each page as a mid-range phone would (scripts/bench-browser.ts), five times cold and warm.
    phone: { type: "boolean", default: false },
    // With --database: the pages' connections through PgBouncer in transaction mode (decision 102).
    pooler: { type: "boolean", default: false },
    // With --database: a streaming replica for reads that may be a moment old (decision 116).
    replica: { type: "boolean", default: false },
    // Seconds each page over a CPU bar is profiled for, after the run (scripts/bench-profile.ts); 0: none.
    profile: { type: "string", default: "3" },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const SIZES = values.people.split(",").map(Number);
const PEOPLE = SIZES[0]!;
if (
  ![DURATION, CONNECTIONS, ...SIZES].every((value) => Number.isInteger(value) && value > 0) ||
  SIZES.length > 2 ||
  !(Number(values.profile) >= 0)
) {
  console.error(
    "usage: npm run bench [-- --duration <s>] [--connections <n>] [--people <n>[,<n>]] [--database postgresql://… [--pooler] [--replica]] [--build] [--keep] [--reuse <kept database>] [--profile <s>]",
  );
  process.exit(1);
}
/** A page's p95 may be at most this many times /status's p95. */
const P95_RATIO_BAR = 4;
/** CPU per request of /status against the route-table floor's page, and of /ping against its resource route. */
const FRAME_BAR = 1.25;
/** The same against the bare app's: the goal the frame is to close to. */
const FRAME_GOAL = 1.5;
/** CPU per request of every page against the bare page's. */
const PAGE_BAR = 8;
/** HTML of every page, at most, and its bytes on the wire, compressed as a browser asks for it. */
const HTML_BAR = 96 * 1024;
const WIRE_BAR = 16 * 1024;
/**
 * The JavaScript and CSS a page makes the browser fetch before it is interactive, on the wire: every
 * page at most 120 KB; the signed-out pages and the ladder's pages, which people open first and
 * most often on a phone, at most 100 KB.
 */
const ASSETS_BAR = 120 * 1024;
const LIGHT_ASSETS_BAR = 100 * 1024;
const lightPage = (label: string) => label === "sign-in page" || label.startsWith("ladder ");
/** What browsers send, and so what the bench asks with unless told otherwise. */
const ACCEPT_ENCODING = values["accept-encoding"] ?? (values.against ? "identity" : "br, gzip");
/** With --against: a page's CPU per request at most this many times the other checkout's, measured in the same slices. */
const BEFORE_BAR = 1.1;
/** CPU per request at the larger size against the smaller: pages about one person or team, and organisation-wide pages. */
const GROWTH_BARS = { person: 1.25, organisation: 2 } as const;
const PASSWORD = "bench-password-2026";
/** The bench programme's people, a third in each (their own zone, as the opt-in form writes it). */
const BENCH_ZONES = ["Europe/London", "Europe/Berlin", "Europe/Helsinki"];

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const step = (message: string) => console.log(`[bench ${elapsed()}] ${message}`);

// The database must be chosen before any app module reads the environment.
const folder = mkdtempSync(path.join(os.tmpdir(), "rungs-bench-"));
// --database postgresql://user:pass@host/db: the same organisation in a new database on that
// server (named rungs_bench_<time>; the role needs CREATEDB), dropped at the end unless --keep.
const postgresServer = values.database;
if (postgresServer !== undefined && !/^postgres(ql)?:\/\//.test(postgresServer)) {
  console.error(
    "--database must be a postgresql:// URL of a server whose role may create databases",
  );
  process.exit(1);
}
if ((values.pooler || values.replica) && postgresServer === undefined) {
  console.error("--pooler and --replica need --database postgresql://…");
  process.exit(1);
}
if (values.reuse !== undefined && (postgresServer === undefined || SIZES.length > 1)) {
  console.error(
    "--reuse needs --database postgresql://… (the server the kept database is on) and one size",
  );
  process.exit(1);
}
const benchDatabaseName = values.reuse ?? `rungs_bench_${Date.now()}`;
/** What a kept database's seed gave the run (accounts, ids), for --reuse. */
const keptSeedFile = (name: string) => path.join(".cache", "bench-kept", `${name}.json`);
const databaseUrl = postgresServer
  ? withDatabaseName(postgresServer, benchDatabaseName)
  : `file:${path.join(folder, "bench.db")}`;
const databaseLabel = postgresServer ? "PostgreSQL" : "SQLite";

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
Object.assign(process.env, {
  DATABASE_URL: databaseUrl,
  NODE_ENV: "production",
  SEED_DEMO: "false",
  LOG_REQUESTS: "false",
});

let server: AppServer | null = null;
/** The floor apps the pages are measured against. */
const floorServers: ChildProcess[] = [];
/** --against: the other checkout's server. */
let againstServer: AppServer | null = null;
/** HEALTH_PORT's address: the health check answered out of the queue of page work. */
let healthBase = "";
/** --pooler and --replica: PgBouncer in front of the server, and the server's streaming replica. */
let pooler: Pooler | null = null;
let replica: Replica | null = null;

/** The newest change under a folder, so the bench never measures a build older than the source. */
function newestSource(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce(
      (newest, entry) =>
        Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs),
      0,
    );
}

async function main() {
  const { applyMigrations } = await import("../app/db/migrate.server.ts");
  let accounts: Awaited<ReturnType<typeof seed>>;
  if (values.reuse) {
    accounts = JSON.parse(readFileSync(keptSeedFile(values.reuse), "utf8"));
    step(`kept database ${values.reuse}: not migrated, not seeded`);
  } else {
    await applyMigrations(databaseUrl, { onApplied: () => {} });
    step(`fresh ${databaseLabel} database ${postgresServer ? benchDatabaseName : databaseUrl}`);
    accounts = await seed();
    if (values.keep && postgresServer) {
      mkdirSync(path.dirname(keptSeedFile(benchDatabaseName)), { recursive: true });
      writeFileSync(keptSeedFile(benchDatabaseName), JSON.stringify(accounts));
    }
  }

  const stale =
    !values.build &&
    existsSync("build/server/index.js") &&
    newestSource("app") > statSync("build/server/index.js").mtimeMs;
  if (values.build || stale || !existsSync("build/server/index.js") || !existsSync(SERVER_BUNDLE)) {
    step(
      values.build
        ? "npm run build"
        : stale
          ? "build/ is older than app/: npm run build"
          : "no build/ yet: npm run build",
    );
    const build = spawnSync("npm", ["run", "build"], { encoding: "utf8" });
    if (build.status !== 0) {
      console.error(`${build.stdout}\n${build.stderr}`);
      throw new Error("npm run build failed");
    }
  }
  const healthPort = await freePort();
  healthBase = `http://127.0.0.1:${healthPort}`;
  const tier = await databaseTier();
  server = await startAppServer(tier.url, {
    env: {
      NODE_OPTIONS: serveNodeOptions(),
      ...(values.processes ? { WEB_CONCURRENCY: values.processes } : {}),
      HEALTH_PORT: String(healthPort),
      // The app's own count of its SQL statements (GET /metrics), for each page's statements a request.
      METRICS_TOKEN: BENCH_METRICS_TOKEN,
      ...tier.env,
    },
    output: "stderr",
    timeoutMs: 60_000,
  });
  const base = server.url;
  step(
    `server pid ${server.pid} listening on ${base}${values.language ? `; every page asked for in "${values.language}" (Accept-Language)` : ""}`,
  );

  const engineer = await signIn(base, accounts.engineer.email);
  const manager = await signIn(base, accounts.manager.email);
  const admin = await signIn(base, accounts.admin.email);
  const selfAssessment = await selfAssessmentPage(base, engineer);
  // A kept database's draft was filled by the run that kept it: filled again, its evidence would pile up run after run.
  const filled =
    selfAssessment && !values.reuse ? await fillDraft(base, engineer, selfAssessment) : null;
  if (filled)
    step(
      `self-assessment draft filled: ${filled.competencies} competencies rated with notes and marks, ${filled.evidence} pieces of evidence`,
    );

  type Target = {
    label: string;
    path: string | null;
    cookie?: string;
    bar: boolean;
    duration: number;
    note?: string;
  };
  const gapPath = `/people/${accounts.engineer.id}/gap`;
  const gapStatus = (
    await fetch(base + gapPath, { headers: { Cookie: engineer }, redirect: "manual" })
  ).status;
  const targets: Target[] = [
    {
      label: "trivial page",
      path: "/status",
      bar: false,
      duration: DURATION,
      note: "the baseline: a page with no loader, one line of text (signed out)",
    },
    {
      label: "bare /ping",
      path: "/ping",
      bar: false,
      duration: DURATION,
      note: "informational: resource route, renders no page (no database, no session)",
    },
    {
      label: "self-assessment",
      path: selfAssessment,
      cookie: engineer,
      bar: true,
      duration: DURATION,
      note: selfAssessment
        ? `${accounts.engineer.level} engineer, own draft, every competency rated with evidence`
        : "skipped: /assess gave no assessment page",
    },
    {
      label: "team overview",
      path: "/team",
      cookie: manager,
      bar: true,
      duration: DURATION,
      note: `manager of managers, ${accounts.manager.reports} reports`,
    },
    {
      label: "gap analysis",
      path: gapStatus === 200 ? gapPath : null,
      cookie: engineer,
      bar: true,
      duration: DURATION,
      note:
        gapStatus === 200
          ? "engineer's own, to next level, from that draft"
          : `skipped: ${gapPath} answered ${gapStatus}`,
    },
    {
      label: "health check",
      path: "/healthz",
      bar: false,
      duration: Math.ceil(DURATION / 2),
      note: "informational: resource route running SELECT 1",
    },
    {
      label: "redirect",
      path: "/",
      bar: false,
      duration: Math.ceil(DURATION / 2),
      note: "informational: signed out, the home page's redirect to sign in (an empty body)",
    },
    {
      label: "small .data",
      path: "/login.data",
      bar: false,
      duration: Math.ceil(DURATION / 2),
      note: "informational: the sign-in page's data, a few hundred bytes",
    },
    {
      label: "sign-in page",
      path: "/login",
      bar: true,
      duration: DURATION,
      note: "signed out, a form, no query",
    },
    {
      label: "home page",
      path: "/",
      cookie: engineer,
      bar: true,
      duration: DURATION,
      note: "a light signed-in page",
    },
    {
      label: "home page (admin)",
      path: "/",
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "the admin facilitating the live session: its to-do over every entry, the organisation's figures",
    },
    {
      label: "team overview (VP)",
      path: "/team",
      cookie: await signIn(base, accounts.vp.email),
      bar: true,
      duration: DURATION,
      note: `${accounts.vp.reports} reports`,
    },
    {
      label: "cycle progress",
      path: `/admin/cycles/${accounts.cycleId}`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: `admin, ${accounts.participants} participants`,
    },
    {
      label: "calibration session",
      path: `/calibration/${accounts.calibration.sessionId}`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: `facilitator, ${accounts.calibration.people} people, live, every proposal in`,
    },
    {
      label: "calibration grid",
      path: `/calibration/${accounts.calibration.sessionId}/grid`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: `facilitator, the same session: cells counted, people shown once filtered below 100`,
    },
    {
      label: "hiring debrief",
      path: `/hiring/loops/${accounts.hiring.debriefLoopId}/debrief`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, 6 interviewers × 10 competencies, every card in",
    },
    {
      label: "hiring pipeline",
      path: `/hiring/openings/${accounts.hiring.pipelineOpeningId}/pipeline`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: `admin, one opening's ${Math.round((accounts.hiring.loops - 1) / 4).toLocaleString("en-GB")} candidates and their moves`,
    },
    {
      label: "interviewer statistics",
      path: "/hiring/stats",
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: `admin, ${(accounts.hiring.loops - 1).toLocaleString("en-GB")} past loops`,
    },
    {
      label: "organisation insights",
      path: "/insights",
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, the whole organisation: time in level, outcomes, calibration shift, mentoring, hiring",
    },
    {
      label: "calibration entry",
      path: `/calibration/${accounts.calibration.sessionId}/entries/${accounts.calibration.entryId}`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "facilitator, one person's entry in the live session",
    },
    {
      label: "hiring loop",
      path: `/hiring/loops/${accounts.hiring.debriefLoopId}`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, the loop of six interviewers",
    },
    {
      label: "hiring panel",
      path: `/hiring/loops/${accounts.hiring.debriefLoopId}/panel`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, the same loop's panel mix, suggestions and trainees",
    },
    {
      label: "hiring opening",
      path: `/hiring/openings/${accounts.hiring.pipelineOpeningId}`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, an opening with its plan and candidates",
    },
    {
      label: "calibration session (manager)",
      path: `/calibration/${accounts.calibration.sessionId}`,
      cookie: await signIn(base, accounts.calibration.proposer.email),
      bar: true,
      duration: DURATION,
      note: `a manager who proposed for ${accounts.calibration.proposer.proposals} of its people, the same live session (issue 81)`,
    },
    {
      label: "promotion packet",
      path: `/promotions/nominations/${accounts.promotions.nominationIds[0]}`,
      cookie: await signIn(base, accounts.promotions.nomineeEmail),
      bar: true,
      duration: DURATION,
      note: `the nominee's own, submitted: ${accounts.promotions.criteria} criteria, each with both authors' cases and evidence (issue 81)`,
    },
    {
      label: "promotion packet (writing)",
      path: `/promotions/nominations/${accounts.promotions.writing.nominationId}`,
      cookie: await signIn(base, accounts.promotions.writing.nomineeEmail),
      bar: true,
      duration: DURATION,
      note: `the nominee writing theirs: ${accounts.promotions.writing.written} of ${accounts.promotions.criteria} criteria written, the evidence Rungs offers for each (issue 81)`,
    },
    {
      label: "promotion committee",
      path: `/promotions/windows/${accounts.promotions.windowId}/committee`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, the window's committee of four, who may sit on it and the meeting's time (issue 81)",
    },
    {
      label: "promotion meeting",
      path: `/promotions/windows/${accounts.promotions.windowId}/meeting`,
      cookie: await signIn(base, accounts.promotions.chairEmail),
      bar: true,
      duration: DURATION,
      note: `the chair, ${accounts.promotions.nominationIds.length} nominees × ${accounts.promotions.criteria} criteria × 4 ballots, a decision form each (issue 81)`,
    },
    {
      label: "promotion ballot",
      path: `/promotions/windows/${accounts.promotions.windowId}/ballots/${accounts.promotions.nominationIds[0]}`,
      cookie: await signIn(base, accounts.promotions.memberEmail),
      bar: true,
      duration: DURATION,
      note: "a committee member's own, submitted, the packet beside it and the other three ballots (issue 81)",
    },
    {
      label: "hiring scorecard",
      path: `/hiring/interviews/${accounts.hiring.scorecardInterviewId}`,
      cookie: await signIn(base, accounts.scorecard.email),
      bar: true,
      duration: DURATION,
      note: `the interviewer's draft card, ${accounts.scorecard.competencies} competencies scored with notes, the interview kit (issue 81)`,
    },
    {
      label: "peer feedback form",
      path: `/feedback/${accounts.feedback.requestId}`,
      cookie: await signIn(base, accounts.feedback.reviewerEmail),
      bar: true,
      duration: DURATION,
      note: `a colleague's draft answer, ${accounts.feedback.answered} of ${accounts.feedback.competencies} competencies answered (issue 81)`,
    },
    {
      label: "feedback nominations",
      path: `/feedback/cycles/${accounts.feedback.cycleId}/people/${accounts.feedback.subjectId}`,
      cookie: await signIn(base, accounts.feedback.managerEmail),
      bar: true,
      duration: DURATION,
      note: `the manager on a person's feedback page, one colleague asked and ${accounts.feedback.waiting} nominations to approve or decline (decision 145)`,
    },
    {
      label: "ladder matrix",
      path: "/ladders/engineering",
      cookie: engineer,
      bar: true,
      duration: DURATION,
      note: "every track, level and competency of the shipped ladder",
    },
    {
      label: "ladder compare",
      path: "/ladders/engineering/compare?from=ic3&to=ic4",
      cookie: engineer,
      bar: true,
      duration: DURATION,
      note: "two levels side by side",
    },
    {
      label: "ladder search",
      path: "/ladders/engineering/search?q=tests",
      cookie: engineer,
      bar: true,
      duration: DURATION,
      note: "every statement searched for a word",
    },
    {
      label: "person's history",
      path: `/people/${accounts.engineer.id}/history`,
      cookie: engineer,
      bar: true,
      duration: DURATION,
      note: "an engineer's own, two past cycles",
    },
    {
      label: "print view",
      path: `/people/${accounts.engineer.id}/print`,
      cookie: engineer,
      bar: true,
      duration: DURATION,
      note: "an engineer's own review on paper: the growth plan, both sides, the gap (issue 81)",
    },
    {
      label: "people list",
      path: "/admin/people",
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, the first page of 5,000 people",
    },
    {
      label: "audit log",
      path: "/admin/audit",
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, the newest events",
    },
    {
      label: "mentorship matching",
      path: `/mentorship/${accounts.mentorship.programmeId}/matching`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: `admin, ${accounts.mentorship.pairs} pairs of ${accounts.mentorship.mentees} mentees and ${accounts.mentorship.mentors} mentors, each explained`,
    },
    {
      label: "mentorship pair",
      path: `/mentorship/${accounts.mentorship.programmeId}/pairs/${accounts.mentorship.pairId}`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, one pair",
    },
    {
      label: "programme report",
      path: `/mentorship/${accounts.mentorship.programmeId}/report`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, the programme's report",
    },
    {
      label: "access audit",
      path: "/access-audit",
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, the whole organisation: stretch work, sponsorship, panels and training by group over time",
    },
    {
      label: "promotion audit",
      path: "/promotions/audit",
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, the whole organisation: nominations, time to promotion from every level change, the nine-box",
    },
    {
      label: "goal tree",
      path: "/goals",
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: `admin, this quarter's goal tree: ${accounts.goals.objectives.toLocaleString("en-GB")} objectives of the company, every team and every fourth engineer, with their progress`,
    },
    {
      label: "objective",
      path: `/goals/objectives/${accounts.goals.teamObjectiveId}`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, a team's objective: its key results, their weekly check-ins and what supports it",
    },
    {
      label: "new key result",
      path: `/goals/objectives/${accounts.goals.teamObjectiveId}/key-results/new`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, a key result written for a team's objective, with the live output check",
    },
    {
      label: "company objective",
      path: `/goals/objectives/${accounts.goals.companyObjectiveId}`,
      cookie: admin,
      bar: true,
      duration: DURATION,
      note: "admin, a company objective that hundreds of team and personal objectives support",
    },
    {
      label: "team health",
      path: "/team-health",
      cookie: engineer,
      bar: true,
      duration: DURATION,
      note: "an engineer's check-ins to answer and the results of their teams",
    },
    {
      label: "API tokens",
      path: "/settings/api",
      cookie: engineer,
      bar: true,
      duration: DURATION,
      note: "an engineer's own tokens",
    },
  ];

  // The floors: bare React Router apps, served beside Rungs for the whole run, with as many app processes.
  const processes = processCount(
    values.processes === undefined || values.processes === "auto"
      ? values.processes
      : Number(values.processes),
    {
      cores: os.availableParallelism(),
      production: true,
      database: postgresServer ? "postgresql" : "sqlite",
    },
  );
  const floors = {} as Record<FloorKind, { base: string; pid: number }>;
  for (const kind of ["bare", "routes"] as const) {
    const floorFolder = path.join(folder, `floor-${kind}`);
    step(
      `building the ${kind === "bare" ? "bare floor: a React Router app of one page and one resource route" : "route-table floor: the same with Rungs' route files, each empty, and a root with a minimal loader"}, from the project's node_modules`,
    );
    buildFloorApp(kind, floorFolder, process.cwd());
    const floorPort = await freePort();
    const floorServer = startFloorApp(floorFolder, floorPort, serveNodeOptions(), processes);
    floorServers.push(floorServer);
    floors[kind] = { base: `http://127.0.0.1:${floorPort}`, pid: floorServer.pid! };
    await waitFor(`${floors[kind].base}/ping`, floorServer);
    step(
      `${kind} floor pid ${floorServer.pid} listening on ${floors[kind].base}, ${processes} app process${processes === 1 ? "" : "es"}`,
    );
  }
  const floorSide = (kind: FloorKind, partner: "page" | "resource"): Side => ({
    url: `${floors[kind].base}${partner === "page" ? "/status" : "/ping"}`,
    cookie: undefined,
    cpu: () => ({ app: treeMs(floors[kind].pid), db: 0 }),
  });
  const before = values.against ? await startAgainst(values.against) : null;
  const rungsSide = (target: { path: string; cookie?: string }): Side => ({
    url: base + target.path,
    cookie: target.cookie,
    cpu: rungsCpu,
  });
  const rungsCpu = () => ({ app: treeMs(server!.pid), db: postgresServer ? postgresMs() : 0 });

  const results: Row[] = [];
  // --only <label> (repeatable) measures those pages and /status, for a quicker look at one page.
  const chosen = values.only.length
    ? targets.filter((target, index) => index === 0 || values.only.includes(target.label))
    : targets;
  for (const target of chosen) {
    const kind = kindOf(target.label);
    if (!target.path) {
      results.push({
        label: target.label,
        note: target.note ?? "",
        kind,
        scope: scopeOf(target.label),
      });
      continue;
    }
    const partner = target.path === "/ping" || kind === "info" ? "resource" : "page";
    // The frame is held to the route-table floor (with the bare app's ratio as the goal); pages to the bare page.
    const against: FloorKind[] = kind === "frame" ? ["routes", "bare"] : ["bare"];
    step(
      `${target.label}: ${target.path}, ${ROUNDS} rounds of ${roundSeconds(target.duration)} s, each in ${SLICES} slices taking turns with the ${against.join(" and ")} floor's ${partner === "page" ? "page" : "resource route"}`,
    );
    const measured = await measureAgainstFloors(
      against.map((floor) => floorSide(floor, partner)),
      rungsSide({ path: target.path, cookie: target.cookie }),
      target.duration,
      before
        ? { url: before.base + target.path, cookie: target.cookie, cpu: before.cpu }
        : undefined,
    );
    const statements = await statementsPerRequest(base, target.path, target.cookie);
    const { document, ...sizes } = await pageSizes(base + target.path, target.cookie);
    const notComparable = before
      ? notTheSamePage(
          document,
          (await pageSizes(before.base + target.path, target.cookie)).document,
        )
      : null;
    results.push({
      label: target.label,
      note: target.note ?? "",
      kind,
      scope: scopeOf(target.label),
      partner,
      ...sizes,
      beforeCpu: measured.beforeCpu,
      notComparable,
      ...measured,
      statements,
      path: target.path,
      cookie: target.cookie,
    });
  }
  await measureInBrowser(base, results);
  printTable(results);
  const floorScripts = floorPageScripts(path.join(folder, "floor-bare"));
  console.log(
    `The framework's own page (the bare floor's /status: React, React DOM and React Router, no words, no styles): ${(floorScripts / 1024).toFixed(1)} KB of JavaScript on the wire, compressed as Rungs' scripts are; the bars leave a page ${((ASSETS_BAR - floorScripts) / 1024).toFixed(1)} KB beyond it (the sign-in and ladder pages ${((LIGHT_ASSETS_BAR - floorScripts) / 1024).toFixed(1)}).\n`,
  );
  if (values.phone) printPhoneTable(results);
  // The framework at a page's size and a profile explain the figures above; one that cannot be
  // taken leaves them standing.
  await frameworkAtSize(results, (page) => ({
    ...floorSide("bare", "page"),
    url: floors.bare.base + page,
  })).catch((error: unknown) =>
    console.error(
      `bench: no framework at the pages' sizes: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
  await profileOverTheBars(results, tier).catch((error: unknown) =>
    console.error(`bench: no profiles: ${error instanceof Error ? error.message : String(error)}`),
  );
  if (values["report-json"]) writeFileSync(values["report-json"], JSON.stringify(results));
  if (CONNECTIONS >= STARVATION_CONNECTIONS) await starvation(base, engineer, accounts.autosavers);
  if (replica) await printReplicaShare(readsAtStart!);
  if (!values.only.length || values.only.includes("live")) liveAcrossServers();
}

/**
 * Each page over its CPU bar beside the framework alone at its size: the bare floor's page of cards
 * (bench-floor.ts), as many as make the page's HTML, measured as the pages are against the bare
 * page. The framework's cost grows with a page's bytes too; what a page costs beyond that page of
 * cards is Rungs' own (its frame, words, data and checks).
 */
async function frameworkAtSize(rows: Row[], bare: (page: string) => Side) {
  const over = rows.filter(
    (row) => row.path && row.html && row.kind === "page" && (row.cpuRatio ?? 0) > PAGE_BAR,
  );
  if (over.length === 0) return;
  // The HTML a card adds, read from two sizes of the page.
  const bytes = async (cards: number) =>
    (await pageSizes(bare(`/sized?cards=${cards}`).url, undefined)).html;
  const [ten, forty] = [await bytes(10), await bytes(40)];
  const perCard = (forty - ten) / 30;
  const lines: string[] = [];
  for (const row of over) {
    const cards = Math.max(1, Math.round(10 + (row.html! - ten) / perCard));
    step(`the framework at the size of ${row.label}: the bare floor's page of ${cards} cards`);
    const sized = bare(`/sized?cards=${cards}`);
    const measured = await measureAgainstFloors([bare("/status")], sized, DURATION);
    const html = (await pageSizes(sized.url, undefined)).html;
    lines.push(
      `  ${row.label}: ${(row.html! / 1024).toFixed(1)} KB of HTML, ${row.cpuRatio!.toFixed(2)} x the bare page; the framework's page of ${(html / 1024).toFixed(1)} KB, ${measured.cpuRatio.toFixed(2)} x.`,
    );
  }
  console.log(
    `The framework alone at the size of each page over the CPU bar: the bare floor's page of cards (a heading, a sentence, four radio buttons and a text area each, from its loader's data, which it hands to the browser), as many as make the page's HTML, measured against the bare page as the pages are. The rest of a page's CPU is Rungs' own.\n${lines.join("\n")}\n`,
  );
}

/**
 * Names each page over its CPU bar with its profile (scripts/bench-profile.ts): an app server of one
 * process with the inspector on loopback, on the same database, serves each such page alone for
 * --profile seconds while V8's profiler samples it. After the measured run, so it costs none of it.
 */
async function profileOverTheBars(rows: Row[], tier: { url: string; env: Record<string, string> }) {
  const seconds = Number(values.profile);
  const over = rows.filter(
    (row) =>
      row.path &&
      row.cpuRatio !== undefined &&
      row.kind !== "info" &&
      row.cpuRatio > (row.kind === "frame" ? FRAME_BAR : PAGE_BAR),
  );
  if (!(seconds > 0) || over.length === 0) return;
  step(
    `profiling the ${over.length} page${over.length === 1 ? "" : "s"} over a CPU bar, ${seconds} s each`,
  );
  const inspectPort = await freePort();
  const profiled = await startAppServer(tier.url, {
    env: {
      NODE_OPTIONS: `${serveNodeOptions()} --inspect=127.0.0.1:${inspectPort}`,
      WEB_CONCURRENCY: "1",
      ...tier.env,
    },
    timeoutMs: 60_000,
  });
  const lines: string[] = [];
  const saved = mkdtempSync(path.join(os.tmpdir(), "rungs-profiles-"));
  let inspector: Inspector | null = null;
  const sources = sourcesOfBuild();
  try {
    inspector = await Inspector.connect(inspectPort);
    for (const row of over) {
      const url = profiled.url + row.path;
      await warm(url, row.cookie);
      const profile = await inspector.profile(() => run(url, row.cookie, seconds));
      writeFileSync(
        path.join(saved, `${row.label.replace(/[^a-z0-9]+/gi, "-")}.cpuprofile`),
        JSON.stringify(profile),
      );
      const frame = row.kind === "frame";
      lines.push(
        profileLine(
          row.label,
          {
            cpuMs: cpuOf(row),
            ratio: row.cpuRatio!,
            bar: frame ? FRAME_BAR : PAGE_BAR,
            floorName: frame ? "the route-table floor" : "the bare page",
            dbMs: row.cpuDb ?? 0,
            statements: row.statements,
          },
          attribute(profile, 5, sources),
        ),
      );
    }
  } finally {
    inspector?.close();
    await profiled.stop(5_000);
  }
  console.log(
    `Where the pages over a CPU bar spend it: each served alone for ${seconds} s by one app process under V8's sampling profiler (self time by part; a native call counts in the function that made it). The ms and ratios are the measured run's; the profiles, for a browser's developer tools, are in ${saved}.\n${lines.join("\n")}\n`,
  );
}

/**
 * The app's database settings with --pooler and --replica: pages through PgBouncer in transaction
 * mode (no named prepared statements; sessions straight to the server; random_page_cost and jit set on
 * the database, as the pooler drops the connection's options), reads that may be a moment old on a
 * streaming replica made now (after the seed, so its base backup holds the organisation).
 */
async function databaseTier(): Promise<{ url: string; env: Record<string, string> }> {
  const env: Record<string, string> = {};
  let url = databaseUrl;
  if (values.pooler) {
    pooler = await startPooler(postgresServer!);
    await onServer(databaseUrl, async (client) => {
      await client.query(`ALTER DATABASE "${benchDatabaseName}" SET random_page_cost = 1.1`);
      await client.query(`ALTER DATABASE "${benchDatabaseName}" SET jit = off`);
    });
    url = pooler.urlFor(databaseUrl);
    Object.assign(env, { DATABASE_DIRECT_URL: databaseUrl, DATABASE_PREPARED_STATEMENTS: "off" });
    step(`PgBouncer (transaction mode) in front of PostgreSQL on 127.0.0.1:${pooler.port}`);
  }
  if (values.replica) {
    replica = await startReplica(postgresServer!);
    env.DATABASE_REPLICA_URLS = replica.urlFor(databaseUrl);
    step(`a streaming replica on 127.0.0.1:${replica.port} (${replica.seconds} s to make)`);
    readsAtStart = await transactionsOnBoth();
  }
  return { url, env };
}

async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>) {
  const { default: driver } = await import("pg");
  const client = new driver.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

type Transactions = { primary: number; replica: number };
let readsAtStart: Transactions | null = null;

/** Transactions each server has run on the bench's database (each statement outside one is its own). */
async function transactionsOnBoth(): Promise<Transactions> {
  // A backend reports its counts at most once a second.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const count = (url: string) =>
    onServer(url, async (client) => {
      const { rows } = await client.query<{ n: string }>(
        `SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1`,
        [benchDatabaseName],
      );
      return Number(rows[0]?.n ?? 0);
    });
  return { primary: await count(databaseUrl), replica: await count(replica!.urlFor(databaseUrl)) };
}

/** The share of the run's statements the replica answered (the primary's count holds every write, and the reads a rule keeps there). */
async function printReplicaShare(before: Transactions) {
  const after = await transactionsOnBoth();
  const primary = after.primary - before.primary;
  const onReplica = after.replica - before.replica;
  const total = primary + onReplica;
  console.log(
    `Read replica: ${onReplica.toLocaleString("en-GB")} of the run's ${total.toLocaleString("en-GB")} transactions on the bench's database answered by the replica (${total ? ((onReplica / total) * 100).toFixed(1) : "0"}%), ${primary.toLocaleString("en-GB")} by the primary (every write, and every read a rule keeps there).`,
  );
}

/**
 * `--people A,B`: a run of the whole bench at each size, one after the other (each its own process,
 * database and floor), then each page's CPU per request at both sizes against the growth bars.
 */
async function compareSizes() {
  const reports: Row[][] = [];
  for (const size of SIZES) {
    const file = path.join(folder, `report-${size}.json`);
    const args = process.argv
      .slice(2)
      .flatMap((arg, index, all) =>
        arg === "--people"
          ? []
          : all[index - 1] === "--people"
            ? []
            : arg.startsWith("--people=")
              ? []
              : [arg],
      );
    step(`the bench at ${size.toLocaleString("en-GB")} people`);
    const child = spawnSync(
      "./node_modules/.bin/tsx",
      ["scripts/bench.ts", ...args, "--people", String(size), "--report-json", file],
      { stdio: "inherit" },
    );
    if (child.status !== 0 || !existsSync(file))
      throw new Error(`the bench at ${size} people did not finish`);
    reports.push(JSON.parse(readFileSync(file, "utf8")) as Row[]);
  }
  const [small, large] = reports as [Row[], Row[]];
  const header = [
    "route",
    "scope",
    `CPU ms/req at ${SIZES[0]!.toLocaleString("en-GB")}`,
    `at ${SIZES[1]!.toLocaleString("en-GB")}`,
    "growth",
    "bar",
    "result",
  ];
  const lines = small.flatMap((row) => {
    const other = large.find((candidate) => candidate.label === row.label);
    if (row.kind !== "page" || row.cpuApp === undefined || other?.cpuApp === undefined) return [];
    const before = row.cpuApp + row.cpuDb!;
    const after = other.cpuApp + other.cpuDb!;
    const bar = GROWTH_BARS[row.scope];
    return [
      [
        row.label,
        row.scope,
        before.toFixed(2),
        after.toFixed(2),
        (after / before).toFixed(2),
        `<= ${bar}`,
        after / before <= bar ? "PASS" : "FAIL",
      ],
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column >= 2 && column <= 5 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join("  ");
  console.log("");
  console.log(
    `Growth: CPU per request at ${SIZES.map((size) => size.toLocaleString("en-GB")).join(" and ")} people (${databaseLabel}); pages about one person or team at most ${GROWTH_BARS.person} x, organisation-wide pages at most ${GROWTH_BARS.organisation} x.`,
  );
  console.log(format(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const line of lines) console.log(format(line));
  console.log("");
}

/** The bar a row is held to: /status and /ping against the floor's page and resource route; every page; informational rows. */
function kindOf(label: string): Row["kind"] {
  if (label === "trivial page" || label === "bare /ping") return "frame";
  if (label === "health check" || label === "redirect" || label === "small .data") return "info";
  return "page";
}

/** Organisation-wide pages, whose cost may grow with the organisation (at most twice from 5,000 to 50,000 people); the rest are about one person or team. */
const ORGANISATION_PAGES = new Set([
  "home page (admin)",
  "team overview (VP)",
  "cycle progress",
  "calibration session",
  "calibration grid",
  "organisation insights",
  "people list",
  "programme report",
  "mentorship matching",
  "access audit",
  "promotion audit",
  "goal tree",
]);
const scopeOf = (label: string): Row["scope"] =>
  ORGANISATION_PAGES.has(label) ? "organisation" : "person";

/** A page as a browser gets it (one GET asking for brotli or gzip): its bytes on the wire, and its HTML once decompressed. */
function pageSizes(
  url: string,
  cookie: string | undefined,
): Promise<{ html: number; wire: number; encoding: string; document: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers: requestHeaders(cookie) }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        const encoding = response.headers["content-encoding"] ?? "identity";
        const html =
          encoding === "br"
            ? brotliDecompressSync(body)
            : encoding === "gzip"
              ? gunzipSync(body)
              : body;
        resolve({
          html: html.byteLength,
          wire: body.byteLength,
          encoding,
          document: html.toString("utf8"),
        });
      });
    });
    request.on("error", reject);
    request.end();
  });
}

/**
 * `--against DIR`: that checkout's built server on the same database, beside Rungs (its own
 * node_modules, the same environment); its CPU is read as Rungs' is.
 */
async function startAgainst(
  dir: string,
): Promise<{ base: string; cpu: () => { app: number; db: number } }> {
  const root = path.resolve(dir);
  if (
    !existsSync(path.join(root, "build/server/index.js")) ||
    !existsSync(path.join(root, "node_modules/.bin/tsx"))
  ) {
    throw new Error(
      `--against ${root}: not a built checkout (run npm ci && npm run build there first)`,
    );
  }
  const commit = spawnSync("git", ["-C", root, "log", "-1", "--format=%h %s"], { encoding: "utf8" })
    .stdout.trim()
    .slice(0, 80);
  againstServer = await startAppServer(databaseUrl, {
    cwd: root,
    env: {
      NODE_OPTIONS: serveNodeOptions(root),
      ...(values.processes ? { WEB_CONCURRENCY: values.processes } : {}),
    },
    output: "stderr",
    timeoutMs: 60_000,
  });
  const base = againstServer.url;
  step(
    `before: ${root} (${commit || "not a git checkout"}), pid ${againstServer.pid}, on ${base}, the same database`,
  );
  const pid = againstServer.pid!;
  return { base, cpu: () => ({ app: treeMs(pid), db: postgresServer ? postgresMs() : 0 }) };
}

/** The calibration bar for live updates across servers, measured on PostgreSQL by scripts/bench-live.ts (skipped, and said, without one). */
function liveAcrossServers() {
  step("live updates across two app servers (PostgreSQL)");
  const run = spawnSync("./node_modules/.bin/tsx", ["scripts/bench-live.ts"], { encoding: "utf8" });
  const last = run.stdout.trim().split("\n").at(-1) ?? "";
  const result = (() => {
    try {
      return JSON.parse(last) as {
        p50?: number;
        p95?: number;
        bar?: number;
        passed?: boolean;
        skipped?: string;
      };
    } catch {
      return { skipped: run.stderr.trim() || "no result" };
    }
  })();
  if (result.p95 === undefined)
    console.log(
      `Live updates across two app servers: SKIPPED (${result.skipped}); run npm run bench:live with a PostgreSQL server.`,
    );
  else
    console.log(
      `Live updates across two app servers (PostgreSQL): p50 ${result.p50!.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms; bar p95 <= ${result.bar} ms: ${result.passed ? "PASS" : "FAIL"}`,
    );
}

// ---------------------------------------------------------------- seeding

type Account = { id: string; email: string; level: string | null; reports: number };

async function seed() {
  const [
    { importPeople },
    { MAX_IMPORT_ROWS },
    { hashPassword },
    { toCsv },
    { largeOrganisation },
    { seedReviewHistory },
    { db },
    { reportsUnder },
  ] = await Promise.all([
    import("../app/modules/people/import.server.ts"),
    import("../app/modules/people/csv-import.ts"),
    import("../app/modules/identity/passwords/password.server.ts"),
    import("../prisma/seed/demo-organisation.ts"),
    import("../prisma/seed/large-organisation.ts"),
    import("../prisma/seed/review-history.ts"),
    import("../app/db/client.server.ts"),
    import("../app/modules/people/reporting-line.server.ts"),
  ]);
  const people = largeOrganisation(PEOPLE);
  // A file holds at most MAX_IMPORT_ROWS people: a larger organisation comes in several files, in
  // order, as an admin would import it (every manager comes before their reports).
  for (let start = 0; start < people.length; start += MAX_IMPORT_ROWS) {
    const file = toCsv(people.slice(start, start + MAX_IMPORT_ROWS));
    const imported = await importPeople(file, { actorId: null, dryRun: false });
    if (!imported.ok)
      throw new Error(
        `the large organisation did not import: ${JSON.stringify(imported.errors.slice(0, 5))}`,
      );
  }
  const hash = await hashPassword(PASSWORD);
  const users = await db.user.findMany({ select: { id: true } });
  for (let start = 0; start < users.length; start += 1000) {
    await db.password.createMany({
      data: users.slice(start, start + 1000).map((user) => ({ userId: user.id, hash })),
    });
  }
  await db.user.updateMany({
    where: { email: "person1@bench.example.com" },
    data: { isAdmin: true },
  });
  step(`imported ${users.length.toLocaleString("en-GB")} people`);

  const history = await seedReviewHistory({ cycles: 2, seed: 7, log: (message) => step(message) });
  step(
    `two past cycles: ${history.assessments.toLocaleString("en-GB")} assessments, ${history.ratings.toLocaleString("en-GB")} ratings, ${history.evidence.toLocaleString("en-GB")} evidence`,
  );

  const pickWithReports = async (level: string, atMost: number): Promise<Account> => {
    const candidates = await db.user.findMany({
      where: { level },
      orderBy: { email: "asc" },
      select: { id: true, email: true, level: true },
    });
    let best: Account | null = null;
    for (const candidate of candidates) {
      const reports = (await reportsUnder(candidate.id)).length;
      if (reports <= atMost && (!best || reports > best.reports)) best = { ...candidate, reports };
    }
    if (!best) throw new Error(`nobody at level ${level} to sign in as`);
    return best;
  };
  // People who autosave their own drafts at once in the starvation run (--connections 50 or more).
  const autosavers = await db.user.findMany({
    where: { level: { in: ["ic1", "ic2", "ic3"] }, managerId: { not: null } },
    orderBy: { email: "desc" },
    take: CONNECTIONS,
    select: { email: true },
  });
  const engineerRow = await db.user.findFirstOrThrow({
    where: { level: "ic3", managerId: { not: null } },
    orderBy: { email: "asc" },
    select: { id: true, email: true, level: true },
  });
  const latestCycle = await db.reviewCycle.findFirstOrThrow({
    orderBy: { startsOn: "desc" },
    select: { id: true, _count: { select: { participants: true } } },
  });
  const accounts = {
    engineer: { ...engineerRow, reports: 0 },
    manager: await pickWithReports("m3", 1000),
    vp: await pickWithReports("m4", PEOPLE),
    admin: { email: "person1@bench.example.com" },
    autosavers: autosavers.map((person) => person.email),
    cycleId: latestCycle.id,
    participants: latestCycle._count.participants,
  };
  // A live calibration session over the latest cycle for about 1,000 people, every proposal in.
  const { createSession, advanceSession } =
    await import("../app/modules/calibration/sessions.server.ts");
  const adminUser = await db.user.findUniqueOrThrow({
    where: { email: accounts.admin.email },
    select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
  });
  // Whole teams, in name order, until about 1,000 people.
  const teamSizes = await db.team.findMany({
    orderBy: { name: "asc" },
    select: { id: true, _count: { select: { members: true } } },
  });
  const calibrationTeams: string[] = [];
  for (let total = 0, index = 0; total < 1000 && index < teamSizes.length; index++) {
    calibrationTeams.push(teamSizes[index]!.id);
    total += teamSizes[index]!._count.members;
  }
  const created = await createSession(adminUser, {
    name: "Bench calibration",
    cycleId: latestCycle.id,
    ladderId: "engineering",
    facilitatorEmail: adminUser.email,
    population: "teams",
    teamIds: calibrationTeams,
    blindPreRead: false,
  });
  if (!created.ok)
    throw new Error(
      `the calibration session was not set up: ${JSON.stringify(created.fieldErrors)}`,
    );
  await advanceSession(adminUser, created.sessionId, "proposals");
  const entries = await db.calibrationEntry.findMany({
    where: { sessionId: created.sessionId },
    select: { id: true },
  });
  for (const [index, entry] of entries.entries()) {
    await db.calibrationEntry.update({
      where: { id: entry.id },
      data: {
        proposedRating: (index % 4) + 1,
        proposedOutcome: index % 9 === 0 ? "promote" : "stay",
        rationale: "Bench proposal.",
        proposedAt: new Date(),
      },
    });
  }
  await advanceSession(adminUser, created.sessionId, "live");
  step(
    `calibration session: ${entries.length.toLocaleString("en-GB")} people, live, every proposal in`,
  );
  const calibration = {
    sessionId: created.sessionId,
    people: entries.length,
    entryId: entries[0]!.id,
  };
  // Hiring: 2,000 past loops for the interviewer statistics, and a loop of six interviewers × ten competencies to debrief.
  const { seedHiringHistory } = await import("../prisma/seed/hiring-history.ts");
  const hiring = await seedHiringHistory({
    adminId: adminUser.id,
    loops: 2000,
    // The home page's engineer stays a light signed-in page at every size: no interviews to do.
    exclude: [accounts.engineer.id],
    log: (message) => step(message),
  });
  step(
    `hiring history: ${hiring.loops.toLocaleString("en-GB")} loops, ${hiring.cards.toLocaleString("en-GB")} scorecards, ${hiring.scores.toLocaleString("en-GB")} scores`,
  );

  const mentorship = await seedMentorship(adminUser);
  step(
    `mentorship programme: ${mentorship.mentees} mentees, ${mentorship.mentors} mentors, ${mentorship.pairs} pairs offered`,
  );

  const { seedGoalHistory } = await import("../prisma/seed/goal-history.ts");
  const goals = await seedGoalHistory({ adminId: adminUser.id });
  step(
    `this quarter's goals: ${goals.objectives.toLocaleString("en-GB")} objectives, ${goals.keyResults.toLocaleString("en-GB")} key results, ${goals.checkIns.toLocaleString("en-GB")} check-ins`,
  );

  // A promotion window at its meeting: three nominees' filled packets, a committee of four, every ballot in.
  const { seedPromotionMeeting } = await import("../prisma/seed/promotion-meeting.ts");
  const promotions = await seedPromotionMeeting({ admin: adminUser });
  step(
    `promotion window at its meeting: ${promotions.nominationIds.length} nominees × ${promotions.criteria} criteria, every packet filled and every ballot in`,
  );
  const scorecard = await fillScorecardDraft(hiring);
  step(`hiring scorecard: ${scorecard.competencies} competencies scored with notes, not submitted`);
  const feedback = await seedFeedbackRequest(adminUser);
  step(
    `peer feedback: a request of ${feedback.competencies} competencies, ${feedback.answered} answered in the draft; ${feedback.waiting} nominations waiting for the manager`,
  );
  // The manager with the most people in the live session: the calibration page of someone who proposed.
  const managers = new Map<string, number>();
  for (const entry of await db.calibrationEntry.findMany({
    where: { sessionId: created.sessionId, managerId: { not: null } },
    select: { managerId: true },
  }))
    managers.set(entry.managerId!, (managers.get(entry.managerId!) ?? 0) + 1);
  const [proposerId, proposals] = [...managers].sort((a, b) => b[1] - a[1])[0]!;
  const proposer = await db.user.findUniqueOrThrow({
    where: { id: proposerId },
    select: { email: true },
  });

  // Hand the server a checkpointed file (or fresh planner statistics and nothing left for autovacuum,
  // whose workers would otherwise start during the measured slices and, on exiting, take their CPU
  // time out of the count of PostgreSQL's processes: a negative figure), and let go of it.
  if (postgresServer) await db.$executeRawUnsafe("VACUUM (ANALYZE)");
  else await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.$disconnect();
  return {
    ...accounts,
    calibration: { ...calibration, proposer: { email: proposer.email, proposals } },
    hiring,
    mentorship,
    goals,
    promotions,
    scorecard,
    feedback,
  };
}

/** The interviewer's card on the hiring history's open interview, as far as one gets before submitting: every competency scored with notes, a summary, no recommendation yet. */
async function fillScorecardDraft(hiring: {
  scorecardInterviewId: string;
  scorecardInterviewerId: string;
}) {
  const { db } = await import("../app/db/client.server.ts");
  const { interviewPage, saveScorecardDraft } =
    await import("../app/modules/hiring/scorecards.server.ts");
  const interviewer = await db.user.findUniqueOrThrow({
    where: { id: hiring.scorecardInterviewerId },
    select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
  });
  const page = await interviewPage(interviewer, hiring.scorecardInterviewId);
  const notes =
    "Asked about the queue migration: explained the rollback plan and its trade-offs clearly, and what they would change now. Follow-up on testing the consumer was thinner.";
  const saved = await saveScorecardDraft(interviewer, hiring.scorecardInterviewId, {
    baseRevision: page.revision,
    changes: [
      ...page.competencyIds.flatMap((id, index) => [
        { field: `rating:${id}`, value: page.scale[index % page.scale.length]!.value, base: null },
        { field: `notes:${id}`, value: notes, base: null },
      ]),
      { field: "summary", value: `${notes} ${notes}`, base: null },
    ],
  });
  if (saved.status !== 200)
    throw new Error(`the scorecard draft was not saved: ${JSON.stringify(saved.body)}`);
  return { email: interviewer.email, competencies: page.competencyIds.length };
}

/**
 * A review cycle open for one team (the last by name, away from the live calibration session's),
 * asking peer feedback on the level's competencies: a colleague's request about a Senior Engineer,
 * approved by the engineer's manager, three competencies in four answered in the draft.
 */
async function seedFeedbackRequest(admin: {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  isHiringAdmin: boolean;
}) {
  const { db } = await import("../app/db/client.server.ts");
  const { openCycle } = await import("../app/modules/cycles/cycles.server.ts");
  const { answerPage, nominatePeer, saveAnswerDraft, saveFeedbackSettings } =
    await import("../app/modules/feedback/feedback.server.ts");
  const { FeedbackSettingsSchema } = await import("../app/modules/feedback/settings.ts");
  const { dateToDay } = await import("../app/modules/days.ts");
  const day = (days: number) => dateToDay(new Date(Date.now() + days * 24 * 60 * 60 * 1000));
  const select = { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true } as const;
  const team = await db.team.findFirstOrThrow({
    where: { members: { some: { level: "ic3", managerId: { not: null } } } },
    orderBy: { name: "desc" },
    select: { id: true },
  });
  const subject = await db.user.findFirstOrThrow({
    where: { teamId: team.id, level: "ic3", managerId: { not: null } },
    orderBy: { email: "asc" },
    select: { ...select, managerId: true },
  });
  const manager = await db.user.findUniqueOrThrow({
    where: { id: subject.managerId! },
    select,
  });
  const reviewer = await db.user.findFirstOrThrow({
    where: {
      teamId: team.id,
      id: { notIn: [subject.id, manager.id] },
      level: { not: null },
      deactivatedAt: null,
    },
    orderBy: { email: "asc" },
    select,
  });
  const opened = await openCycle(admin.id, {
    name: "Bench feedback",
    startsOn: day(-7),
    endsOn: day(60),
    participants: "teams",
    teamIds: [team.id],
  });
  if (!opened.ok) throw new Error(`the feedback cycle was not opened: ${JSON.stringify(opened)}`);
  await saveFeedbackSettings(
    admin,
    opened.cycleId,
    FeedbackSettingsSchema.parse({
      peer: true,
      dueOn: day(21),
      minPeers: 1,
      maxPeers: 5,
      competencies: "level",
    }),
  );
  // The manager's own nomination is approved at once.
  const nominated = await nominatePeer(manager, opened.cycleId, subject.id, reviewer.id);
  if (!nominated.ok) throw new Error(`the peer was not asked: ${nominated.message.key}`);
  // Three more the person nominates themself, waiting for the manager's approval on their page.
  const waiting = await db.user.findMany({
    where: {
      teamId: team.id,
      id: { notIn: [subject.id, manager.id, reviewer.id] },
      level: { not: null },
      deactivatedAt: null,
    },
    orderBy: { email: "asc" },
    take: 3,
    select: { id: true },
  });
  for (const colleague of waiting) {
    const asked = await nominatePeer(subject, opened.cycleId, subject.id, colleague.id);
    if (!asked.ok) throw new Error(`the colleague was not nominated: ${asked.message.key}`);
  }
  const page = await answerPage(reviewer, nominated.requestId);
  const answered = page.competencies.filter((_, index) => index % 4 !== 3);
  const example =
    "In the October incident she kept the timeline, wrote two of the follow-ups and walked the newer engineers through the rollback afterwards.";
  const saved = await saveAnswerDraft(reviewer, nominated.requestId, {
    baseRevision: page.request.revision,
    changes: answered.flatMap((competency, index) => [
      ...(page.scale.length
        ? [
            {
              field: `rating:${competency.id}`,
              value: page.scale[index % page.scale.length]!.value,
              base: null,
            },
          ]
        : []),
      { field: `notes:${competency.id}`, value: example, base: null },
    ]),
  });
  if (saved.status !== 200)
    throw new Error(`the feedback draft was not saved: ${JSON.stringify(saved.body)}`);
  return {
    requestId: nominated.requestId,
    reviewerEmail: reviewer.email,
    cycleId: opened.cycleId,
    subjectId: subject.id,
    managerEmail: manager.email,
    waiting: waiting.length,
    competencies: page.competencies.length,
    answered: answered.length,
  };
}

/** A programme open to everyone: 300 mentees, 150 mentors of two each, matched and published. */
async function seedMentorship(admin: {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  isHiringAdmin: boolean;
}) {
  const { db } = await import("../app/db/client.server.ts");
  const { createProgramme } = await import("../app/modules/mentorship/programmes.server.ts");
  const { saveOptIn } = await import("../app/modules/mentorship/opt-in.server.ts");
  const { runMatching, publishPairs } =
    await import("../app/modules/mentorship/matching.server.ts");
  const { dateToDay } = await import("../app/modules/days.ts");
  const now = new Date();
  const day = (days: number) => dateToDay(new Date(now.getTime() + days * 24 * 60 * 60 * 1000));
  const created = await createProgramme(
    admin,
    {
      name: "Bench mentoring",
      ladderId: "engineering",
      startsOn: day(21),
      endsOn: day(21 + 182),
      matchingOn: day(14),
      openTo: "everyone",
      teamIds: [],
      maxMenteesPerMentor: 2,
      allowRepeatPairs: false,
      crossTeamOnly: false,
      maxTimeZoneHours: 6,
      weightGoals: 3,
      weightCrossTeam: 1,
      weightLevel: 1,
      objective: "most-matched",
      fairness: false,
    },
    now,
  );
  if (!created.ok)
    throw new Error(
      `the mentorship programme was not set up: ${JSON.stringify(created.fieldErrors)}`,
    );
  const goals = [
    "testing",
    "code-quality",
    "system-design",
    "operations",
    "security",
    "collaboration",
  ];
  const select = { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true } as const;
  const mentees = await db.user.findMany({
    where: { level: { in: ["ic1", "ic2"] }, managerId: { not: null } },
    orderBy: { email: "asc" },
    take: 300,
    select,
  });
  const mentors = await db.user.findMany({
    where: { level: { in: ["ic4", "ic5"] } },
    orderBy: { email: "asc" },
    take: 150,
    select,
  });
  for (const [index, person] of mentees.entries()) {
    const result = await saveOptIn(
      person,
      created.programmeId,
      {
        role: "mentee",
        goals: [goals[index % 6]!, goals[(index + 2) % 6]!],
        preferences: "",
        timeZone: BENCH_ZONES[index % 3]!,
      },
      now,
    );
    if (!result.ok)
      throw new Error(
        `${person.email} could not join as a mentee: ${JSON.stringify(result.fieldErrors)}`,
      );
  }
  for (const [index, person] of mentors.entries()) {
    const competencies = [goals[index % 6]!, goals[(index + 1) % 6]!, goals[(index + 3) % 6]!];
    const result = await saveOptIn(
      person,
      created.programmeId,
      { role: "mentor", competencies, capacity: 2, timeZone: BENCH_ZONES[index % 3]! },
      now,
    );
    if (!result.ok)
      throw new Error(
        `${person.email} could not join as a mentor: ${JSON.stringify(result.fieldErrors)}`,
      );
  }
  await runMatching(
    admin,
    created.programmeId,
    { objective: "most-matched", fairness: false },
    now,
  );
  const { offered } = await publishPairs(admin, created.programmeId, now);
  const pair = await db.mentorshipPair.findFirstOrThrow({
    where: { programmeId: created.programmeId },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return {
    programmeId: created.programmeId,
    pairId: pair.id,
    mentees: mentees.length,
    mentors: mentors.length,
    pairs: offered,
  };
}

// ---------------------------------------------------------------- server and sessions

/** The Node options the checkout's `npm run serve` gives the server (package.json), so the bench measures the server as it runs in production. */
function serveNodeOptions(checkout = "."): string {
  const serve: string = JSON.parse(readFileSync(path.join(checkout, "package.json"), "utf8"))
    .scripts.serve;
  const own = /NODE_OPTIONS="([^"$]*)/.exec(serve)?.[1]?.trim() ?? "";
  return [own, process.env.NODE_OPTIONS ?? ""].filter(Boolean).join(" ");
}

async function waitFor(url: string, child: ChildProcess | null) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child?.exitCode !== null)
      throw new Error(`the server for ${url} exited with code ${child?.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie)
    throw new Error(`signing in as ${email} answered ${response.status}`);
  return cookie;
}

/** /assess opens the engineer's self-assessment, starting one (outside a cycle: the past ones are closed) when needed. */
async function selfAssessmentPage(base: string, cookie: string): Promise<string | null> {
  const location = (response: Response) =>
    response.status >= 300 && response.status < 400 ? response.headers.get("location") : null;
  let target = location(
    await fetch(`${base}/assess`, { headers: { Cookie: cookie }, redirect: "manual" }),
  );
  if (!target) {
    const started = await fetch(`${base}/assess`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: new URLSearchParams({}),
      redirect: "manual",
    });
    target = location(started);
  }
  if (!target?.startsWith("/assessments/")) return null;
  return (await fetch(base + target, { headers: { Cookie: cookie } })).status === 200
    ? target
    : null;
}

/**
 * Fills the draft the way someone far into their self-assessment has, through the same
 * endpoints the page uses: every competency rated with notes, every next-level
 * expectation marked, two pieces of evidence each, and an overall summary. The page
 * measured is then a realistic one, not an empty form.
 */
async function fillDraft(
  base: string,
  cookie: string,
  path: string,
): Promise<{ competencies: number; evidence: number }> {
  const page = async (search: string) => {
    const response = await fetch(base + path + search, { headers: { Cookie: cookie } });
    if (response.status !== 200) throw new Error(`${path}${search} answered ${response.status}`);
    return response.text();
  };
  const first = await page("");
  const sections = [
    ...new Set([...first.matchAll(/[?&]section=([a-z0-9-]+)/g)].map((match) => match[1]!)),
  ].filter((id) => id !== "summary");
  const competencies = new Map<string, number>();
  for (const section of sections) {
    const html = await page(`?section=${section}`);
    for (const [, id] of html.matchAll(/name="rating-([a-z0-9-]+)"/g)) competencies.set(id!, 0);
    for (const [, id, index] of html.matchAll(/id="([a-z0-9-]+)-mark-(\d+)"/g))
      competencies.set(id!, Math.max(competencies.get(id!) ?? 0, Number(index) + 1));
  }
  if (!competencies.size) throw new Error(`found no competencies to rate on ${path}`);
  const notes =
    "Led the migration of the payments service to the new queue, wrote the design note and the rollback plan, and paired with two newer engineers on the riskiest parts. Next: own the on-call review.";
  const marks = ["met", "partly", "not-met"] as const;
  const changes = [...competencies].flatMap(([id, markCount], index) => [
    { field: `rating:${id}`, value: (index % 4) + 1, base: null },
    { field: `notes:${id}`, value: notes, base: null },
    ...Array.from({ length: markCount }, (_, mark) => ({
      field: `mark:${id}:${mark}`,
      value: marks[(index + mark) % 3]!,
      base: null,
    })),
  ]);
  changes.push({ field: "summary", value: `${notes} ${notes}`, base: null });
  const saved = await fetch(`${base}${path}/save`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json" },
    body: JSON.stringify({ baseRevision: 0, changes }),
  });
  if (saved.status !== 200)
    throw new Error(`saving the draft answered ${saved.status}: ${await saved.text()}`);
  let evidence = 0;
  for (const id of competencies.keys()) {
    for (const [text, url] of [
      [
        "Design note for the queue migration, reviewed by the platform team.",
        "https://docs.example.com/design/queue-migration",
      ],
      [
        "Incident review of the October outage: wrote the timeline and two of the follow-ups.",
        "https://docs.example.com/incidents/2026-10-outage",
      ],
    ]) {
      const body = new URLSearchParams({
        intent: "add-evidence",
        competencyId: id,
        text: text!,
        url: url!,
        occurredOn: "2026-10-01",
      });
      // As the draft's own form adds it (decision 169): posted to the page, which redirects back.
      const added = await fetch(`${base}${path}`, {
        method: "POST",
        headers: { Cookie: cookie },
        body,
        redirect: "manual",
      });
      if (added.status !== 302)
        throw new Error(`adding evidence answered ${added.status}: ${await added.text()}`);
      evidence += 1;
    }
  }
  return { competencies: competencies.size, evidence };
}

// ---------------------------------------------------------------- starvation

/** At this many connections or more, the bench also checks that no request starves. */
const STARVATION_CONNECTIONS = 50;
/** The health check must answer within this, on a fresh connection, whatever the load. */
const HEALTH_BAR_MS = 1000;

/**
 * The health check, polled once a second on a fresh connection each time (as a load
 * balancer does) while `load` runs; the longest answer is what starvation would show.
 */
type HealthRun = { max: number; polls: number; failed: number };

/** The health check on the app's port and on HEALTH_PORT, polled side by side. */
async function pollBothWhile(
  base: string,
  load: Promise<unknown>,
): Promise<{ page: HealthRun; port: HealthRun }> {
  const [page, port] = await Promise.all([
    pollHealthWhile(`${base}/healthz`, load),
    pollHealthWhile(`${healthBase}/healthz`, load),
  ]);
  return { page, port };
}

async function pollHealthWhile(url: string, load: Promise<unknown>): Promise<HealthRun> {
  const { request } = await import("node:http");
  const timings: number[] = [];
  let failed = 0;
  let running = true;
  const finished = load.finally(() => (running = false));
  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const call = request(
        url,
        { agent: false, headers: { Connection: "close" }, timeout: 30_000 },
        (response) => {
          response.resume();
          response.on("end", () => {
            timings.push(performance.now() - started);
            if (response.statusCode !== 200) failed++;
            resolve();
          });
        },
      );
      call.on("timeout", () => call.destroy(new Error("timeout")));
      call.on("error", () => {
        failed++;
        timings.push(performance.now() - started);
        resolve();
      });
      call.end();
    });
  const polls: Promise<void>[] = [];
  while (running) {
    polls.push(once());
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 1000))]);
  }
  await Promise.all(polls);
  return { max: Math.max(0, ...timings), polls: timings.length, failed };
}

/**
 * `--connections 50`: the home page at that many connections, then that many people each
 * autosaving their own self-assessment as fast as answers come, each with the health check
 * polled beside it. Prints the health check's longest answer (bar: under a second) and, for
 * the autosaves, how many were refused or lost (each person's last saved text is read back).
 */
async function starvation(base: string, engineer: string, autosavers: string[]) {
  step(`starvation: home page at ${CONNECTIONS} connections, health check polled each second`);
  const home = await pollBothWhile(base, measure(`${base}/`, engineer, DURATION));
  step(`starvation: ${autosavers.length} people autosaving their own drafts at once`);
  const writers = await Promise.all(
    autosavers.map(async (email) => {
      const cookie = await signIn(base, email);
      const path = await selfAssessmentPage(base, cookie);
      if (!path) throw new Error(`${email} has no self-assessment to autosave`);
      return { cookie, path };
    }),
  );
  let saves = 0;
  let refused = 0;
  const deadline = performance.now() + DURATION * 1000;
  const lastSaved: string[] = [];
  const autosave = Promise.all(
    writers.map(async ({ cookie, path }, writer) => {
      let revision: number | null = null;
      let previous: string | null = null;
      for (let round = 0; performance.now() < deadline; round++) {
        if (revision === null) {
          const opened = await fetch(`${base}${path}/save`, {
            method: "POST",
            headers: { Cookie: cookie, "Content-Type": "application/json" },
            body: JSON.stringify({ baseRevision: 0, changes: [] }),
          });
          const body = (await opened.json()) as {
            revision?: number;
            values?: { summary?: string | null };
          };
          revision = body.revision ?? 0;
          previous = body.values?.summary ?? null;
        }
        const value = `Autosave ${writer}.${round}: led the queue migration and wrote its rollback plan.`;
        const answer = await fetch(`${base}${path}/save`, {
          method: "POST",
          headers: { Cookie: cookie, "Content-Type": "application/json" },
          body: JSON.stringify({
            baseRevision: revision,
            changes: [{ field: "summary", value, base: previous }],
          }),
        });
        saves++;
        const body = (await answer.json().catch(() => ({}))) as {
          ok?: boolean;
          revision?: number;
          conflicts?: unknown[];
        };
        if (answer.status !== 200 || !body.ok || (body.conflicts?.length ?? 0) > 0) {
          refused++;
          revision = null;
          continue;
        }
        revision = body.revision ?? revision;
        previous = value;
        lastSaved[writer] = value;
      }
    }),
  );
  const saving = await pollBothWhile(base, autosave);
  let lost = 0;
  await Promise.all(
    writers.map(async ({ cookie, path }, writer) => {
      const read = await fetch(`${base}${path}/save`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/json" },
        body: JSON.stringify({ baseRevision: 0, changes: [] }),
      });
      const body = (await read.json()) as { values?: { summary?: string | null } };
      if (lastSaved[writer] !== undefined && body.values?.summary !== lastSaved[writer]) lost++;
    }),
  );
  const verdict = (run: HealthRun) =>
    run.max < HEALTH_BAR_MS && run.failed === 0 ? "PASS" : "FAIL";
  const line = (run: HealthRun) =>
    `longest ${run.max.toFixed(0)} ms over ${run.polls} polls, ${run.failed} failed: ${verdict(run)}`;
  console.log(
    `Starvation at ${CONNECTIONS} connections (health check polled each second on a fresh connection; bar: every answer within ${HEALTH_BAR_MS} ms):`,
  );
  console.log(
    `  home page load: health check on HEALTH_PORT ${line(home.port)}; on the app's port (informational) ${line(home.page)}`,
  );
  console.log(
    `  ${writers.length} people autosaving: health check on HEALTH_PORT ${line(saving.port)}; on the app's port (informational) ${line(saving.page)}`,
  );
  console.log(
    `  autosaves: ${saves} sent, ${refused} refused, ${lost} lost (a person's last saved text not read back): ${refused === 0 && lost === 0 ? "PASS" : "FAIL"}`,
  );
}

// ---------------------------------------------------------------- measuring

type Measured = {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  bad: number;
};
/**
 * CPU milliseconds per request of the app's processes and of the database server's, and of the
 * floor it is held to (for /status and /ping the route-table floor; the bare app's ratio is the goal).
 */
type Cpu = {
  cpuApp: number;
  cpuDb: number;
  floorCpu: number;
  cpuRatio: number;
  goalFloorCpu?: number;
  goalRatio?: number;
  beforeCpu?: number;
};
type Row = {
  label: string;
  note: string;
  kind: "frame" | "page" | "info";
  scope: "person" | "organisation";
  partner?: "page" | "resource";
  html?: number;
  wire?: number;
  encoding?: string;
  /** CPU ms per request of the other checkout (--against), in the same slices. */
  beforeCpu?: number;
  /** With --against: why the other checkout's document is not this page (scripts/bench-same-page.ts), or null. */
  notComparable?: string | null;
  path?: string;
  cookie?: string;
  /** Bytes of JavaScript and CSS on the wire the page fetched until it was interactive, in the browser. */
  script?: number;
  style?: number;
  /** --phone: milliseconds until interactive on a mid-range phone. */
  phone?: PhoneTimings;
  /** SQL statements a request of the page runs (statementsPerRequest). */
  statements?: number;
} & Partial<Measured> &
  Partial<Cpu>;
const BENCH_METRICS_TOKEN = "bench-statements-counted";
const STATEMENT_SAMPLES = 9;

/**
 * The SQL statements one request of a page runs, from the app's own count (the statement histogram
 * of GET /metrics, summed over its processes), read around each of STATEMENT_SAMPLES requests after
 * the page's slices, when its kept views are built. A scrape runs statements of its own (the outbox's
 * figures, in each process), counted by reading twice with nothing between. The median, so a
 * periodic job's statement in a window does not count.
 */
async function statementsPerRequest(base: string, target: string, cookie?: string) {
  const counted = async () =>
    statementCount(
      await (
        await fetch(`${base}/metrics`, {
          headers: { Authorization: `Bearer ${BENCH_METRICS_TOKEN}` },
        })
      ).text(),
    );
  const samples: number[] = [];
  for (let sample = 0; sample < STATEMENT_SAMPLES; sample++) {
    const first = await counted();
    const before = await counted();
    await getOnce(base + target, requestHeaders(cookie));
    samples.push((await counted()) - before - (before - first));
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

/** A server measured in a slice: the address asked for, with whose cookie, and how its CPU time is read. */
type Side = { url: string; cookie: string | undefined; cpu: () => { app: number; db: number } };

/**
 * Each page is measured in ROUNDS rounds, taking turns with the floor in SLICES short slices each
 * (about a second): a slowdown of the machine falls on both sides alike. The CPU time of each side's
 * processes is read around each of its slices; a round's figure is each side's CPU over its
 * requests, and the page's ratio is the median of the rounds' ratios.
 */
const ROUNDS = 3;
const SLICES = 3;
const roundSeconds = (duration: number) => Math.max(2, Math.round(duration / ROUNDS));

type Tally = { latencies: number[]; seconds: number; bad: number; app: number; db: number };

/**
 * The page takes turns with each floor (the first floor is the one its bar is held to, a second one
 * its goal) and, with --against, with the same page on the other checkout.
 */
async function measureAgainstFloors(
  floors: Side[],
  page: Side,
  duration: number,
  before?: Side,
): Promise<Measured & Cpu> {
  const slice = roundSeconds(duration) / SLICES;
  const rounds: { floors: Tally[]; page: Tally; before: Tally }[] = [];
  for (const floor of floors) await warm(floor.url, floor.cookie);
  if (before) await warm(before.url, before.cookie);
  await warm(page.url, page.cookie);
  for (let round = 0; round < ROUNDS; round++) {
    const tallies = { floors: floors.map(() => empty()), page: empty(), before: empty() };
    for (let index = 0; index < SLICES; index++) {
      for (const [which, floor] of floors.entries())
        await timed(floor, tallies.floors[which]!, slice);
      if (before) await timed(before, tallies.before, slice);
      await timed(page, tallies.page, slice);
    }
    rounds.push(tallies);
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const perRequest = (tally: Tally, part: "app" | "db") =>
    tally[part] / Math.max(1, tally.latencies.length);
  const latencies = rounds.flatMap((round) => round.page.latencies).sort((a, b) => a - b);
  const against = (which: number) => ({
    floorCpu: median(rounds.map((round) => perRequest(round.floors[which]!, "app"))),
    cpuRatio: median(
      rounds.map(
        (round) =>
          (perRequest(round.page, "app") + perRequest(round.page, "db")) /
          perRequest(round.floors[which]!, "app"),
      ),
    ),
  });
  const goal = floors.length > 1 ? against(1) : null;
  return {
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    rps: median(rounds.map((round) => round.page.latencies.length / round.page.seconds)),
    requests: latencies.length,
    bad: rounds.reduce((sum, round) => sum + round.page.bad, 0),
    cpuApp: median(rounds.map((round) => perRequest(round.page, "app"))),
    cpuDb: median(rounds.map((round) => perRequest(round.page, "db"))),
    ...against(0),
    ...(goal ? { goalFloorCpu: goal.floorCpu, goalRatio: goal.cpuRatio } : {}),
    ...(before
      ? {
          beforeCpu: median(
            rounds.map((round) => perRequest(round.before, "app") + perRequest(round.before, "db")),
          ),
        }
      : {}),
  };
}

const empty = (): Tally => ({ latencies: [], seconds: 0, bad: 0, app: 0, db: 0 });

/** One slice of a side: its requests, and the CPU its processes spent meanwhile. */
async function timed(side: Side, tally: Tally, seconds: number) {
  const before = side.cpu();
  const ran = await run(side.url, side.cookie, seconds);
  const after = side.cpu();
  tally.latencies.push(...ran.latencies);
  tally.seconds += ran.seconds;
  tally.bad += ran.bad;
  tally.app += after.app - before.app;
  tally.db += after.db - before.db;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!
    : NaN;
}

async function measure(
  url: string,
  cookie: string | undefined,
  duration: number,
): Promise<Measured> {
  await warm(url, cookie);
  const { latencies, seconds, bad } = await run(url, cookie, duration);
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    rps: latencies.length / seconds,
    requests: latencies.length,
    bad,
  };
}

/** The headers of a browser's request for a page: its cookie, the encodings it accepts, and its language if one was asked for. */
function requestHeaders(cookie: string | undefined): Record<string, string> {
  return {
    "Accept-Encoding": ACCEPT_ENCODING,
    ...(values.language ? { "Accept-Language": values.language } : {}),
    ...(cookie ? { Cookie: cookie } : {}),
  };
}

/**
 * Warms the server's caches (ladder versions, compiled queries, kept views) before timing, in every
 * app process: CONNECTIONS requests at once, each on a connection of its own, which node:cluster
 * hands to the processes in turn. One kept-alive connection would warm one process, and another
 * would build its kept views (minutes at 200,000 people) inside the measured slices.
 */
async function warm(url: string, cookie: string | undefined) {
  const headers = requestHeaders(cookie);
  for (let round = 0; round < 20; round++)
    await Promise.all(Array.from({ length: CONNECTIONS }, () => getOnce(url, headers)));
}

/** One GET on a connection of its own, its body read and dropped. */
function getOnce(url: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers, agent: false }, (response) => {
      response.resume();
      response.on("end", resolve);
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

/** CONNECTIONS connections asking for the page for `duration` seconds: each response's time, how long it ran, how many failed. */
async function run(
  url: string,
  cookie: string | undefined,
  duration: number,
): Promise<{ latencies: number[]; seconds: number; bad: number }> {
  const headers = requestHeaders(cookie);
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration, headers },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
  });
  return { latencies, seconds: result.duration, bad: result.non2xx + result.errors };
}

/** Whether a row meets its bars, and which it misses. */
function verdict(row: Row, statusP95: number | undefined): { passed: boolean; misses: string[] } {
  if (row.cpuRatio === undefined)
    return { passed: row.kind === "info", misses: row.kind === "info" ? [] : ["not measured"] };
  const misses: string[] = [];
  const cpuBar = row.kind === "frame" ? FRAME_BAR : PAGE_BAR;
  const floorName = row.kind === "frame" ? "the route-table floor's" : "the bare page's";
  if (row.kind !== "info" && row.cpuRatio > cpuBar)
    misses.push(`CPU ${row.cpuRatio.toFixed(2)} x ${floorName} > ${cpuBar}`);
  if (row.kind === "page" && (row.html ?? 0) > HTML_BAR)
    misses.push(`HTML ${(row.html! / 1024).toFixed(1)} KB > ${HTML_BAR / 1024}`);
  if (row.kind === "page" && (row.wire ?? 0) > WIRE_BAR)
    misses.push(`${(row.wire! / 1024).toFixed(1)} KB on the wire > ${WIRE_BAR / 1024}`);
  const assetsBar = lightPage(row.label) ? LIGHT_ASSETS_BAR : ASSETS_BAR;
  const assets = (row.script ?? 0) + (row.style ?? 0);
  if (row.kind === "page" && assets > assetsBar)
    misses.push(`JS and CSS ${(assets / 1024).toFixed(1)} KB > ${assetsBar / 1024}`);
  // A page the other checkout shows differently is not compared; it does not pass for it either.
  if (row.kind !== "info" && row.beforeCpu !== undefined && row.notComparable)
    misses.push(row.notComparable);
  else if (
    row.kind !== "info" &&
    row.beforeCpu !== undefined &&
    cpuOf(row) > BEFORE_BAR * row.beforeCpu
  )
    misses.push(`CPU ${(cpuOf(row) / row.beforeCpu).toFixed(2)} x before's > ${BEFORE_BAR}`);
  if (row.kind === "page" && statusP95 && row.p95! > P95_RATIO_BAR * statusP95)
    misses.push(`p95 ${(row.p95! / statusP95).toFixed(2)} x > ${P95_RATIO_BAR}`);
  if (row.bad) misses.push(`${row.bad} non-2xx or errors`);
  return { passed: misses.length === 0, misses };
}

const cpuOf = (row: Row) => row.cpuApp! + row.cpuDb!;

function printTable(rows: Row[]) {
  const statusP95 = rows.find((row) => row.label === "trivial page")?.p95;
  const header = [
    "route",
    "CPU ms/req",
    "app",
    "db",
    "SQL",
    "floor",
    "CPU ratio",
    "goal ratio",
    "before",
    "vs before",
    "HTML KB",
    "wire KB",
    "JS KB",
    "CSS KB",
    "p50 ms",
    "p95 ms",
    "p95 ratio",
    "req/s",
    "result",
    "notes",
  ];
  const numeric = header.length - 2;
  const lines = rows.map((row) => {
    if (row.cpuRatio === undefined)
      return [
        row.label,
        ...header.slice(1, -2).map(() => "-"),
        row.kind === "info" ? "SKIPPED" : "FAIL",
        row.note,
      ];
    const { passed, misses } = verdict(row, statusP95);
    const result = row.kind === "info" ? "(info)" : passed ? "PASS" : "FAIL";
    const goal =
      row.goalRatio === undefined
        ? []
        : [
            `${row.goalRatio.toFixed(2)} x the bare app's (${row.goalFloorCpu!.toFixed(2)} ms), goal ${FRAME_GOAL}`,
          ];
    return [
      row.kind === "info" ? `(${row.label})` : row.label,
      cpuOf(row).toFixed(2),
      row.cpuApp!.toFixed(2),
      row.cpuDb!.toFixed(2),
      row.statements === undefined ? "-" : String(row.statements),
      `${row.floorCpu!.toFixed(2)} ${row.kind === "frame" ? "tbl" : ""}${row.partner === "resource" ? "res" : "page"}`,
      row.cpuRatio.toFixed(2),
      row.goalRatio === undefined ? "-" : row.goalRatio.toFixed(2),
      row.beforeCpu === undefined ? "-" : row.beforeCpu.toFixed(2),
      row.beforeCpu === undefined
        ? "-"
        : row.notComparable
          ? `(${(cpuOf(row) / row.beforeCpu).toFixed(2)})`
          : (cpuOf(row) / row.beforeCpu).toFixed(2),
      row.html === undefined ? "-" : (row.html / 1024).toFixed(1),
      row.wire === undefined
        ? "-"
        : `${(row.wire / 1024).toFixed(1)} ${row.encoding === "identity" ? "" : row.encoding}`.trim(),
      row.script === undefined ? "-" : (row.script / 1024).toFixed(1),
      row.style === undefined ? "-" : (row.style / 1024).toFixed(1),
      row.p50!.toFixed(1),
      row.p95!.toFixed(1),
      statusP95 ? (row.p95! / statusP95).toFixed(2) : "-",
      row.rps!.toFixed(0),
      result,
      [row.note, ...goal, ...misses].join("; "),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column >= 1 && column < numeric
          ? cell.padStart(widths[column]!)
          : cell.padEnd(widths[column]!),
      )
      .join("  ");
  console.log("");
  console.log(
    `Rungs bench: ${databaseLabel}, ${PEOPLE.toLocaleString("en-GB")} people, two past cycles, ${CONNECTIONS} connections, WEB_CONCURRENCY=${values.processes ?? `unset (${postgresServer ? "one process per core" : "one process"})`}, ${os.cpus().length} CPUs, node ${process.version} (${serveNodeOptions() || "no Node options"}), requests with Accept-Encoding: ${ACCEPT_ENCODING}`,
  );
  console.log(
    `CPU per request: the app's processes, and the database server's (PostgreSQL's backends; SQLite runs in the app), the median of ${ROUNDS} rounds taking turns with the floors (React Router apps from the same node_modules, with as many app processes: the bare app's one-line page and resource route, and the same with Rungs' route table, "tbl") in ${SLICES} slices each. SQL: the statements one request of the page runs (the app's own count, GET /metrics; the median of ${STATEMENT_SAMPLES} requests after its slices).`,
  );
  console.log(
    `Bars: /status and /ping CPU <= ${FRAME_BAR} x the route-table floor's page and resource route (goal: <= ${FRAME_GOAL} x the bare app's); every page CPU <= ${PAGE_BAR} x the bare page's, HTML <= ${HTML_BAR / 1024} KB, <= ${WIRE_BAR / 1024} KB on the wire, its JavaScript and CSS until interactive <= ${ASSETS_BAR / 1024} KB on the wire (the sign-in and ladder pages <= ${LIGHT_ASSETS_BAR / 1024} KB), p95 <= ${P95_RATIO_BAR} x /status's; ${values.against ? `; every page both serve alike CPU <= ${BEFORE_BAR} x before's ("before": ${values.against}, served beside on the same database, measured in the same slices, both asked for ${ACCEPT_ENCODING})` : ""}. CPU is only ever compared within one run (decision 108). Rows in brackets are informational.`,
  );
  console.log(format(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const line of lines) console.log(format(line));
  console.log("");
}

/**
 * Once the CPU is measured (a browser beside the slices would move their figures): each page in
 * Chromium, for the scripts and styles it fetches until interactive, and with --phone the time to
 * interactive on a mid-range phone.
 */
async function measureInBrowser(base: string, rows: Row[]) {
  const pages = rows.filter((row) => row.kind === "page" && row.path);
  step(
    `loading ${pages.length} pages in Chromium for their JavaScript and CSS${values.phone ? ", and as a mid-range phone would" : ""}`,
  );
  const browser = await launchBrowser();
  try {
    for (const row of pages) {
      const weight = await pageWeight(browser, base + row.path, row.cookie, values.language);
      row.script = weight.script;
      row.style = weight.style;
      if (values.phone)
        row.phone = await phoneTimings(browser, base + row.path, row.cookie, values.language);
    }
  } finally {
    await browser.close();
  }
}

function printPhoneTable(rows: Row[]) {
  console.log(
    "Interactive on a mid-range phone (4 x CPU slowdown, 1.6 Mbps down, 150 ms round trip): milliseconds from navigation until React has hydrated the page and its first form, median of five loads, with an empty cache and then with the page's scripts cached.",
  );
  const lines = rows
    .filter((row) => row.phone)
    .map((row) => [
      row.label,
      (((row.script ?? 0) + (row.style ?? 0)) / 1024).toFixed(1),
      row.phone!.cold.toFixed(0),
      row.phone!.warm.toFixed(0),
    ]);
  const header = ["page", "JS+CSS KB", "cold ms", "warm ms"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  for (const line of [header, widths.map((width) => "-".repeat(width)), ...lines])
    console.log(
      line
        .map((cell, column) =>
          column ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
        )
        .join("  "),
    );
  console.log("");
}

async function stopFloors() {
  for (const floor of floorServers)
    if (floor.pid !== undefined && floor.exitCode === null) process.kill(floor.pid, "SIGTERM");
  await againstServer?.stop();
}

async function stopServer() {
  await server?.stop(5_000);
}

async function stopDatabaseTier() {
  await Promise.all([pooler?.stop(), replica?.stop()]);
}

async function dropBenchDatabase(serverUrl: string) {
  try {
    await onServer(serverUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS "${benchDatabaseName}" WITH (FORCE)`),
    );
  } catch (error) {
    console.error(
      `bench: could not drop database ${benchDatabaseName}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

let code = 0;
try {
  if (SIZES.length > 1) await compareSizes();
  else await main();
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await stopServer();
  await stopFloors();
  await stopDatabaseTier();
  if (values.keep || values.reuse) {
    // Comparing sizes on PostgreSQL, each size's run names the database it kept; this one made none.
    if (SIZES.length === 1 || !postgresServer)
      step(`kept ${postgresServer ? `database ${benchDatabaseName}` : folder}`);
  } else {
    rmSync(folder, { recursive: true, force: true });
    if (postgresServer) await dropBenchDatabase(postgresServer);
  }
  step("done");
}
process.exit(code);
