import type { Message } from "~/i18n/messages";

/**
 * The expected failures of domain functions, in the product's words, each with a
 * message a person can read. Domain modules throw these; routes turn them into HTTP
 * answers in one place (`app/utils/http.server.ts`), worded there in the request's language.
 * Nothing here knows about HTTP or languages: a message is a key and its values
 * (`{ key: "common:errors.notFound" }`). Services and routes throw keys only (a test holds it,
 * docs/i18n.md); English text is left to pure modules' guards against a programmer's input.
 */
export type DomainErrorKind = "not-found" | "forbidden" | "invalid" | "conflict" | "unavailable";

export class DomainError extends Error {
  /** What the person is told; `message` is its key (for logs and tests) or the English text. */
  readonly said: string | Message;

  constructor(
    readonly kind: DomainErrorKind,
    said: string | Message,
  ) {
    super(typeof said === "string" ? said : said.key);
    this.name = new.target.name;
    this.said = said;
  }
}

/** The record does not exist, or the viewer may not know that it does. */
export class NotFoundError extends DomainError {
  constructor(said: string | Message = { key: "common:errors.notFound" }) {
    super("not-found", said);
  }
}

/** The viewer may see the record but not do this to it. */
export class ForbiddenError extends DomainError {
  constructor(said: string | Message = { key: "common:errors.forbidden" }) {
    super("forbidden", said);
  }
}

/** The request itself does not make sense (an unknown action, a filter naming nothing). */
export class InvalidError extends DomainError {
  constructor(said: string | Message) {
    super("invalid", said);
  }
}

/** Someone else changed the record since the viewer read it: nothing was written; they read it again. */
export class ConflictError extends DomainError {
  constructor(said: string | Message) {
    super("conflict", said);
  }
}

/** A service Rungs depends on (the identity provider) could not be reached: nothing was done; try again later. */
export class UnavailableError extends DomainError {
  constructor(said: string | Message) {
    super("unavailable", said);
  }
}

/** Nobody is signed in (or their session ended): they sign in, then come back. */
export class SignInRequiredError extends Error {
  constructor() {
    super("Sign in to continue.");
    this.name = "SignInRequiredError";
  }
}

/** A read whose record the viewer's page would answer "not found" for gives null, as that page shows nothing. */
export async function unlessNotFound<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not-found") return null;
    throw error;
  }
}
