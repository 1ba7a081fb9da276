import { describe, expect, test } from "vitest";
import { parseEnv } from "~/utils/env.server";

describe("email settings in the environment", () => {
  test("email is on with both SMTP_URL and MAIL_FROM, off with neither", () => {
    expect(parseEnv({}).mail).toBeNull();
    expect(parseEnv({ SMTP_URL: "", MAIL_FROM: " " }).mail).toBeNull();
    expect(
      parseEnv({
        SMTP_URL: "smtp://user:pw@mail.example.com:587",
        MAIL_FROM: "Rungs <rungs@example.com>",
      }).mail,
    ).toEqual({
      smtpUrl: "smtp://user:pw@mail.example.com:587",
      from: "Rungs <rungs@example.com>",
    });
  });

  test("one without the other, or a value that is not an address, stops start-up with a message naming the variable", () => {
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example.com" })).toThrow(
      /MAIL_FROM: is required with SMTP_URL/,
    );
    expect(() => parseEnv({ MAIL_FROM: "rungs@example.com" })).toThrow(
      /SMTP_URL: is required with MAIL_FROM/,
    );
    expect(() =>
      parseEnv({ SMTP_URL: "mail.example.com", MAIL_FROM: "rungs@example.com" }),
    ).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example.com", MAIL_FROM: "Rungs" })).toThrow(
      /MAIL_FROM: must be an email address/,
    );
  });

  test("the organisation's time zone must be one the runtime knows; the schedule is on or off", () => {
    expect(parseEnv({}).ORG_TIME_ZONE).toBe("UTC");
    expect(parseEnv({ ORG_TIME_ZONE: "Europe/Berlin" }).ORG_TIME_ZONE).toBe("Europe/Berlin");
    expect(() => parseEnv({ ORG_TIME_ZONE: "Berlin" })).toThrow(
      /ORG_TIME_ZONE: must be a time zone name/,
    );
    expect(parseEnv({}).NOTIFY_SCHEDULE).toBe("on");
    expect(() => parseEnv({ NOTIFY_SCHEDULE: "sometimes" })).toThrow(
      /NOTIFY_SCHEDULE: must be on or off/,
    );
  });
});
