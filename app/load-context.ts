declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for this response's Content-Security-Policy. */
    cspNonce?: string;
    /** The client's address, as the server saw it (after trusted proxies). */
    clientAddress?: string;
    /** This request's id (X-Request-Id), for its log lines. */
    requestId?: string;
    /** Aborted when the server begins to stop (SIGTERM): long-lived responses (event streams) end then. */
    serverStopping?: AbortSignal;
  }
}

export {};
