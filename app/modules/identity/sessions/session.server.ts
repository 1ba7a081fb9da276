import { db } from "~/db/client.server";
import { SignInRequiredError } from "~/modules/errors";
import type { KeptTodoCount } from "~/modules/todo/kept-count";
import { personTimeZone } from "~/modules/time-zones.server";
import { forgetTodoCount } from "~/modules/todo/kept-count.server";
import { memoForRequest } from "~/utils/request-memo.server";
import { lucia } from "./lucia.server";
import { sessionAndUser } from "./queries.server";
import type { Viewer } from "../policy";

export type SignedIn = {
  viewer: Viewer;
  /** The zone the person's times are entered and shown on: their own, else the organisation's. */
  timeZone: string;
  /** The language they chose (app/i18n/languages.ts), or null: their browser's, else the organisation's. */
  language: string | null;
  /** Someone active reports to the viewer (read with the session, for the navigation). */
  isManager: boolean;
  /** A calibrator or facilitator of some calibration session (the navigation shows Calibration). */
  isCalibrator: boolean;
  /** Has been given an interview (the navigation shows Hiring). */
  isInterviewer: boolean;
  /** Their to-do count as last kept (the navigation's figure, app/modules/todo/kept-count.ts). */
  todoCount: KeptTodoCount;
  sessionId: string;
  refreshCookie: string | null;
};

/**
 * The signed-in person, or null. Deactivated people are signed out on sight. A request that may
 * change something (anything but GET and HEAD) drops the person's kept to-do count first, so the
 * page they land on counts what is left.
 */
export async function getSignedIn(request: Request): Promise<SignedIn | null> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const signedIn = await memoForRequest(`signed-in:${sessionId}`, () => validate(sessionId));
  if (signedIn?.todoCount && request.method !== "GET" && request.method !== "HEAD") {
    await forgetTodoCount(signedIn.viewer.id);
    return { ...signedIn, todoCount: null };
  }
  return signedIn;
}

async function validate(sessionId: string): Promise<SignedIn | null> {
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) return null;
  if (user.deactivatedAt) {
    await lucia.invalidateUserSessions(user.id);
    return null;
  }
  return {
    viewer: {
      id: user.id,
      name: user.name,
      email: user.email,
      isAdmin: user.isAdmin,
      isHiringAdmin: user.isHiringAdmin,
    },
    timeZone: personTimeZone(user.timeZone),
    language: user.language,
    isManager: user.isManager,
    isCalibrator: user.isCalibrator,
    isInterviewer: user.isInterviewer,
    todoCount:
      user.todoOpen === null || user.todoCountedAt === null
        ? null
        : { open: user.todoOpen, countedAt: user.todoCountedAt },
    sessionId: session.id,
    // lucia extended the session (sliding renewal): the cookie's expiry must follow.
    refreshCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null,
  };
}

/**
 * The language the signed-in person chose, or null (nobody signed in, or no choice). A page view
 * shares the session read with its loaders; a request that may change something reads the session's
 * row alone, without extending the session or touching the to-do count, which its action does.
 */
export async function chosenLanguage(request: Request): Promise<string | null> {
  if (request.method === "GET" || request.method === "HEAD")
    return (await getSignedIn(request))?.language ?? null;
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  return sessionId ? ((await sessionAndUser(sessionId))?.user.language ?? null) : null;
}

/** The signed-in person; a SignInRequiredError (the sign-in page, then back here) when there is none. */
export async function requireSignedIn(request: Request): Promise<SignedIn> {
  const signedIn = await getSignedIn(request);
  if (!signedIn) throw new SignInRequiredError();
  return signedIn;
}

/**
 * Whether a session still stands: not signed out, revoked, expired, nor its person deactivated.
 * For responses that outlive their request's own check (the calibration event stream). Reads
 * without extending the session. On the machine's time, not the app's clock (decision 078), as is all
 * of identity: a browser's cookie and a sign-in link age in real time whatever day a test walks.
 */
export async function sessionStillActive(sessionId: string, now = new Date()): Promise<boolean> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { deactivatedAt: true } } },
  });
  return session !== null && session.expiresAt > now && session.user.deactivatedAt === null;
}

/** Starts a session; one begun with single sign-on keeps the provider's ID token for signing out there too. */
export async function startSession(
  userId: string,
  { idToken }: { idToken?: string } = {},
): Promise<string> {
  const session = await lucia.createSession(userId, { idToken: idToken ?? null });
  return lucia.createSessionCookie(session.id).serialize();
}

/** A Set-Cookie value that removes the session cookie. */
export function blankSessionCookie(): string {
  return lucia.createBlankSessionCookie().serialize();
}

/** Ends the request's session; `idToken` is the identity provider's when the session began with single sign-on. */
export async function endSession(
  request: Request,
): Promise<{ cookie: string; idToken: string | null }> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  let idToken: string | null = null;
  if (sessionId) {
    idToken =
      (await db.session.findUnique({ where: { id: sessionId }, select: { idToken: true } }))
        ?.idToken ?? null;
    await lucia.invalidateSession(sessionId);
  }
  return { cookie: blankSessionCookie(), idToken };
}
