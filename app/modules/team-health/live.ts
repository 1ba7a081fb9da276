/**
 * A live check-in's code (decision 112): six characters read aloud in a retro and typed on a phone.
 * Only characters nobody mixes up, said or written: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V. Twenty-three
 * characters, six places: 148 million codes, against which a guesser gets ten tries a quarter of an
 * hour (policy.liveCodeRule), and a right code still opens nothing to anyone but the team. Pure.
 */

export const LIVE_CODE_ALPHABET = "ACDEFGHJKMNPQRTWXY34679";
export const LIVE_CODE_LENGTH = 6;

/** A new code from `pick(n)`, a uniform random integer below n (crypto.randomInt on the server). */
export function newLiveCode(pick: (below: number) => number): string {
  let code = "";
  for (let place = 0; place < LIVE_CODE_LENGTH; place++)
    code += LIVE_CODE_ALPHABET[pick(LIVE_CODE_ALPHABET.length)];
  return code;
}

/** A code as typed or in an address: upper case, spaces and dashes dropped; null when it cannot be one. */
export function normaliseLiveCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== LIVE_CODE_LENGTH) return null;
  return [...code].every((char) => LIVE_CODE_ALPHABET.includes(char)) ? code : null;
}

/** A code as shown and read aloud: two groups of three ("K7M-4QX"). */
export function formatLiveCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}
