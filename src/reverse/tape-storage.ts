// Where the runtime's reverse-mode tape (tape.ts) keeps its nodes: typed
// arrays indexed by node (values) and by argument slot (two per node:
// 2·node and 2·node + 1), and a plain array of op names — no object per
// node, so the garbage collector has nothing to trace or copy however long
// the tape grows.
//
// A fresh typed array costs V8 far more than a young object (about a
// microsecond, and about 0.1 ns a byte in new pages), so storage is reused,
// as linear.ts's tapes are: a tape that a derivative has finished with is
// released (Tape.release), and the next tape takes its storage. A tape that
// is never released (trace's, one made by hand) pays for new storage.

/** A slot's argument is a constant: its value is in `constants`. */
export const CONSTANT = -1;
/** The slot is unused: the operation has fewer arguments. */
export const NONE = -2;
/** The node's arguments and partials are kept apart (an operation of more than two arguments); first slot only. */
export const WIDE = -3;

/** A tape's storage. Entries past the tape's nodes are stale. */
export interface Storage {
  /** Each node's value. */
  values: Float64Array;
  /** Each slot's argument: a node index, or CONSTANT, NONE or WIDE. */
  argIds: Int32Array;
  /** ∂node/∂argument, for each slot. */
  partials: Float64Array;
  /** A CONSTANT slot's constant. */
  constants: Float64Array;
  /** Each node's op name. */
  readonly ops: string[];
  /** The last backward sweep's ∂output/∂node. */
  adjoints: Float64Array;
}

/** Nodes that new storage has room for before it first grows. */
const INITIAL_NODES = 32;

/** Below this many nodes storage grows fourfold (fewer allocations while small), from it twofold. */
const QUADRUPLE_BELOW = 1 << 12;

/** Storage grown past this many nodes (about 16 MB with the op names) is not kept for reuse: one huge tape should not hold its memory forever. */
const KEPT_NODES = 1 << 18;

/** Bytes per node: value, adjoint, two partials and two constants (Float64), two argument ids (Int32). */
const NODE_BYTES = 8 + 8 + 16 + 16 + 8;

const idle: Storage[] = [];

/** Storage for a new tape: released storage if there is some, else new. */
export function takeStorage(): Storage {
  return idle.pop() ?? allocate(INITIAL_NODES, []);
}

/** Storage that its tape will not read again, kept for the next tape unless it is huge. */
export function giveBack(storage: Storage): void {
  if (storage.values.length <= KEPT_NODES) idle.push(storage);
}

/** Room for more nodes, everything recorded (and the last sweep's adjoints) copied. */
export function grow(storage: Storage): void {
  const nodes = storage.values.length;
  const larger = allocate(nodes < QUADRUPLE_BELOW ? 4 * nodes : 2 * nodes, storage.ops);
  larger.values.set(storage.values);
  larger.adjoints.set(storage.adjoints);
  larger.partials.set(storage.partials);
  larger.constants.set(storage.constants);
  larger.argIds.set(storage.argIds);
  Object.assign(storage, larger);
}

/** The adjoints, the first `count` set to 0 (count is at most the storage's capacity). */
export function clearedAdjoints(storage: Storage, count: number): Float64Array {
  const adjoints = storage.adjoints;
  // A loop, not fill(0, 0, count): most tapes are short, and the builtin's call costs more than it saves.
  for (let i = 0; i < count; i++) adjoints[i] = 0;
  return adjoints;
}

/** Storage for `nodes` nodes: one ArrayBuffer under all the typed arrays, as each new buffer costs V8 about a microsecond. */
function allocate(nodes: number, ops: string[]): Storage {
  const buffer = new ArrayBuffer(nodes * NODE_BYTES);
  return {
    values: new Float64Array(buffer, 0, nodes),
    adjoints: new Float64Array(buffer, 8 * nodes, nodes),
    partials: new Float64Array(buffer, 16 * nodes, 2 * nodes),
    constants: new Float64Array(buffer, 32 * nodes, 2 * nodes),
    argIds: new Int32Array(buffer, 48 * nodes, 2 * nodes),
    ops,
  };
}
