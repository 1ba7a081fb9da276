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
