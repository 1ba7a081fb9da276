import type { Prisma } from "~/db/client.server";
import type { PageLanguage } from "~/i18n/languages";
import { CALENDAR_EVENTS, eventKind, type CalendarEvent, type CalendarSlot } from "./calendar";
import { SECTIONS, type ExportDocument, type Section } from "./export-document";

/**
 * What each module holds about a person, declared once beside the module and registered in
 * app/modules/workflows.server.ts: the tables it keeps with a person's id or words, and what
 * erasing a person who left does to them, and what the person's own export shows of them. Erasure
 * and the export loop over the registry and name no module; a test reads prisma/schema.prisma and
 * fails on a table no declaration claims (decision 096).
 */

export type ModelName = Prisma.ModelName;

/** The erasure of one person, in its transaction. */
export type Erasure = {
  tx: Prisma.TransactionClient;
  personId: string;
  now: Date;
  /** The leavers rule: what they wrote in other people's records is kept (under the erased name) or removed. */
  othersTexts: "keep" | "remove";
};

/**
 * The person an export is read as: themselves without their roles, since an export is what Rungs
 * holds about them as its subject, not what an admin may read of other people.
 */
export type ExportReader = {
  id: string;
  name: string;
  email: string;
  isAdmin: false;
  isHiringAdmin: false;
};

/** One build of a person's export: every section is read with the same object, so sections may share a read. */
export type ExportReading = { reader: ExportReader; language: PageLanguage; now: Date };

/** Sections of the export (export-document.ts), each read as the person's own pages show it. */
export type ExportSections = {
  [S in Section]?: (reading: ExportReading) => Promise<ExportDocument[S]>;
};

/** What the retention pass tells each kind of record: the admins' rules, who is on hold, and when. */
export type RetentionFacts = {
  /** How long a rule the admins set keeps its records (retention's rule kinds), or null: kept until removed by hand. */
  keepFor: (
    rule: "private-notes" | "feedback-texts" | "leavers" | "team-health-answers",
  ) => number | null;
  /** People under a legal hold: nothing of theirs is due. */
  held: ReadonlySet<string>;
  /** People already erased. */
  erased: ReadonlySet<string>;
  now: Date;
};

/**
 * One record due for removal, with the person (or candidate) whose transaction removes it; for
 * records that hold no person (team health answers), the key of the group removed together.
 */
export type RetentionItem = { id: string; personId: string };

/**
 * A kind of record the daily retention pass removes once kept long enough, declared by the module
 * that holds it. The admin page counts `due` and the pass removes exactly that, person by person.
 */
export type RetentionKind = {
  /** What is due now, none of it for anyone on hold (decided by the rule's policy). */
  due: (facts: RetentionFacts) => Promise<RetentionItem[]>;
  /**
   * Removes one person's due items in a transaction of its own, with an audit event that counts and
   * never quotes; how many went (0 when someone else removed them first).
   */
  remove: (personId: string, ids: readonly string[], now: Date) => Promise<number>;
};

/** One event still to come in one person's calendar. */
export type CalendarEntry = { personId: string; slot: CalendarSlot };

/** Someone outside the organisation (a candidate's contact) invited to events, by address. */
export type ContactInvitations = {
  /** Who the invitations' keys are for, never a person's id (`candidate-<id>`). */
  recipientId: string;
  name: string;
  email: string;
  slots: CalendarSlot[];
};

/** What a module puts in calendars: the invitations the notification pass sends, moves and cancels. */
export type CalendarDeclaration = {
  /** Each kind of event the module's records make, with the table that holds its time. */
  events: Partial<Record<CalendarEvent, ModelName>>;
  /** Every event still to come, once for each person of the organisation it invites. */
  entries: (now: Date) => Promise<CalendarEntry[]>;
  /** Invitations to people outside, when the module sends any. */
  contacts?: (now: Date) => Promise<ContactInvitations[]>;
};

export type PersonalDataDeclaration = {
  /** Each table the module keeps with a person's id or free text, and what erasure does to it. */
  holds: Partial<Record<ModelName, string>>;
  /** Tables of the module that hold nothing about a person, each with the reason. */
  holdsNothing?: Partial<Record<ModelName, string>>;
  /**
   * Removes the person's words from the module's tables, in the erasure's transaction, and keeps
   * what the aggregates count. Run before the person's name and email are replaced.
   */
  erase?: (erasure: Erasure) => Promise<void>;
  /**
   * What the person's export shows of these records: the sections the module fills, each read
   * through the services of the pages the person reads them on, so each page's own read rule
   * decides what goes in (released feedback without hidden authors, a decision once released).
   */
  exports?: ExportSections;
  /** What the retention pass removes of these records, by kind (the admin page's row for each: `retention:next.<kind>`). */
  retention?: Record<string, RetentionKind>;
  /** Why the export has no section of this module's records: another module's section shows them, or they are machinery. */
  notExported?: string;
  /** What the module puts in people's calendars (and outside contacts'), when anything. */
  calendar?: CalendarDeclaration;
};

type SectionReader = (reading: ExportReading) => Promise<unknown>;

class PersonalDataRegistry {
  private readonly declarations = new Map<string, PersonalDataDeclaration>();

  /** A module's declaration (a second registration under its name replaces the first). */
  register(module: string, declaration: PersonalDataDeclaration): void {
    this.declarations.set(module, declaration);
  }

  /** Every registered declaration, by module, in registration order. */
  all(): [module: string, declaration: PersonalDataDeclaration][] {
    return [...this.declarations.entries()];
  }

  /**
   * The export's sections in the document's order, each with the one module that fills it; throws
   * when a section has no module or two, so a document is never built with a hole or a doubt.
   */
  exportSections(): { section: Section; module: string; read: SectionReader }[] {
    const owners = new Map<Section, { module: string; read: SectionReader }[]>();
    for (const [module, declaration] of this.declarations)
      for (const [section, read] of Object.entries(declaration.exports ?? {}) as [
        Section,
        SectionReader,
      ][])
        owners.set(section, [...(owners.get(section) ?? []), { module, read }]);
    const faults = SECTIONS.filter((section) => owners.get(section)?.length !== 1);
    if (faults.length)
      throw new Error(
        `Each export section needs exactly one module's declaration: ${faults
          .map(
            (section) =>
              `${section} (${
                owners
                  .get(section)
                  ?.map((o) => o.module)
                  .join(", ") || "none"
              })`,
          )
          .join("; ")}`,
      );
    return SECTIONS.map((section) => ({ section, ...owners.get(section)![0]! }));
  }

  /** Every kind of record the retention pass removes, in registration order; a kind declared twice throws. */
  retentionKinds(): { kind: string; module: string; rule: RetentionKind }[] {
    const kinds = [...this.declarations].flatMap(([module, declaration]) =>
      Object.entries(declaration.retention ?? {}).map(([kind, rule]) => ({ kind, module, rule })),
    );
    const twice = kinds.filter(
      (entry, index) => kinds.findIndex((k) => k.kind === entry.kind) !== index,
    );
    if (twice.length)
      throw new Error(
        `Retention kinds declared twice: ${twice.map((entry) => entry.kind).join(", ")}`,
      );
    return kinds;
  }

  /**
   * Each kind of calendar event with the one module that makes it and the table holding its time;
   * throws when a kind has no module or two, so no event goes uninvited or twice.
   */
  calendarEvents(): { event: CalendarEvent; module: string; model: ModelName }[] {
    const owners = new Map<CalendarEvent, { module: string; model: ModelName }[]>();
    for (const [module, declaration] of this.declarations)
      for (const [event, model] of Object.entries(declaration.calendar?.events ?? {}) as [
        CalendarEvent,
        ModelName,
      ][])
        owners.set(event, [...(owners.get(event) ?? []), { module, model }]);
    const faults = CALENDAR_EVENTS.filter((event) => owners.get(event)?.length !== 1);
    if (faults.length)
      throw new Error(
        `Each kind of calendar event needs exactly one module's declaration: ${faults
          .map(
            (event) =>
              `${event} (${
                owners
                  .get(event)
                  ?.map((o) => o.module)
                  .join(", ") || "none"
              })`,
          )
          .join("; ")}`,
      );
    return CALENDAR_EVENTS.map((event) => ({ event, ...owners.get(event)![0]! }));
  }

  /**
   * Every person's events still to come, from every module that declares a calendar, in
   * registration order; throws on an event of a kind its module did not declare.
   */
  async calendars(now: Date): Promise<Map<string, CalendarSlot[]>> {
    const owner = new Map(this.calendarEvents().map((entry) => [entry.event, entry.module]));
    const events = new Map<string, CalendarSlot[]>();
    for (const [module, declaration] of this.declarations) {
      if (!declaration.calendar) continue;
      for (const { personId, slot } of await declaration.calendar.entries(now)) {
        if (owner.get(eventKind(slot.eventId)) !== module)
          throw new Error(`${module} made a calendar event it does not declare: ${slot.eventId}`);
        events.set(personId, [...(events.get(personId) ?? []), slot]);
      }
    }
    return events;
  }

  /** Everyone outside the organisation invited to events, from every module that invites any. */
  async contactCalendars(now: Date): Promise<ContactInvitations[]> {
    const contacts: ContactInvitations[] = [];
    for (const declaration of this.declarations.values())
      if (declaration.calendar?.contacts)
        contacts.push(...(await declaration.calendar.contacts(now)));
    return contacts;
  }

  /** Runs every module's erasure in turn, in the caller's transaction. */
  async erase(erasure: Erasure): Promise<void> {
    if (this.declarations.size === 0)
      throw new Error(
        "No personal-data declarations are registered: the entry point must import ~/modules/workflows.server.",
      );
    for (const declaration of this.declarations.values()) await declaration.erase?.(erasure);
  }
}

export const personalData = new PersonalDataRegistry();

/**
 * A history row's change (`{ field: [from, to] }`, or a field's value) with the words of `fields`
 * blanked and everything else as it was: what erasure writes into an append-only record.
 */
export function redactedChange(change: string, fields: readonly string[]): string {
  const parsed = JSON.parse(change) as Record<string, unknown>;
  const blank = (value: unknown) => (typeof value === "string" && value !== "" ? "" : value);
  for (const field of fields)
    if (field in parsed)
      parsed[field] = Array.isArray(parsed[field])
        ? (parsed[field] as unknown[]).map(blank)
        : blank(parsed[field]);
  return JSON.stringify(parsed);
}
