import { dateToDay } from "~/modules/days";
import type { WebhookEventKind, WebhookFact } from "./events";
import type { WebhookData } from "./payloads";

/**
 * Who may manage webhooks, and what leaves Rungs in a webhook: the one place that decides both.
 * Endpoints are the company's tools (HR systems, BI, chat), outside Rungs' own access rules, so a
 * payload carries no text anybody wrote or is called by: ids, kinds, dates, and a level only
 * where it has been released (an outcome released to its person, a promotion that took effect),
 * or a goal's final score, or a key result's check-in figures, where everyone in the organisation
 * reads them (decisions 110 and 120).
 * A receiver that wants more asks the API, where its token's scope decides.
 */

export type WebhookViewer = { isAdmin: boolean };

/** Adding, testing and removing endpoints, and reading their log: admins only; anyone else gets a 404. */
export function canManageWebhooks(viewer: WebhookViewer): boolean {
  return viewer.isAdmin;
}

/**
 * Where a webhook may go: only to the outside. An address on this machine, the company's own
 * network, a link-local or multicast range, or a cloud's metadata service would make the endpoint
 * form a way to reach inside (a port scanner, a POST to internal services). Loopback is allowed only
 * under WEBHOOKS_TO_LOOPBACK, for a receiver under development on the same machine.
 */
export type AddressClass =
  "public" | "loopback" | "private" | "link-local" | "multicast" | "metadata" | "reserved";

/** Names that reach a cloud's metadata service from inside it, whatever they resolve to. */
const METADATA_NAMES = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "instance-data",
  "instance-data.ec2.internal",
]);

/** IPv4 ranges that are not the outside, most specific first (RFC 6890's special-purpose registry). */
const IPV4_RANGES: readonly [string, number, AddressClass][] = [
  ["169.254.169.254", 32, "metadata"],
  ["100.100.100.200", 32, "metadata"],
  ["0.0.0.0", 8, "reserved"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "private"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"],
  ["192.0.2.0", 24, "reserved"],
  ["192.88.99.0", 24, "reserved"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "reserved"],
  ["198.51.100.0", 24, "reserved"],
  ["203.0.113.0", 24, "reserved"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];

function ipv4Number(address: string): number | null {
  const parts = address.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) < 256))
    return null;
  return parts.reduce((total, part) => total * 256 + Number(part), 0);
}

function ipv4Class(value: number): AddressClass {
  for (const [base, bits, kind] of IPV4_RANGES) {
    const size = 2 ** (32 - bits);
    const start = ipv4Number(base)!;
    if (value >= start && value < start + size) return kind;
  }
  return "public";
}

/** An IPv6 address as eight 16-bit groups, or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  let text = address
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "")
    .toLowerCase();
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const value = ipv4Number(dotted[2]!);
    if (value === null) return null;
    text = `${dotted[1]}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (half: string) => (half ? half.split(":") : []);
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => parseInt(group, 16));
}

function ipv6Class(groups: number[]): AddressClass {
  const [first] = groups as [number];
  const zeroesBefore = (n: number) => groups.slice(0, n).every((group) => group === 0);
  const embeddedIpv4 = groups[6]! * 65536 + groups[7]!;
  if (zeroesBefore(7) && groups[7] === 1) return "loopback";
  if (zeroesBefore(8)) return "reserved";
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the IPv4 address they carry.
  if (zeroesBefore(5) && groups[5] === 0xffff) return ipv4Class(embeddedIpv4);
  if (first === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0))
    return ipv4Class(embeddedIpv4);
  if (first === 0xfd00 && groups[1] === 0x0ec2) return "metadata";
  if ((first & 0xfe00) === 0xfc00) return "private";
  if ((first & 0xffc0) === 0xfe80) return "link-local";
  if ((first & 0xff00) === 0xff00) return "multicast";
  if (first === 0x2001 && groups[1] === 0x0db8) return "reserved";
  if (first === 0x2002) return ipv4Class(groups[1]! * 65536 + groups[2]!);
  if (first === 0x0100 && groups.slice(1, 4).every((group) => group === 0)) return "reserved";
  if (first === 0) return "reserved";
  return "public";
}

/**
 * What kind of place a host is, when its name alone says (an address, a metadata name); null for a
 * name that must be resolved to know (localhost included: it is what the resolver says it is).
 */
export function hostClass(host: string): AddressClass | null {
  const name = host.toLowerCase().replace(/\.$/, "");
  if (METADATA_NAMES.has(name)) return "metadata";
  const ipv4 = ipv4Number(name);
  if (ipv4 !== null) return ipv4Class(ipv4);
  const ipv6 = name.includes(":") ? ipv6Groups(name) : null;
  if (ipv6) return ipv6Class(ipv6);
  return null;
}

/** Whether a webhook may be sent to a place of this kind. */
export function mayDeliverTo(place: AddressClass, loopbackAllowed: boolean): boolean {
  return place === "public" || (place === "loopback" && loopbackAllowed);
}

/** Whether an endpoint that asked for `wanted` is told of an event of `kind`. */
export function endpointWants(wanted: readonly string[], kind: WebhookEventKind): boolean {
  return wanted.includes(kind);
}

type PayloadValue =
  | string
  | number
  | boolean
  | null
  | readonly PayloadValue[]
  | { readonly [key: string]: PayloadValue };

export type WebhookPayloadData = Record<string, PayloadValue>;

/** The `data` of an event's payload, from the facts its service gave. */
export function webhookPayload(fact: WebhookFact): WebhookPayloadData {
  switch (fact.kind) {
    case "cycle.opened":
      return {
        cycle: {
          id: fact.cycle.id,
          startsOn: dateToDay(fact.cycle.startsOn),
          endsOn: dateToDay(fact.cycle.endsOn),
        },
      } satisfies WebhookData<"cycle.opened">;
    case "cycle.closed":
      return {
        cycle: { id: fact.cycle.id, closedAt: fact.cycle.closedAt.toISOString() },
      } satisfies WebhookData<"cycle.closed">;
    case "feedback.window_opened":
      return {
        cycle: { id: fact.cycle.id },
        feedback: {
          peer: fact.feedback.peer,
          upward: fact.feedback.upward,
          dueOn: dateToDay(fact.feedback.dueOn),
        },
      } satisfies WebhookData<"feedback.window_opened">;
    case "outcome.released":
      // Released to its person, so its kind and level go; the rating and the facilitator's reason stay in Rungs.
      return {
        outcome: {
          id: fact.outcome.id,
          calibrationSessionId: fact.outcome.calibrationSessionId,
          cycleId: fact.outcome.cycleId,
          personId: fact.outcome.personId,
          outcome: fact.outcome.finalOutcome,
          level: fact.outcome.finalLevelId,
        },
      } satisfies WebhookData<"outcome.released">;
    case "promotion.effective":
      return {
        promotion: {
          personId: fact.promotion.personId,
          effectiveAt: fact.promotion.effectiveAt.toISOString(),
          calibrationSessionId: fact.promotion.calibrationSessionId,
          from: { track: fact.promotion.from.track, level: fact.promotion.from.level },
          to: { track: fact.promotion.to.track, level: fact.promotion.to.level },
        },
      } satisfies WebhookData<"promotion.effective">;
    case "person.joined":
      return {
        person: { id: fact.person.id, via: fact.person.via },
      } satisfies WebhookData<"person.joined">;
    case "person.left":
      return {
        person: { id: fact.person.id, leftAt: fact.person.leftAt.toISOString() },
      } satisfies WebhookData<"person.left">;
    case "goals.period_closed":
      // The objectives everyone reads (the goals service asked the goals policy), as ids, kinds and
      // final scores: no period name, title or reflection (texts), no owner, no check-in.
      return {
        period: {
          id: fact.period.id,
          startsOn: dateToDay(fact.period.startsOn),
          endsOn: dateToDay(fact.period.endsOn),
          closedAt: fact.period.closedAt.toISOString(),
        },
        objectives: fact.objectives.map((objective) => ({
          id: objective.id,
          level: objective.level,
          teamId: objective.teamId,
          parentId: objective.parentId,
          commitment: objective.commitment,
          keyResults: objective.keyResults.map((keyResult) => ({
            id: keyResult.id,
            finalScore: keyResult.finalScore,
          })),
        })),
      } satisfies WebhookData<"goals.period_closed">;
    case "goals.key_result_checked_in":
      // A key result everyone reads (the goals service asked the goals policy): its figures as the
      // objective's page shows them to everyone. No note (text), no author or token (no feed of
      // one person's check-ins), no title or unit.
      return {
        keyResult: {
          id: fact.keyResult.id,
          objectiveId: fact.keyResult.objectiveId,
          progress: fact.keyResult.progress,
        },
        checkIn: {
          id: fact.checkIn.id,
          at: fact.checkIn.at.toISOString(),
          value: fact.checkIn.value,
          confidence: fact.checkIn.confidence,
        },
      } satisfies WebhookData<"goals.key_result_checked_in">;
    case "team_health.check_in_closed":
      // Results are the team's and its managers' only (decision 099): that it closed, and when.
      return {
        checkIn: {
          id: fact.checkIn.id,
          openedAt: fact.checkIn.openedAt.toISOString(),
          closedAt: fact.checkIn.closedAt.toISOString(),
        },
        team: { id: fact.team.id },
      } satisfies WebhookData<"team_health.check_in_closed">;
  }
}
