// What every API function does at its boundary with the caller, before and
// around its work: checks that f is a function (and, where the transform
// could not differentiate it, says why: registry.ts's derivativeInfo), checks
// its options — their keys and the values that need no arguments to check —
// and turns a stack overflow inside the derivative code into a message that
// says what happened and what to do.

import { derivativeInfo } from "../registry.js";
import { chunkSize } from "./engines.js";
import { checkMode } from "./routes.js";
import { signatureOf } from "./signature.js";
import { kindOf } from "./values.js";

/** f must be a function; one marked @differentiable that the transform could not differentiate throws its diagnostics. */
export function checkFunction(api: string, f: unknown, what = "a function"): asserts f is Function {
  if (typeof f !== "function") throw new TypeError(`${api} expects ${what}, but got ${kindOf(f)}`);
  derivativeInfo(f, api);
}

/** `grad(loss)`: the prefix of a message about a call of f. */
export function callerOf(api: string, f: Function): string {
  return `${api}(${signatureOf(f).name})`;
}

/** The options an API function takes, for its messages: `wrt, mode and chunk`. */
function listed(names: readonly string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * The options object: undefined, or an object whose every key is one `api` takes (a misspelt option
 * would otherwise be ignored without a word). Returns it, {} for undefined. A for…in loop rather than
 * Object.keys: grad(f, { wrt }) is often made per call, and this runs each time.
 */
export function checkOptionKeys<T extends object>(api: string, f: Function, options: T | undefined, allowed: readonly string[]): T {
  if (options === undefined) return NO_OPTIONS as T;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${callerOf(api, f)}: options must be an object such as { ${allowed[0]}: … }, not ${kindOf(options)}`);
  }
  for (const key in options) {
    if (!allowed.includes(key)) throw new TypeError(`${callerOf(api, f)}: unknown option '${key}'; ${api} takes ${listed(allowed)}`);
  }
  return options;
}

/**
 * A numeric option: undefined (its default), or a finite number that is at least 0 (`atLeastZero`)
 * or greater than 0 (`positive`).
 */
export function checkNumberOption(caller: string, name: string, value: unknown, bound: "atLeastZero" | "positive"): void {
  if (value === undefined) return;
  const ok = typeof value === "number" && Number.isFinite(value) && (bound === "positive" ? value > 0 : value >= 0);
  if (!ok) throw new RangeError(`${caller}: ${name} must be a finite number ${bound === "positive" ? "greater than 0" : "of at least 0"}, not ${kindOf(value)}`);
}

/** Whether an error is V8's stack overflow. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /Maximum call stack size exceeded/.test(error.message);
}

/**
 * body(), with a stack overflow inside it rethrown as a RangeError that says what happened and what
 * to do. To say whether f itself recurses that deep, f runs once more on the call's own arguments
 * (plain numbers), only after an overflow.
 */
export function withinStack<T>(api: string, f: Function, args: readonly unknown[], body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw explainedOverflow(api, f, args, error);
  }
}

/**
 * The error to throw for one caught at the boundary: a stack overflow explained (withinStack's), anything
 * else as it is. For the hot API functions, which catch inline rather than allocate withinStack's closure.
 */
export function explainedOverflow(api: string, f: Function, args: readonly unknown[], error: unknown): unknown {
  return isStackOverflow(error) ? stackOverflow(api, f, args, error) : error;
}

function stackOverflow(api: string, f: Function, args: readonly unknown[], cause: unknown): RangeError {
  const name = signatureOf(f).name;
  let primal: string;
  try {
    f(...args);
    primal = `${name} itself runs at these arguments, but its derivative code takes more stack per level of recursion`;
  } catch (error) {
    primal = isStackOverflow(error) ? `${name} itself recurses deeper than the stack allows at these arguments too` : `the derivative code ran out of stack`;
  }
  return new RangeError(
    `${api}(${name}): the derivative of ${name} recursed deeper than the JavaScript stack allows (${primal}). ` +
      `Write the recursion as a loop, or run node with a larger stack: node --stack-size=N (in KB; V8's default is 984).`,
    { cause },
  );
}

/**
 * The options of derivative, jvp, grad, valueAndGrad, jacobian and hessian, checked once when the
 * API function is called on f: their keys, and mode and chunk, whose values need no arguments to
 * check (wrt is checked against each call's arguments). Returns them, {} for undefined.
 */
export function checkDerivativeOptions<T extends object>(api: string, f: Function, options: T | undefined, allowed: readonly string[]): T {
  const checked = checkOptionKeys(api, f, options, allowed);
  const { mode, chunk } = checked as { mode?: unknown; chunk?: unknown };
  // routes.ts's and engines.ts's checks make the messages; the common, valid values pass without a call.
  if (mode !== undefined && mode !== "forward" && mode !== "reverse") checkMode(new NamedCaller(api, f), mode);
  if (chunk !== undefined && !(Number.isInteger(chunk) && (chunk as number) >= 1)) chunkSize(1, chunk as number, new NamedCaller(api, f));
  return checked;
}

const NO_OPTIONS = Object.freeze({});

/** `grad(loss)`, made only when a message reads it. */
class NamedCaller {
  constructor(
    private readonly api: string,
    private readonly f: Function,
  ) {}

  get caller(): string {
    return callerOf(this.api, this.f);
  }
}
