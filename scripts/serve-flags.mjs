// Node's own flags for Rungs' server (decision 156), for `npm run serve`, the tests' servers and the
// bench's. Node 22 carries each request's context (AsyncLocalStorage: the request's memo, its reads'
// routing, the words it used) through promise hooks that every promise of every request pays for;
// AsyncContextFrame, Node 24's default, carries it without them. Node 24 refuses the flag.
import { pathToFileURL } from "node:url";

/** The flags Node of `version` needs to run the server as Node 24 does. */
export function serverNodeFlags(version = process.versions.node) {
  return Number(version.split(".")[0]) === 22 ? ["--experimental-async-context-frame"] : [];
}

// Run as a script (package.json's `serve`): prints them for the command line.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  console.log(serverNodeFlags().join(" "));
