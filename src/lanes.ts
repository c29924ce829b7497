// Chunk mode for functions written over the runtime's operations: a Dual
// whose tangent is a Float64Array of K lanes carries K directional
// derivatives through one evaluation (ForwardDiff.jl's partials tuple), so a
// gradient of n inputs takes ⌈n / K⌉ passes. Compiled functions have their
// own chunk-mode JVP (transformer/emit/lanes.ts); this is the runtime's.
//
// Lanes are first order: Duals over plain numbers only. The operations of
// ops.ts call laneTangent when any tangent they meet has lanes.

import type { Dual, Real, Tangent } from "./dual.js";
import { compiledPartials } from "./generated/operations.js";
import { numericPartials } from "./rules/compile.js";
import type { Rule, RuleName } from "./rules/table.js";

// A zeroed Float64Array of more than 64 bytes lives outside V8's heap and costs
// about six times as much to make as a smaller one (V8 11's
// typed_array_max_size_in_heap), and the 12 lanes of the default chunk take
// 96. So mid-sized lanes are views into shared 16 KB slabs instead: each view
// is its own lanes, zeroed and never handed out twice. (A view kept alive
// keeps its slab alive: 16 KB at most.)
const SLAB_BYTES = 16384;
const ON_HEAP_BYTES = 64;
const SLAB_MAX_BYTES = 512;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabOffset = 0;

/** New lanes, all zero. */
export function newLanes(count: number): Float64Array {
  const bytes = count * Float64Array.BYTES_PER_ELEMENT;
  if (bytes <= ON_HEAP_BYTES || bytes > SLAB_MAX_BYTES) return new Float64Array(count);
  if (slabOffset + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabOffset = 0;
  }
  const lanes = new Float64Array(slab, slabOffset, count);
  slabOffset += bytes;
  return lanes;
}

/** The number of lanes among the tangents of the arguments that carry the tag (0: none has lanes). */
export function laneCount(args: readonly Real[], carries: readonly boolean[]): number {
  for (let i = 0; i < args.length; i++) {
    const d = carries[i] ? (args[i] as Dual).tangent : undefined;
    if (d instanceof Float64Array) return d.length;
  }
  return 0;
}

/** Σ ∂op/∂argᵢ · tangentᵢ, lane by lane. */
export function laneTangent(rule: Rule, primals: readonly Real[], z: Real, args: readonly Real[], carries: readonly boolean[], lanes: number): Float64Array {
  if (typeof z !== "number" || !primals.every((p) => typeof p === "number")) {
    throw new Error("chunk mode carries first derivatives only: it cannot run inside another derivative. Use chunk: 1 for the inner derivative.");
  }
  const values = primals as number[];
  const out = newLanes(lanes);
  // As everywhere: outside a domain the value is NaN, and so is every derivative.
  if (Number.isNaN(z) && !values.some(Number.isNaN)) return out.fill(NaN);
  const compiled = compiledPartials[rule.name as RuleName];
  const partials = compiled ? undefined : numericPartials(rule, values, z);
  // A zero lane contributes nothing, even through an infinite partial: a lane is one input's seed,
  // and in one-tangent mode the other inputs are plain numbers that contribute no term at all.
  // So the result does not depend on the chunk size, also where a partial is infinite.
  for (let i = 0; i < args.length; i++) {
    if (!carries[i]) continue;
    const d = (args[i] as Dual).tangent as Tangent;
    const p = compiled ? compiled[i](values[0], values[1], z) : partials![i];
    for (let k = 0; k < lanes; k++) {
      const dk = d instanceof Float64Array ? d[k] : (d as number);
      if (dk !== 0) out[k] += p * dk;
    }
  }
  return out;
}

/** The lanes of a result along a tag: its tangent's lanes, or zeros where it does not depend on them. */
export function lanesOf(tangent: Tangent, lanes: number): Float64Array {
  if (tangent instanceof Float64Array) return tangent;
  if (tangent === 0) return newLanes(lanes);
  throw new Error("chunk mode: a result's tangent has no lanes; use chunk: 1");
}
