/**
 * The expected failures of domain functions, in the product's words, each with a
 * message a person can read. Domain modules throw these; routes turn them into HTTP
 * answers in one place (`app/utils/http.server.ts`). Nothing here knows about HTTP.
 */
export type DomainErrorKind = "not-found" | "forbidden" | "invalid" | "conflict" | "unavailable";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The record does not exist, or the viewer may not know that it does. */
export class NotFoundError extends DomainError {
  constructor(message = "We could not find that page.") {
    super("not-found", message);
  }
}

/** The viewer may see the record but not do this to it. */
export class ForbiddenError extends DomainError {
  constructor(message = "You do not have access to this page.") {
    super("forbidden", message);
  }
}

/** The request itself does not make sense (an unknown action, a filter naming nothing). */
export class InvalidError extends DomainError {
  constructor(message: string) {
    super("invalid", message);
  }
}

/** Someone else changed the record since the viewer read it: nothing was written; they read it again. */
export class ConflictError extends DomainError {
  constructor(message: string) {
    super("conflict", message);
  }
}

/** A service Rungs depends on (the identity provider) could not be reached: nothing was done; try again later. */
export class UnavailableError extends DomainError {
  constructor(message: string) {
    super("unavailable", message);
  }
}

/** Nobody is signed in (or their session ended): they sign in, then come back. */
export class SignInRequiredError extends Error {
  constructor() {
    super("Sign in to continue.");
    this.name = "SignInRequiredError";
  }
}
