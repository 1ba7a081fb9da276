/**
 * Which documents carry the app's scripts (decision 134). A page whose route (or a route above it)
 * says so in its `handle` works whole as HTML, links and forms, and is sent without them: the
 * sign-in pages, the ladder's (opened first, often from a link) and the reports people only read
 * arrive as HTML and one stylesheet. Once the app runs in a browser, every page it shows is its own.
 */
export type PageHandle = { scripts?: false };

/** A route's `handle` for a page that works whole without the app's scripts. */
export const plainHtml: PageHandle = { scripts: false };

/** Whether a document of these routes (root first, as matched) is sent with the app's scripts. */
export function documentShipsScripts(handles: readonly unknown[]): boolean {
  return !handles.some((handle) => (handle as PageHandle | undefined)?.scripts === false);
}

/**
 * A document's router context without the data the scripts would hydrate from. React Router writes
 * that hand-off stream only once it is read (patches/react-router+8.5.3.patch, decision 140), so the
 * context is copied property by property: a spread would read it, and encode every loader's data
 * for a document that drops it.
 */
export function withoutHandoff<Context extends { serverHandoffStream?: unknown }>(
  context: Context,
): Context {
  const { serverHandoffStream: _dropped, ...kept } = Object.getOwnPropertyDescriptors(context);
  return Object.defineProperties({}, kept) as Context;
}
