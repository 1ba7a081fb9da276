/**
 * A form kept as one whole as it is typed in (a proposal's draft, the meeting's notes: see
 * useAutosavedForm in app/components/calibration/proposal-draft.tsx), read once the page has
 * hydrated. Pure: the hook reads the controls from the page and writes back what this returns.
 */

/**
 * One of the form's controls: the value it was rendered with, the value it held as hydration
 * began (null when the page was not hydrating) and the value it holds once hydration is done.
 */
export type ControlReading = { rendered: string; before: string | null; after: string };

/**
 * What was chosen or typed in the server-rendered form before the page hydrated, which no listener
 * heard: `putBack` holds, for each control, the value to give it again where hydrating put the
 * rendered value back over it (React does so to a textarea rendered with text), else null;
 * `edited` says whether the form then differs from what was rendered, so it is to be kept at once.
 */
export function afterHydration(controls: readonly ControlReading[]): {
  putBack: (string | null)[];
  edited: boolean;
} {
  const putBack = controls.map(({ rendered, before, after }) =>
    before !== null && before !== rendered && after === rendered ? before : null,
  );
  const edited = controls.some(
    (control, index) => (putBack[index] ?? control.after) !== control.rendered,
  );
  return { putBack, edited };
}
