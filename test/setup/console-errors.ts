import { beforeEach, vi } from "vitest";

// An unexpected console.error fails the test; tests that expect one spy on it.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});
