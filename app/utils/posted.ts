import { data } from "react-router";

/**
 * The named fields of a post as it was sent, for a refused form to show again (without JavaScript
 * the page reloads from the action's answer): each field posted as text, and no other.
 */
export function postedText<Name extends string>(
  form: FormData,
  names: readonly Name[],
): Partial<Record<Name, string>> {
  const posted: Partial<Record<Name, string>> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === "string") posted[name] = value;
  }
  return posted;
}

/** A form's field errors by field name, as conform's submission gives them. */
export type FieldErrors = Record<string, string[] | null | undefined>;

/**
 * A submission its form's schema refused: a 400 with its field errors and what was typed, so the
 * page shows the form again with both; `more` adds what else the page reads (the form's intent).
 */
export function invalidForm<Typed, More extends object = Record<never, never>>(
  errors: FieldErrors | null | undefined,
  typed: Typed,
  more?: More,
) {
  return data(
    {
      ...(more as More),
      errors: errors ?? ({} as FieldErrors),
      typed,
      error: null as string | null,
    },
    { status: 400 },
  );
}
