import { lookup, type LookupAddress, type LookupOptions } from "node:dns";
import { getEnv } from "~/utils/env.server";
import { hostClass, mayDeliverTo, type AddressClass } from "./policy";

/** Whether this installation lets webhooks go to its own machine (a receiver under development). */
export const loopbackAllowed = (): boolean => getEnv().WEBHOOKS_TO_LOOPBACK;

/** A lookup that found an address webhooks may not go to (policy.ts, mayDeliverTo). */
export class OutsideOnlyError extends Error {
  constructor(readonly place: AddressClass) {
    super(`webhooks go only to the outside, not to a ${place} address`);
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * `dns.lookup` for a webhook's connection: every address the name has now must be outside, and the
 * connection is made to those it returns, so what was checked is what is reached.
 */
export function checkedLookup(allowed: boolean) {
  return (host: string, options: LookupOptions, callback: LookupCallback): void => {
    lookup(host, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const inside = addresses
        .map(({ address }) => hostClass(address) ?? "reserved")
        .find((place) => !mayDeliverTo(place, allowed));
      if (inside) return callback(new OutsideOnlyError(inside), []);
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      callback(null, first!.address, first!.family);
    });
  };
}

/**
 * Where a URL's host is, for the endpoint form: by its name when that says (an address,
 * "localhost", a metadata name), otherwise by every address it resolves to now. A name that does
 * not resolve yet is accepted: each delivery looks it up again and is refused if it then leads
 * inside.
 */
export async function destinationRefusal(url: string): Promise<AddressClass | null> {
  const allowed = loopbackAllowed();
  const host = new URL(url).hostname;
  const named = hostClass(host);
  if (named !== null) return mayDeliverTo(named, allowed) ? null : named;
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    lookup(host, { all: true }, (error, found) => resolve(error ? [] : found)),
  );
  for (const { address } of addresses) {
    const place = hostClass(address) ?? "reserved";
    if (!mayDeliverTo(place, allowed)) return place;
  }
  return null;
}
