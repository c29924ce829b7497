// Plan once, run many. The function grad(f, options) returns (and
// valueAndGrad's, jacobian's, hessian's) works out, on its first call with a
// given argument layout — which arguments are numbers, arrays (and their
// lengths), Float64Arrays or data — everything that does not change from
// call to call: the checked selection of inputs, the route (routes.ts), the
// lanes. It keeps that plan, and a later call of the same layout only checks
// that its arguments fit it and runs it (ForwardDiff's GradientConfig, made
// automatically; JAX's jit cache keyed on shapes).
//
// A layout is plannable where every argument is a finite number, an array or
// Float64Array of finite numbers, or data (anything that is neither, nor a
// Dual or tape variable, nor undefined); anything else — a call inside
// another derivative, a non-finite input, an omitted optional parameter, a
// rest parameter, a hole — runs the general path, which checks and reports
// it. Plans are shared by every function made for the same f and options,
// so that grad(f) made anew for each call still plans once.

import { Dual } from "../dual.js";
import { isNanSafe } from "../nansafe.js";
import { Var } from "../reverse/tape.js";
import type { Selection } from "./selection.js";

const NUMBER = 0;
const ARRAY = 1;
const TYPED = 2;
const DATA = 3;
const UNPLANNABLE = -1;

/** Whether every element of an array is a finite number (a plan's check, and generated.ts's of jvp's tangents). */
export function finiteNumbers(x: ArrayLike<unknown>): boolean {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== "number" || v - v !== 0) return false;
  }
  return true;
}

function argumentKind(arg: unknown): number {
  if (typeof arg === "number") return arg - arg === 0 ? NUMBER : UNPLANNABLE;
  if (Array.isArray(arg)) return finiteNumbers(arg) ? ARRAY : UNPLANNABLE;
  if (arg instanceof Float64Array) return finiteNumbers(arg) ? TYPED : UNPLANNABLE;
  if (arg === undefined || arg instanceof Dual || arg instanceof Var || ArrayBuffer.isView(arg)) return UNPLANNABLE;
  return DATA;
}

/** The kinds and lengths of a call's arguments. */
export class Layout {
  private constructor(
    private readonly kinds: readonly number[],
    private readonly lengths: readonly number[],
  ) {}

  /** The layout of args, or undefined where the call is not plannable. */
  static of(args: readonly unknown[]): Layout | undefined {
    const kinds = new Array<number>(args.length);
    const lengths = new Array<number>(args.length);
    for (let i = 0; i < args.length; i++) {
      const kind = argumentKind(args[i]);
      if (kind === UNPLANNABLE) return undefined;
      kinds[i] = kind;
      lengths[i] = kind === ARRAY || kind === TYPED ? (args[i] as ArrayLike<number>).length : 0;
    }
    return new Layout(kinds, lengths);
  }

  /** Whether args are laid out as this layout's call was, and plannable. */
  matches(args: readonly unknown[]): boolean {
    const { kinds, lengths } = this;
    if (args.length !== kinds.length) return false;
    for (let i = 0; i < kinds.length; i++) {
      const arg = args[i];
      switch (kinds[i]) {
        case NUMBER:
          if (typeof arg !== "number" || arg - arg !== 0) return false;
          break;
        case ARRAY:
          if (!Array.isArray(arg) || arg.length !== lengths[i] || !finiteNumbers(arg)) return false;
          break;
        case TYPED:
          if (!(arg instanceof Float64Array) || arg.length !== lengths[i] || !finiteNumbers(arg)) return false;
          break;
        default:
          if (argumentKind(arg) !== DATA) return false;
      }
    }
    return true;
  }

  /** `number, number[3], Float64Array[2], data`, for messages and tests. */
  toString(): string {
    return this.kinds.map((kind, i) => (kind === NUMBER ? "number" : kind === ARRAY ? `number[${this.lengths[i]}]` : kind === TYPED ? `Float64Array[${this.lengths[i]}]` : "data")).join(", ");
  }
}

/** What every plan has: the layout it was made for, and the NaN-safe setting its route was chosen under. */
export interface Plan {
  readonly layout: Layout;
  readonly nanSafe: boolean;
  /** Set while a call runs it: a call inside that call (f calling its own gradient) takes the general path. */
  busy: boolean;
}

/** At most this many layouts are kept per function and options; a ninth replaces the oldest. */
const KEPT_LAYOUTS = 8;

/** The plans made for one f and options, one per layout. */
export class Plans<P extends Plan> {
  private readonly plans: P[] = [];

  /** The plan made for args' layout (under the current NaN-safe setting); undefined where there is none, or it is busy. */
  match(args: readonly unknown[]): P | undefined {
    const plans = this.plans;
    if (plans.length === 0) return undefined;
    const nanSafe = isNanSafe();
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i];
      if (plan.nanSafe === nanSafe && plan.layout.matches(args)) return plan.busy ? undefined : plan;
    }
    return undefined;
  }

  /** The plan for args' layout, made now if there is none; undefined where the call is not plannable or its plan is busy. */
  for(args: readonly unknown[], make: (args: readonly unknown[], layout: Layout, nanSafe: boolean) => P): P | undefined {
    const found = this.match(args);
    if (found !== undefined) return found;
    const layout = Layout.of(args);
    // Not plannable — or plannable with a busy plan of this layout (the call is inside a call of that plan).
    if (!layout || this.plans.some((plan) => plan.busy && plan.layout.matches(args))) return undefined;
    const plan = make(args, layout, isNanSafe());
    if (this.plans.length === KEPT_LAYOUTS) this.plans.shift();
    this.plans.push(plan);
    return plan;
  }

  /** Forgets every plan (for tests: the next call of each layout plans again, and runs the general route). */
  clear(): void {
    this.plans.length = 0;
  }

  /** The layouts planned so far, oldest first (for tests). */
  get layouts(): string[] {
    return this.plans.map((plan) => plan.layout.toString());
  }
}

/** The plans of each function, per API function and options (a key such as `grad|reverse||0,1`). */
const planned = new WeakMap<Function, Map<string, Plans<Plan>>>();

/** The last lookup's answer: an API used again and again on one f (jvp in a loop, grad made per call) skips the maps. */
let last: { readonly f: Function; readonly key: string; readonly plans: Plans<Plan> } | undefined;

/** The plans shared by every function an API made for f with these options. */
export function plansOf<P extends Plan>(f: Function, key: string): Plans<P> {
  if (last !== undefined && last.f === f && last.key === key) return last.plans as unknown as Plans<P>;
  let byKey = planned.get(f);
  if (!byKey) planned.set(f, (byKey = new Map()));
  let plans = byKey.get(key);
  if (!plans) byKey.set(key, (plans = new Plans<Plan>()));
  last = { f, key, plans };
  return plans as unknown as Plans<P>;
}

/** Forgets every plan made for f (for tests). */
export function forgetPlans(f: Function): void {
  for (const plans of planned.get(f)?.values() ?? []) plans.clear();
}

/** The key of an API function's options: what a plan depends on. */
export function optionsKey(api: string, options: { readonly wrt?: unknown; readonly mode?: unknown; readonly chunk?: unknown }): string {
  // No options (the common case): the API's name itself, a constant string, which a Map hashes once.
  if (options.wrt === undefined && options.mode === undefined && options.chunk === undefined) return api;
  const one = (w: unknown) => `${typeof w}:${String(w)}`;
  const wrt = options.wrt === undefined ? "" : Array.isArray(options.wrt) ? `[${options.wrt.map(one).join(",")}]` : one(options.wrt);
  return `${api}|${String(options.mode)}|${String(options.chunk)}|${wrt}`;
}

/** A plan that holds a selection (rebound to each call's arguments) and a route. */
export interface SelectionPlan<R> extends Plan {
  readonly sel: Selection;
  readonly route: R;
}

const NO_ARGUMENTS: readonly unknown[] = [];

/**
 * run(selection, route) by the plan of args' layout — made by `choose` on the first call of that
 * layout (`planned`: what it makes serves every call of the layout) — where the call is plannable,
 * else on a selection and route `choose` makes for this call.
 */
export function onPlan<R, T>(
  plans: Plans<SelectionPlan<R>>,
  args: readonly unknown[],
  choose: (args: readonly unknown[], planned: boolean) => { sel: Selection; route: R },
  run: (sel: Selection, route: R) => T,
  matched?: SelectionPlan<R>,
): T {
  const plan = matched ?? plans.for(args, (first, layout, nanSafe) => ({ layout, nanSafe, busy: false, ...choose(first, true) }));
  if (!plan) {
    const { sel, route } = choose(args, false);
    return run(sel, route);
  }
  plan.busy = true;
  try {
    return run(plan.sel.rebind(args), plan.route);
  } finally {
    plan.busy = false;
    // The plan keeps no reference to the caller's arguments.
    plan.sel.args = NO_ARGUMENTS;
  }
}
