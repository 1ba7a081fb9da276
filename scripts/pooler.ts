import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./app-servers";

/**
 * PgBouncer in transaction mode in front of a PostgreSQL server, as a large installation runs
 * Rungs (docs/operations.md, "A connection pooler"; decision 102): an unprivileged process of this
 * run, from a folder of its own, on a free port of 127.0.0.1. Any database name passes through to
 * the server's database of that name (the `*` entry), so each test file's own database is reached
 * through it too. Clients authenticate with SCRAM against the server's role and password (the
 * userlist holds the test role's password: a test server's, written to a temporary folder).
 *
 * Debian's PgBouncer (1.18) keeps no named prepared statements in transaction mode: the app
 * behind it runs with DATABASE_PREPARED_STATEMENTS=off. It refuses startup parameters it does not
 * know, and Rungs' connections send `options` (random_page_cost, decision 050): ignored here, as
 * an operator would, who then sets it on the database instead.
 */
export type Pooler = {
  /** `directUrl` with the pooler's host and port. */
  urlFor: (directUrl: string) => string;
  port: number;
  stop: () => Promise<void>;
};

export function poolerInstalled(): string | null {
  for (const file of ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"]) {
    const found = spawnSync(file, ["--version"], { stdio: "ignore" });
    if (found.status === 0) return file;
  }
  return null;
}

export async function startPooler(serverUrl: string): Promise<Pooler> {
  const binary = poolerInstalled();
  if (!binary)
    throw new Error(
      "PgBouncer is not installed (apt-get install pgbouncer; .ci/run installs it), or set TEST_POSTGRES_POOLER=off to test without it.",
    );
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  const port = await freePort();
  const folder = mkdtempSync(path.join(tmpdir(), "rungs-pgbouncer-"));
  const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
  writeFileSync(path.join(folder, "userlist.txt"), `${quoted(user)} ${quoted(password)}\n`);
  writeFileSync(
    path.join(folder, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || "5432"}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "pool_mode = transaction",
      "auth_type = scram-sha-256",
      `auth_file = ${path.join(folder, "userlist.txt")}`,
      "ignore_startup_parameters = options",
      // Every test file's database is a pool of its own; each file's servers open up to ten a process.
      "max_client_conn = 2000",
      "default_pool_size = 20",
      // A test file's database is dropped when the file ends: let its idle server connections go soon.
      "server_idle_timeout = 10",
      "autodb_idle_timeout = 30",
      "log_connections = 0",
      "log_disconnections = 0",
      "",
    ].join("\n"),
  );
  // PgBouncer refuses to run as root; a CI container often is root: then it runs as nobody.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(folder, 0o755);
    for (const file of ["userlist.txt", "pgbouncer.ini"]) chmodSync(path.join(folder, file), 0o644);
  }
  const log = path.join(folder, "pgbouncer.log");
  const output = openSync(log, "a");
  if (asRoot) chmodSync(log, 0o666);
  const child: ChildProcess = spawn(
    binary,
    [...(asRoot ? ["-u", "nobody"] : []), path.join(folder, "pgbouncer.ini")],
    // From the checkout, as every process of a run: .ci/run's end finds it there if it outlived the run.
    { stdio: ["ignore", output, output] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(folder, { recursive: true, force: true });
  };
  const started = Date.now();
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() - started > 10_000) {
      const said = readFileSync(log, "utf8");
      await stop();
      throw new Error(`PgBouncer did not start:\n${said}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    stop,
    urlFor: (directUrl) => {
      const url = new URL(directUrl);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
  };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
