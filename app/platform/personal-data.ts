import type { Prisma } from "~/db/client.server";

/**
 * What each module holds about a person, declared once beside the module and registered in
 * app/modules/workflows.server.ts: the tables it keeps with a person's id or words, and what
 * erasing a person who left does to them. Erasure loops over the registry and names no module;
 * a test reads prisma/schema.prisma and fails on a table no declaration claims (decision 096).
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
};

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
