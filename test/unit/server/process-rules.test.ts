import { describe, expect, test } from "vitest";
import {
  processCount,
  restartDelayMs,
  restartPacer,
  sqliteProcessesWarning,
  startMessage,
} from "../../../server/process-rules";
import { parseEnv } from "~/utils/env.server";

describe("app processes per machine", () => {
  test("unset: one per core in production on PostgreSQL; one on SQLite and outside production", () => {
    expect(processCount(undefined, { cores: 4, production: true, database: "postgresql" })).toBe(4);
    expect(processCount(undefined, { cores: 4, production: false, database: "postgresql" })).toBe(
      1,
    );
    expect(processCount(undefined, { cores: 4, production: true, database: "sqlite" })).toBe(1);
  });

  test("auto is one per core; a number is taken as it is; several on SQLite are warned about", () => {
    expect(processCount("auto", { cores: 2, production: false, database: "postgresql" })).toBe(2);
    expect(processCount(3, { cores: 2, production: true, database: "postgresql" })).toBe(3);
    expect(processCount(1, { cores: 8, production: true, database: "postgresql" })).toBe(1);
    expect(processCount(2, { cores: 8, production: true, database: "sqlite" })).toBe(2);
    expect(sqliteProcessesWarning(2, "sqlite")).toMatch(
      /2 app processes on one SQLite file.*decisions\/046/,
    );
    expect([sqliteProcessesWarning(1, "sqlite"), sqliteProcessesWarning(4, "postgresql")]).toEqual([
      null,
      null,
    ]);
  });

  test("WEB_CONCURRENCY and HEALTH_PORT are read from the environment, and nonsense is refused by name", () => {
    expect(parseEnv({ WEB_CONCURRENCY: "auto" }).WEB_CONCURRENCY).toBe("auto");
    expect(parseEnv({ WEB_CONCURRENCY: "3", HEALTH_PORT: "3001" })).toMatchObject({
      WEB_CONCURRENCY: 3,
      HEALTH_PORT: 3001,
    });
    expect(parseEnv({ WEB_CONCURRENCY: "" }).WEB_CONCURRENCY).toBeUndefined();
    expect(() => parseEnv({ WEB_CONCURRENCY: "lots" })).toThrow(
      /WEB_CONCURRENCY: must be auto or a whole number of processes from 1 to 64/,
    );
    expect(() => parseEnv({ WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY/);
  });

  test("a process that keeps ending is started again ever more slowly, at most every 30 s", () => {
    expect([1, 2, 3, 4].map(restartDelayMs)).toEqual([250, 500, 1000, 2000]);
    expect(restartDelayMs(20)).toBe(30_000);
  });

  test("the pace counts the exits of the last minute: an exit long after the others starts again quickly", () => {
    const pace = restartPacer();
    expect([0, 1_000, 2_000].map(pace)).toEqual([250, 500, 1000]);
    // 60.5 s after the first: the first has left the minute, the other two and this one count.
    expect(pace(60_500)).toBe(1000);
    // Over a minute after the last: only this one counts.
    expect(pace(200_000)).toBe(250);
  });

  test("the start log names the public address when PUBLIC_URL is set, and where the server listens", () => {
    const env = { HOST: "127.0.0.1", PORT: 3000, databaseProvider: "postgresql" as const };
    expect(startMessage({ ...env, PUBLIC_URL: "https://rungs.example.com" }, 1)).toBe(
      "Rungs is running at https://rungs.example.com, listening on 127.0.0.1:3000 (postgresql)",
    );
    expect(startMessage({ ...env, PUBLIC_URL: "https://rungs.example.com" }, 4)).toBe(
      "Rungs is starting 4 app processes at https://rungs.example.com, listening on 127.0.0.1:3000 (postgresql; WEB_CONCURRENCY)",
    );
    expect(startMessage(env, 1)).toBe("Rungs is running at http://127.0.0.1:3000 (postgresql)");
    expect(startMessage({ ...env, HOST: "0.0.0.0" }, 2)).toBe(
      "Rungs is starting 2 app processes at http://localhost:3000 (postgresql; WEB_CONCURRENCY)",
    );
  });

  test("PUBLIC_URL is read without a trailing slash, so links under it have one slash", () => {
    expect(parseEnv({ PUBLIC_URL: "https://rungs.example.com/" }).PUBLIC_URL).toBe(
      "https://rungs.example.com",
    );
    expect(parseEnv({ PUBLIC_URL: "https://rungs.example.com" }).PUBLIC_URL).toBe(
      "https://rungs.example.com",
    );
  });
});
