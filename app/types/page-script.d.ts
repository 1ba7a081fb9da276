// A module bundled into one script of its own: the address it is served at
// (scripts/page-script-plugin.ts, decision 167).
declare module "*?script" {
  const src: string;
  export default src;
}
