/** A name's possessive: "Ada's", and for a name ending in s only the apostrophe ("Monzo engineering frameworks'"). */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
