import { test, expect } from "vitest";
test("load", async () => {
  const m = await import("./programs/corpus-plain.js");
  expect(m).toBeDefined();
});
