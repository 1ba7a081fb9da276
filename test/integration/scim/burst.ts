/**
 * A provisioning burst for the order tests: people 0…n-1 with externalIds, two reporting
 * trees in which a manager always comes before their reports (so no mixture of the two
 * is ever a cycle), and requests in a shuffled order. Deterministic for a seed.
 */

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out;
}

/** managers[i]: the index of i's manager (always < i), or null for the top. */
export function tree(size: number, next: () => number): (number | null)[] {
  return Array.from({ length: size }, (_, index) =>
    index === 0 ? null : Math.floor(next() * index),
  );
}

export const externalId = (index: number) => `burst-${index}`;

export function createBody(index: number, manager: number | null) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
    userName: `burst.${index}@example.com`,
    externalId: externalId(index),
    name: { givenName: "Burst", familyName: `Person ${index}` },
    emails: [{ primary: true, type: "work", value: `burst.${index}@example.com` }],
    active: true,
    ...(manager === null ? {} : { [ENTERPRISE]: { manager: { value: externalId(manager) } } }),
  };
}

/** Entra's form (a bare value, "Replace") for odd people, the RFC's for even ones; a Rungs id or an externalId. */
export function managerPatchBody(index: number, managerRef: string | null) {
  const path = `${ENTERPRISE}:manager`;
  const operation =
    managerRef === null
      ? { op: "remove", path }
      : index % 2
        ? { op: "Replace", path, value: managerRef }
        : { op: "replace", path, value: { value: managerRef } };
  return { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [operation] };
}

/** Runs the jobs with at most `width` in flight, as a provider's worker pool would. */
export async function inParallel<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await jobs[index]!();
      }
    }),
  );
  return results;
}

/** The linePath each person should have under these managers (ids by index). */
export function expectedLines(managers: (number | null)[], ids: string[]): string[] {
  const lines: string[] = [];
  managers.forEach((manager, index) => {
    lines[index] = manager === null ? "/" : `${lines[manager]}${ids[manager]}/`;
  });
  return lines;
}
