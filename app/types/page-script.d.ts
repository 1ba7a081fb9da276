// A module bundled into one script, as text (scripts/page-script-plugin.ts, decision 167).
declare module "*?script" {
  const code: string;
  export default code;
}
