import { describe, expect, test } from "vitest";
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  SignInRequiredError,
  UnavailableError,
} from "~/modules/errors";
import { jsonEndpoint, withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";

const args = routeArgs(new Request("http://localhost/people/p1/gap?target=ic3"));
const throwing = (error: unknown) => async (): Promise<never> => {
  throw error;
};

describe("domain errors in loaders and actions", () => {
  test.each([
    [new NotFoundError("There is no such person."), 404],
    [new ForbiddenError("This page is for admins."), 403],
    [new InvalidError("Unknown action."), 400],
  ])("%s is thrown as its status with its message", async (error, status) => {
    const answer = await thrown(() => withDomainErrors(throwing(error))(args));
    expect(statusOf(answer)).toBe(status);
    expect(bodyOf(answer)).toEqual({ message: error.message });
  });

  test("sign-in required sends the visitor to sign in, back here afterwards, with the session cookie cleared", async () => {
    const answer = (await thrown(() =>
      withDomainErrors(throwing(new SignInRequiredError()))(args),
    )) as Response;
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(
      "/login?redirectTo=%2Fpeople%2Fp1%2Fgap%3Ftarget%3Dic3",
    );
    expect(answer.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
  });

  test("from a page's data request (`.data`, as React Router passes it on), the way back is the page", async () => {
    const request = new Request(
      "http://localhost/people/p1/gap.data?target=ic3&_routes=routes%2Fpeople.%24personId.gap",
    );
    const url = new URL("http://localhost/people/p1/gap?target=ic3");
    const answer = (await thrown(() =>
      withDomainErrors(throwing(new SignInRequiredError()))({ ...routeArgs(request), url }),
    )) as Response;
    expect(answer.headers.get("Location")).toBe(
      "/login?redirectTo=%2Fpeople%2Fp1%2Fgap%3Ftarget%3Dic3",
    );
  });

  test("a way back that is not a plain path of ours (`//host/…`) is dropped: the person signs in and goes home", async () => {
    const request = new Request("http://localhost//evil.example/phish");
    const answer = (await thrown(() =>
      withDomainErrors(throwing(new SignInRequiredError()))(routeArgs(request)),
    )) as Response;
    expect(answer.headers.get("Location")).toBe("/login");
  });

  test("anything else goes on untouched, and answers pass through", async () => {
    const bug = new TypeError("a bug");
    expect(await thrown(() => withDomainErrors(throwing(bug))(args))).toBe(bug);
    expect(await withDomainErrors(async () => ({ ok: true }))(args)).toEqual({ ok: true });
  });
});

describe("refusals of a form action, said on its page", () => {
  const posted = () =>
    routeArgs(
      new Request("http://localhost/calibration/s1", {
        method: "POST",
        body: new URLSearchParams({ intent: "release", note: "kept" }),
      }),
    );

  test.each([
    [new ForbiddenError("Only the facilitator runs the meeting."), 403],
    [new InvalidError("Unknown action."), 400],
    [new ConflictError("Someone else changed this entry."), 409],
    [new UnavailableError("The identity provider could not be reached."), 503],
  ])(
    "%s answers its status, with the form's intent, what the page keeps and the message",
    async (error, status) => {
      const answer = await withFormRefusals(throwing(error), (form) => ({
        note: form.get("note"),
      }))(posted());
      expect(statusOf(answer)).toBe(status);
      expect(bodyOf(answer)).toEqual({
        intent: "release",
        note: "kept",
        error: error.message,
        kind: error.kind,
      });
    },
  );

  test("a record that is not there is the 404 page, never a reply beside the form", async () => {
    const answer = await thrown(() =>
      withFormRefusals(throwing(new NotFoundError("There is no such entry.")))(posted()),
    );
    expect(statusOf(answer)).toBe(404);
    expect(bodyOf(answer)).toEqual({ message: "There is no such entry." });
  });

  test("the handler reads the form it was sent; sign-in and anything else go on as for any action", async () => {
    expect(await withFormRefusals(async (_args, form) => form.get("note"))(posted())).toBe("kept");
    expect(
      statusOf(await thrown(() => withFormRefusals(throwing(new SignInRequiredError()))(posted()))),
    ).toBe(302);
    const bug = new TypeError("a bug");
    expect(await thrown(() => withFormRefusals(throwing(bug))(posted()))).toBe(bug);
  });
});

describe("domain errors in the JSON endpoints", () => {
  test("answer JSON with the error's status and message", async () => {
    const answer = await jsonEndpoint(
      throwing(new NotFoundError("That evidence is not on this assessment.")),
    )(args);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({
      ok: false,
      kind: "error",
      message: "That evidence is not on this assessment.",
    });
  });

  test("a handler's own status and body are sent as they are", async () => {
    const answer = await jsonEndpoint(async () => ({
      status: 409,
      body: { ok: false, kind: "locked", message: "Locked." },
    }))(args);
    expect(answer.status).toBe(409);
    expect(await answer.json()).toEqual({ ok: false, kind: "locked", message: "Locked." });
  });
});
