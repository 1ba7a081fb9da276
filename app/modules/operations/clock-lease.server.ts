import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { db } from "~/db/client.server";

/**
 * Work on a clock runs once per deployment, not on every server: before each run a server takes
 * (or renews) the work's lease, and runs it only when it holds it. A lease lasts `forMs`, longer
 * than the work's interval, so its holder renews it on every run and keeps it; when the holder
 * stops (a deploy, a crash), the lease runs out and the next server to ask takes it over. One
 * UPDATE decides between servers asking at once: PostgreSQL re-checks its condition on the row
 * it locked, SQLite has one writer.
 */

/** This process, as a lease names it: the machine, the process id, and a token for this start. */
export const THIS_PROCESS = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

/** On the machine's time, not the app's clock (decision 078): a lease ends when its holder has really stopped. */
export async function takeLease(
  name: string,
  holder: string,
  forMs: number,
  now = new Date(),
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + forMs);
  const { count } = await db.clockLease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lte: now } }] },
    data: { holder, expiresAt },
  });
  if (count === 1) return true;
  try {
    await db.clockLease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    // Another server holds it (or created it a moment ago).
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

/** The clock's jobs of this process, so a stopping process ends them and gives their leases back. */
const jobs = new Set<{ interval: NodeJS.Timeout; running: () => Promise<void> | null }>();

/**
 * Runs `work` every `everyMs` (and once now) on whichever server holds the lease `name`; the
 * others skip their turn. Errors are logged, not thrown: the next turn tries again.
 */
export function onClock(
  name: string,
  everyMs: number,
  work: () => Promise<unknown>,
  holder = THIS_PROCESS,
): { turn: () => Promise<void> } {
  let running: Promise<void> | null = null;
  const turn = async () => {
    if (running) return;
    running = (async () => {
      try {
        if (await takeLease(name, holder, everyMs * 2 + 60_000)) await work();
      } catch (error) {
        console.error(`${name} failed:`, error);
      }
    })();
    try {
      await running;
    } finally {
      running = null;
    }
  };
  const interval = setInterval(() => void turn(), everyMs);
  interval.unref();
  jobs.add({ interval, running: () => running });
  return { turn };
}

/**
 * A stopping process ends its clock: no new turn starts, the turns under way finish, and every
 * lease it holds is given back, so another server takes the work over at its next turn instead
 * of after the lease runs out (an hourly job's lease outlives two restarts otherwise).
 */
export async function stopClock(holder = THIS_PROCESS): Promise<void> {
  for (const job of jobs) clearInterval(job.interval);
  await Promise.all([...jobs].map((job) => job.running()));
  jobs.clear();
  await db.clockLease.updateMany({ where: { holder }, data: { expiresAt: new Date(0) } });
}
