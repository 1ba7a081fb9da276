import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * A file of the project by its path from the project's root, as a URL to import: resolved from the
 * working directory (the server runs from the root, as `build/client` assumes), so the same line
 * holds in the source run by tsx and in its bundle under build/start (`npm run build`, decision 141).
 */
export function projectFile(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}
