import { createContext, RouterContextProvider } from "react-router";

/**
 * What the server (server/index.ts) knows of a request beyond the request itself, handed to
 * loaders, actions and the document through React Router's context: `context.get(serverFacts)`.
 */
export interface ServerFacts {
  /** Nonce for this response's Content-Security-Policy. */
  cspNonce?: string;
  /** The client's address, as the server saw it (after trusted proxies). */
  clientAddress: string;
  /** This request's id (X-Request-Id), for its log lines. */
  requestId?: string;
  /** Aborted when the server begins to stop (SIGTERM): long-lived responses (event streams) end then. */
  serverStopping?: AbortSignal;
}

/** Outside a server (a loader called by a script or a test), the address is unknown and nothing else is set. */
export const serverFacts = createContext<ServerFacts>({ clientAddress: "unknown" });

/** The context a request starts with. */
export function contextWith(facts: ServerFacts): RouterContextProvider {
  return new RouterContextProvider(new Map([[serverFacts, facts]]));
}
