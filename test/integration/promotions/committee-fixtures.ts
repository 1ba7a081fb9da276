/** What the committee tests share (committee, committee-conditions). */
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import { createPerson } from "../../utils/factories";

/**
 * The top of the company the committee's nominees and voters sit in: Tara leads it; Hana's and
 * Otto's organisations sit under her; Sam manages in Hana's.
 */
export async function companyLeads() {
  const tara = await createPerson({ name: "Tara Top", track: "manager", level: "m4" });
  const hana = await createPerson({
    name: "Hana Head",
    track: "manager",
    level: "m3",
    managerId: tara.id,
  });
  const otto = await createPerson({
    name: "Otto Outside",
    track: "manager",
    level: "m3",
    managerId: tara.id,
  });
  const sam = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m2",
    managerId: hana.id,
  });
  return { tara, hana, otto, sam };
}

/** The engineering ladder's served version, the one a window's committee reads its criteria from. */
export async function engineeringVersionId(): Promise<string> {
  const served = await servedLadderVersion("engineering");
  if (!served) throw new Error("the engineering ladder is not served");
  return served.versionId;
}
