/** What the promotions tests share (conditions, windows-and-packets, privacy-sweep). */
import { createPerson } from "../../utils/factories";

export const DAY = 24 * 60 * 60 * 1000;

/** The day `offset` days from `now`, as the window form writes it (YYYY-MM-DD). */
export const dayFrom = (now: Date, offset: number) =>
  new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);

/**
 * A window on the engineering ladder as the admin's form sends it: nominations from yesterday for
 * two weeks, packets due in four, votes in five, effective in about two months.
 */
export const windowInput = (now: Date, name = "Spring promotions") => ({
  name,
  ladderId: "engineering",
  nominationsOpenOn: dayFrom(now, -1),
  nominationsCloseOn: dayFrom(now, 14),
  packetsDueOn: dayFrom(now, 28),
  votesDueOn: dayFrom(now, 35),
  effectiveOn: dayFrom(now, 60),
});

/** The admin, and the engineers' line: Bea Boss (a manager at `bossLevel`) over Max Manager (m1). */
export async function adminAndLine(bossLevel = "m2") {
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const boss = await createPerson({
    name: "Bea Boss",
    ladderId: "engineering",
    track: "manager",
    level: bossLevel,
  });
  const manager = await createPerson({
    name: "Max Manager",
    ladderId: "engineering",
    track: "manager",
    level: "m1",
    managerId: boss.id,
  });
  return { admin, boss, manager };
}
