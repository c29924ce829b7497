// Shared assertions for the test suite.

import { expect } from "vitest";
import { withNanSafeMode } from "../../src/nansafe.js";

/** |actual − expected| ≤ atol + rtol·|expected|, elementwise through nested arrays; NaN matches NaN. */
export function expectClose(actual: unknown, expected: unknown, rtol = 1e-9, atol = 1e-12, path = "value"): void {
  if (Array.isArray(expected) || ArrayBuffer.isView(expected)) {
    const e = Array.from(expected as ArrayLike<unknown>);
    expect(Array.isArray(actual) || ArrayBuffer.isView(actual), `${path} should be an array`).toBe(true);
    const a = Array.from(actual as ArrayLike<unknown>);
    expect(a.length, `${path}.length`).toBe(e.length);
    e.forEach((x, i) => expectClose(a[i], x, rtol, atol, `${path}[${i}]`));
    return;
  }
  expect(typeof actual, `${path} type`).toBe("number");
  const a = actual as number;
  const x = expected as number;
  if (Number.isNaN(x)) return expect(a, path).toBeNaN();
  if (!Number.isFinite(x)) return expect(a, path).toBe(x);
  const tolerance = atol + rtol * Math.abs(x);
  if (!(Math.abs(a - x) <= tolerance)) {
    throw new Error(`${path}: ${a} is not within ${tolerance.toExponential(2)} of ${x} (difference ${Math.abs(a - x).toExponential(2)})`);
  }
}

/** body() with NaN-safe mode set to `on`, and the previous setting restored afterwards, also when body throws. */
export function inNanSafeMode<T>(on: boolean, body: () => T): T {
  return withNanSafeMode(on, body);
}
