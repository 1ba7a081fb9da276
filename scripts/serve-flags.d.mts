/** The flags Node of `version` (this one's by default) needs to run the server as Node 24 does. */
export function serverNodeFlags(version?: string): string[];
