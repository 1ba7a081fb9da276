import cluster from "node:cluster";
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import express, { type RequestHandler } from "express";
import { EnvError, getEnv, type Env } from "../app/utils/env.server.ts";
import { processCount, sqliteProcessesWarning, startMessage } from "../server/process-rules.ts";
import { serveHealth, serveHealthOnThread, startWorkers, workerBeats } from "./processes.ts";
import { startOffLoop } from "./off-loop.ts";
import { beatCell, beatInto } from "./loop-beat.ts";
import { applyMigrations } from "../app/db/migrate.server.ts";
import { noStoreByDefault } from "./cache-control.ts";
import { refuseCrossSiteWrites } from "./cross-site.ts";
import { refuseDataParameter } from "./data-requests.ts";
import { limitRequestBodies, MiB } from "./body-limit.ts";
import { warnOnProxyMismatch } from "./proxy-check.ts";
import { metricsEndpoint, observeRequests } from "./metrics.ts";
import { requestIds, requestLog } from "./request-log.ts";
import { patternOf, UNMATCHED } from "../server/route-patterns.ts";
import { compressAnswers } from "./compression.ts";
import { sendSmallAnswersWhole } from "./small-answers.ts";
import { serveAssets } from "./precompressed.ts";
import { securityHeaders } from "./security.ts";
import { stopOnSignal } from "./shutdown.ts";
import { projectFile } from "./project-file.ts";
import type * as BuiltServerModule from "./app.ts";

type BuiltServer = typeof BuiltServerModule;

async function main() {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const development = env.NODE_ENV === "development";
  // WEB_CONCURRENCY: several app processes share the port (server/processes.ts); this is one of them.
  if (cluster.isWorker) {
    let liveDownSince: () => number | null = () => null;
    workerBeats(() => liveDownSince());
    await serve(env, development);
    liveDownSince = await liveUpdatesDownSince();
    return;
  }

  await prepareDatabase(env);
  const processes = development
    ? 1
    : processCount(env.WEB_CONCURRENCY, {
        cores: availableParallelism(),
        production: env.isProduction,
        database: env.databaseProvider,
      });
  const warning = sqliteProcessesWarning(processes, env.databaseProvider);
  if (warning) console.warn(warning);
  await runBackgroundJobs(env);
  if (processes === 1) {
    await serve(
      env,
      development,
      (code) => void stopBackgroundJobs().finally(() => process.exit(code)),
    );
    if (env.HEALTH_PORT) {
      const cell = beatCell();
      beatInto(cell, await liveUpdatesDownSince());
      serveHealthOnThread(env.HEALTH_PORT, env.HOST, cell);
    }
    return;
  }
  const workers = startWorkers(processes);
  const health = env.HEALTH_PORT
    ? serveHealth(env.HEALTH_PORT, env.HOST, () => ({
        serving: workers.serving(),
        liveDownSince: workers.liveDownSince(),
      }))
    : null;
  console.log(startMessage(env, processes));
  const stop = () => {
    health?.close();
    void Promise.all([workers.stop(), stopBackgroundJobs()]).then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/**
 * Since when this process has not heard the other app servers (app/platform/servers.server.ts), for
 * HEALTH_PORT. Loaded once the database is migrated: the module connects to it when imported.
 */
async function liveUpdatesDownSince(): Promise<() => number | null> {
  const { liveUpdatesDownSince } = await import("../app/modules/operations/health.server.ts");
  return liveUpdatesDownSince;
}

/** Once per machine, before any app process serves: migrations, the demo, the first admin's link. */
async function prepareDatabase(env: Env) {
  // Migrations take a session's lock: on DATABASE_DIRECT_URL when set (decision 102).
  await applyMigrations(env.sessionDatabaseUrl);
  if (env.DATABASE_DIRECT_URL && env.DATABASE_DIRECT_URL !== env.DATABASE_URL) {
    const { checkSameDatabase } = await import("../app/db/session-url.server.ts");
    await checkSameDatabase(env.DATABASE_DIRECT_URL, env.DATABASE_URL);
  }
  if (env.seedDemo) {
    const { seedDemoIfEmpty } = await import("../prisma/seed/demo.ts");
    await seedDemoIfEmpty();
  }
  // Nobody in the database (the demo off): the log gets a one-time link for the first admin.
  const { announceSetupLinkIfNobody } =
    await import("../app/modules/identity/setup/first-admin.server.ts");
  const { linkOrigin } = await import("../app/modules/identity/setup/first-admin-form.ts");
  await announceSetupLinkIfNobody(linkOrigin(env));
}

/**
 * Work on a clock, on one server of the deployment at a time: each job runs on whichever server
 * holds its lease (app/modules/operations/clock-lease.server.ts), once now and then on its interval.
 */
async function runBackgroundJobs(env: Env) {
  const { onClock } = await import("../app/modules/operations/clock-lease.server.ts");
  const HOUR = 60 * 60 * 1000;
  // These jobs load the app's modules apart from its build: the workflows register here too (the
  // to-do list's providers for the email pass, and who decides a calibration promotion).
  await import("../app/modules/workflows.server.ts");
  // Promotions published in calibration take effect on their day (and once released), unless
  // promotion committees decide them (decision 084).
  const { ladderState } = await import("../app/modules/ladders/registry.server.ts");
  await ladderState();
  const { applyDuePromotions } = await import("../app/modules/calibration/sessions.server.ts");
  await onClock("apply due promotions", HOUR, applyDuePromotions).turn();
  // Webhooks (app/modules/webhooks): due deliveries every half minute; each is sent once whichever server claims it.
  const { deliverWebhooks } = await import("../app/modules/webhooks/delivery.server.ts");
  // Not awaited: a slow receiver must not hold up the server's start.
  void onClock("webhook deliveries", 30 * 1000, () => deliverWebhooks()).turn();
  // Team health check-ins whose day came are marked closed, and their close announced to webhooks, within five minutes.
  const { closeDueCheckIns } = await import("../app/modules/team-health/team-health.server.ts");
  void onClock("close due team health check-ins", 5 * 60 * 1000, () => closeDueCheckIns()).turn();
  // People's exports (app/modules/data-rights): whatever is waiting is built within a quarter of a minute,
  // one export after another, on one server; a build left by a stopped server is taken over. The
  // sections read through the workflows' modules, loaded apart from the build: they register here too.
  await import("../app/modules/workflows.server.ts");
  const { buildWaitingExports } = await import("../app/modules/data-rights/exports.server.ts");
  onClock("personal exports", 15_000, () => buildWaitingExports());
  // The retention pass, once a day: private notes, feedback texts and rejected candidates past
  // their rules, and the erasure of people who left (app/modules/retention, decision 091).
  const { runRetentionPass } = await import("../app/modules/retention/pass.server.ts");
  await onClock("retention pass", 24 * HOUR, () => runRetentionPass()).turn();
  // Promotions decided by a committee and released before their window's effective day take effect on it.
  const { applyDuePromotionDecisions } =
    await import("../app/modules/promotions/decisions.server.ts");
  await onClock("apply due committee promotions", HOUR, applyDuePromotionDecisions).turn();
  // Email reminders (app/modules/notifications): a pass of the outbox soon after start and every
  // five minutes, unless NOTIFY_SCHEDULE=off (each message is sent once whichever server sends it).
  if (!env.mail) console.log("Email is off (set SMTP_URL and MAIL_FROM to send reminders).");
  else if (env.NOTIFY_SCHEDULE === "on") {
    const { runNotificationPass } = await import("../app/modules/notifications/outbox.server.ts");
    const { smtpTransport } = await import("../app/modules/notifications/mailer.server.ts");
    const transport = smtpTransport();
    const emailPass = onClock("email pass", 5 * 60 * 1000, () => runNotificationPass(transport));
    setTimeout(() => void emailPass.turn(), 10_000).unref();
  }
}

/** The primary process's clock stops with it: turns under way finish and its leases go back. */
async function stopBackgroundJobs(): Promise<void> {
  const { stopClock } = await import("../app/modules/operations/clock-lease.server.ts");
  await stopClock().catch((error: unknown) =>
    console.error("Giving the clock's leases back failed:", error),
  );
}

/** One app process: ladders loaded, then pages served on PORT; `exit` ends the process once it has stopped serving. */
async function serve(env: Env, development: boolean, exit: (code: number) => void = process.exit) {
  // Views built over the whole organisation compute on a thread of their own (decision 133).
  startOffLoop();
  const { keepPlannerStatistics } = await import("../app/db/client.server.ts");
  await keepPlannerStatistics();

  // Load and validate the ladders before taking traffic; a bad ladder is reported, not fatal.
  const { followLadderReloads, ladderState } =
    await import("../app/modules/ladders/registry.server.ts");
  await ladderState();
  // An admin's "reload ladders" on any app server reaches this one within 15 seconds.
  const followReloads = () =>
    followLadderReloads().catch((error: unknown) =>
      console.error("Following ladder reloads failed:", error),
    );
  await followReloads();
  setInterval(followReloads, 15_000).unref();

  // The email outbox's figures are the database's, read when /metrics is scraped.
  const { addScrapedGauge } = await import("../app/platform/metrics.server.ts");
  const { outboxCounts } = await import("../app/modules/operations/outbox-metrics.server.ts");
  addScrapedGauge(
    "rungs_outbox_messages",
    "Email outbox messages by status (queued, sent, failed, skipped).",
    ["status"],
    outboxCounts,
  );

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);
  app.use(requestIds(env.TRUST_PROXY));
  if (env.LOG_REQUESTS) app.use(requestLog());
  // Metrics are labelled by route pattern, known once the build is loaded (below).
  let routeOf = (_path: string) => UNMATCHED;
  app.use(observeRequests((path) => routeOf(path)));
  // Without METRICS_TOKEN the path is not served (it falls through to the app's 404), so no route is
  // mounted for every request to be matched against.
  if (env.METRICS_TOKEN) app.get("/metrics", metricsEndpoint(env.METRICS_TOKEN));
  app.use(
    securityHeaders({
      development,
      formTargets: env.singleSignOn ? [new URL(env.singleSignOn.issuer).origin] : [],
    }),
  );
  app.use(warnOnProxyMismatch(env.TRUST_PROXY));
  app.use(refuseCrossSiteWrites());
  app.use(refuseDataParameter());
  // Bodies are limited before anything reads them; the CSV import posts its file as form text
  // (up to 10 MB, more once form-encoded). Single fetch posts actions to "<path>.data".
  app.use(
    limitRequestBodies({
      limit: 2 * MiB,
      larger: [{ path: /^\/admin\/people\/import(\.data)?\/?$/, limit: 40 * MiB }],
    }),
  );
  // Answers are compressed for clients that accept it (brotli, else gzip): pages, their .data,
  // exports and static files; streamed answers are flushed as they are written (decision 108).
  app.use(compressAnswers());
  // Mounted after it, so it sees each answer first: small ones go out whole and uncompressed.
  app.use(sendSmallAnswersWhole());

  // Aborted on SIGTERM: event streams end (server/shutdown.ts).
  const stopping = new AbortController();
  // React Router's handler comes from server/app.ts, built with the app (in development, loaded
  // through Vite for each request, so an edit is served at once; `npm run dev` runs Node with the
  // "development" condition, as Vite resolves the app's imports, so both see one React Router).
  let handler: RequestHandler;
  if (development) {
    const vite = await import("vite");
    const viteDevServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(viteDevServer.middlewares);
    handler = async (req, res, next) => {
      const built = (await viteDevServer.ssrLoadModule("./server/app.ts")) as BuiltServer;
      return built.reactRouterHandler(stopping.signal, "development")(req, res, next);
    };
  } else {
    const clientDir = path.resolve("build/client");
    app.use("/assets", serveAssets(path.join(clientDir, "assets")));
    // Only what the build put in build/client is looked up on disk: every other request
    // (every page) goes straight to React Router instead of paying for a failed file lookup first.
    const clientEntries = new Set(readdirSync(clientDir));
    const serveClientFile = express.static(clientDir, { maxAge: "1h" });
    app.use((req, res, next) =>
      clientEntries.has(req.path.split("/")[1] ?? "") ? serveClientFile(req, res, next) : next(),
    );
    // From the working directory, as build/client above: the same line holds in the source and in
    // its bundle under build/start, and the bundler leaves the app's build to be loaded here.
    const built = (await import(projectFile("build/server/index.js"))) as BuiltServer;
    routeOf = (path) => patternOf(path, built.patterns);
    handler = built.reactRouterHandler(stopping.signal, "production");
  }

  app.all("*", noStoreByDefault(), handler);

  const server = app.listen(env.PORT, env.HOST, () => {
    if (cluster.isWorker) return;
    console.log(startMessage(env, 1));
  });
  const stop = stopOnSignal(server, stopping, exit);
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
