/** What the team health tests share (team-health, live, conditions). */
import { db } from "~/db/client.server";
import { EDMONDSON_ITEMS } from "~/modules/team-health/items";
import { createPerson, type Person } from "../../utils/factories";

const FIRST_NAMES = ["Ari", "Bea", "Cem", "Dov", "Eli", "Fay", "Gus", "Hal"];

/** A team called `name` of `size` people (Ari, Bea, … and `surname`), all reporting to `manager`. */
export async function teamOf(
  name: string,
  manager: Person,
  surname: string,
  size: number,
): Promise<{ id: string; members: Person[] }> {
  const id = (await db.team.create({ data: { name } })).id;
  const members: Person[] = [];
  for (const first of FIRST_NAMES.slice(0, size))
    members.push(
      await createPerson({ name: `${first} ${surname}`, teamId: id, managerId: manager.id }),
    );
  return { id, members };
}

/** Every Edmondson item answered `value`, or one value per item. */
export const all = (value: number | number[]) =>
  Object.fromEntries(
    EDMONDSON_ITEMS.map((item, index) => [item, Array.isArray(value) ? value[index]! : value]),
  );
