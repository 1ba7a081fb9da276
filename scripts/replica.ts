import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  chownSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./app-servers";

/**
 * A streaming replica of the test server, as an installation with read replicas runs Rungs
 * (docs/operations.md, "Read replicas"; decision 116): `pg_basebackup -R` of the server into a
 * folder of this run, started as a hot standby on a free port of 127.0.0.1, stopped and removed
 * at the end. The server's role must be allowed to replicate (`ALTER ROLE rungs REPLICATION`, as .ci/run
 * sets it) and its pg_hba.conf allow `host replication` from 127.0.0.1 (Debian's does).
 *
 * PostgreSQL refuses to run as root: when this run is root, the replica runs as the `postgres`
 * user the server's package made (or `nobody`), as the pooler runs as nobody.
 */
export type Replica = {
  /** `primaryUrl` with the replica's host and port. */
  urlFor: (primaryUrl: string) => string;
  port: number;
  /** Seconds the base backup and the start took. */
  seconds: number;
  stop: () => Promise<void>;
};

function binaries(): string | null {
  const root = "/usr/lib/postgresql";
  let versions: string[] = [];
  try {
    versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  } catch {
    return null;
  }
  for (const version of versions) {
    const bin = path.join(root, version, "bin");
    if (spawnSync(path.join(bin, "pg_basebackup"), ["--version"], { stdio: "ignore" }).status === 0)
      return bin;
  }
  return null;
}

/** The unprivileged user a root run starts PostgreSQL as. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ["postgres", "nobody"]) {
    const found = spawnSync("id", ["-u", name], { encoding: "utf8" });
    const group = spawnSync("id", ["-g", name], { encoding: "utf8" });
    if (found.status === 0 && group.status === 0)
      return { uid: Number(found.stdout.trim()), gid: Number(group.stdout.trim()) };
  }
  throw new Error("No unprivileged user (postgres or nobody) to run the replica as.");
}

/** The settings a hot standby must have at least as high as its primary's, or it will not start. */
async function primarySettings(serverUrl: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN
         ('max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')`,
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
  } finally {
    await client.end();
  }
}

export async function startReplica(serverUrl: string): Promise<Replica> {
  const bin = binaries();
  if (!bin)
    throw new Error(
      "pg_basebackup is not installed (apt-get install postgresql), or set TEST_POSTGRES_REPLICA=off to test without a replica.",
    );
  const started = Date.now();
  const server = new URL(serverUrl);
  const user = runAs();
  const folder = mkdtempSync(path.join(tmpdir(), "rungs-replica-"));
  const data = path.join(folder, "data");
  if (user) chownSync(folder, user.uid, user.gid);
  const spawned = { ...(user ?? {}), cwd: folder };
  const backup = spawnSync(
    path.join(bin, "pg_basebackup"),
    [
      "-h",
      server.hostname,
      "-p",
      server.port || "5432",
      "-U",
      decodeURIComponent(server.username),
      "-D",
      data,
      // The standby's connection to the primary and standby.signal, written into the copy.
      "-R",
      "-X",
      "stream",
      "--checkpoint=fast",
      "--no-sync",
    ],
    {
      ...spawned,
      encoding: "utf8",
      env: { ...process.env, PGPASSWORD: decodeURIComponent(server.password) },
    },
  );
  if (backup.status !== 0) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(
      `pg_basebackup failed (the role needs REPLICATION and pg_hba.conf a "host replication" line; .ci/run sets both):\n${backup.stderr}`,
    );
  }
  const port = await freePort();
  // Debian keeps the server's configuration outside its data folder: the copy gets its own.
  const limits = await primarySettings(serverUrl);
  writeFileSync(
    path.join(data, "postgresql.conf"),
    [
      "listen_addresses = '127.0.0.1'",
      `port = ${port}`,
      `unix_socket_directories = '${folder}'`,
      "hot_standby = on",
      "shared_buffers = 32MB",
      "fsync = off",
      ...Object.entries(limits).map(([name, value]) => `${name} = ${value}`),
      "",
    ].join("\n"),
  );
  writeFileSync(
    path.join(data, "pg_hba.conf"),
    ["local all all trust", "host all all 127.0.0.1/32 scram-sha-256", ""].join("\n"),
  );
  if (user)
    for (const file of ["postgresql.conf", "pg_hba.conf"])
      chownSync(path.join(data, file), user.uid, user.gid);
  const log = path.join(folder, "replica.log");
  const output = openSync(log, "a");
  if (user) chmodSync(log, 0o666);
  const child: ChildProcess = spawn(path.join(bin, "postgres"), ["-D", data], {
    ...spawned,
    // PostgreSQL works from its data folder, whatever it is started in: stop() ends it by its pid.
    stdio: ["ignore", output, output],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      // Fast shutdown: sessions are ended, nothing to keep.
      child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(folder, { recursive: true, force: true });
  };
  const replicaUrl = (primaryUrl: string) => {
    const url = new URL(primaryUrl);
    url.hostname = "127.0.0.1";
    url.port = String(port);
    return url.toString();
  };
  // Ready when it answers as a standby that has replayed what the server had at the backup.
  for (;;) {
    if (child.exitCode !== null || Date.now() - started > 60_000) {
      const said = readFileSync(log, "utf8");
      await stop();
      throw new Error(`The replica did not start:\n${said}`);
    }
    if (await answersAsStandby(replicaUrl(serverUrl))) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    stop,
    urlFor: replicaUrl,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

async function answersAsStandby(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ standby: boolean }>(
      "SELECT pg_is_in_recovery() AS standby",
    );
    return rows[0]?.standby === true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
