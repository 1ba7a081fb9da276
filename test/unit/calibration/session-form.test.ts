import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { NewSessionSchema } from "~/modules/calibration/session-form";

function form(groupFloor: string): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries({
    name: "Spring",
    cycleId: "c",
    ladderId: "engineering",
    facilitatorEmail: "fay@example.com",
    population: "cycle",
    groupFloor,
  }))
    data.set(name, value);
  return data;
}

describe("a session's floor", () => {
  test("may raise the organisation's floor of 4, never lower it: a lower one is a field error that says so", () => {
    const lowered = parseWithZod(form("3"), { schema: NewSessionSchema });
    expect(lowered.status).toBe("error");
    expect(lowered.status === "error" && lowered.error?.groupFloor).toEqual([
      "calibration:errors.floorLowered",
    ]);
    const raised = parseWithZod(form("8"), { schema: NewSessionSchema });
    expect(raised.status === "success" && raised.value.groupFloor).toBe(8);
  });
});
