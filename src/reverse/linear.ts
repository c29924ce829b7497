// The tape that generated reverse-mode code records onto: flat typed arrays
// of edges, no object per operation.
//
// A function compiled by the transform has a "record" form (see
// transformer/emit/record.ts): it computes the value as written and, beside
// each statement, records the statement's local linearization — the new
// node, and for each argument node its partial derivative:
//
//   const a = x[i + 1] - x[i] * x[i];
//   const aNode = tape.node2(xNode[i + 1], 1, xNode[i], -(x[i] + x[i]));
//
// Nodes are numbered in the order they are made, so every node comes after
// its arguments, and one sweep over the edges from last to first carries the
// adjoints from the output back to the inputs. Node 0 stands for every
// constant: edges into it are recorded and their adjoint ignored.
//
// As on the runtime tape (tape.ts), a node whose adjoint is 0 passes nothing
// back, so an infinite partial behind a zero adjoint does not become NaN.

/** Growable edge storage: the node an edge belongs to, its argument node, and ∂node/∂argument. */
export class LinearTape {
  /** The newest node's number (nodes are 1…count; 0 is the constant node). */
  count = 0;
  private size = 0;
  private nodes: Int32Array;
  private args: Int32Array;
  private partials: Float64Array;
  /** backward's adjoints, kept with the tape: a new Float64Array costs V8 about a microsecond even when small. */
  private adjoints: Float64Array;

  constructor(capacity = 1024) {
    this.nodes = new Int32Array(capacity);
    this.args = new Int32Array(capacity);
    this.partials = new Float64Array(capacity);
    this.adjoints = new Float64Array(capacity);
  }

  /** Empties the tape for another run, keeping its storage. */
  reset(): void {
    this.count = 0;
    this.size = 0;
  }

  /** The number of edges recorded. */
  get edges(): number {
    return this.size;
  }

  /** The number of edges (or of adjoints, if more) the storage holds before it grows. */
  get capacity(): number {
    return Math.max(this.nodes.length, this.adjoints.length);
  }

  /** A new input node. */
  input(): number {
    return ++this.count;
  }

  /** n new input nodes, numbered consecutively, for an array parameter (a plain array: quicker to make than an Int32Array). */
  inputs(n: number): number[] {
    const ids = new Array<number>(n);
    for (let i = 0; i < n; i++) ids[i] = ++this.count;
    return ids;
  }

  /** A node of one argument: ∂node/∂a = pa. */
  node1(a: number, pa: number): number {
    const node = ++this.count;
    this.edge(node, a, pa);
    return node;
  }

  node2(a: number, pa: number, b: number, pb: number): number {
    const node = ++this.count;
    this.edge(node, a, pa);
    this.edge(node, b, pb);
    return node;
  }

  node3(a: number, pa: number, b: number, pb: number, c: number, pc: number): number {
    const node = ++this.count;
    this.edge(node, a, pa);
    this.edge(node, b, pb);
    this.edge(node, c, pc);
    return node;
  }

  node4(a: number, pa: number, b: number, pb: number, c: number, pc: number, d: number, pd: number): number {
    const node = ++this.count;
    this.edge(node, a, pa);
    this.edge(node, b, pb);
    this.edge(node, c, pc);
    this.edge(node, d, pd);
    return node;
  }

  /** A node of any number of arguments (for custom rules and other code that is not generated). */
  node(args: ArrayLike<number>, partials: ArrayLike<number>): number {
    const node = ++this.count;
    for (let i = 0; i < args.length; i++) this.edge(node, args[i], partials[i]);
    return node;
  }

  private edge(node: number, argument: number, partial: number): void {
    if (this.size === this.nodes.length) this.grow();
    this.nodes[this.size] = node;
    this.args[this.size] = argument;
    this.partials[this.size] = partial;
    this.size++;
  }

  private grow(): void {
    const capacity = this.nodes.length * 2;
    const nodes = new Int32Array(capacity);
    const args = new Int32Array(capacity);
    const partials = new Float64Array(capacity);
    nodes.set(this.nodes);
    args.set(this.args);
    partials.set(this.partials);
    this.nodes = nodes;
    this.args = args;
    this.partials = partials;
  }

  /**
   * ∂output/∂node for every node (indexed by node number), in one sweep from
   * the last edge to the first. The array is the tape's own: read it before
   * the next backward sweep or run on this tape.
   */
  backward(output: number): Float64Array {
    const adjoints = this.clearedAdjoints();
    if (output <= 0) return adjoints;
    adjoints[output] = 1;
    return this.sweep(adjoints);
  }

  /**
   * Σᵣ seeds[r] · ∂outputs[r]/∂node for every node, in one sweep: the
   * vector-Jacobian product of the seeds with the outputs (vjp's pullback).
   * An output that appears twice takes both seeds; node 0 (a constant
   * output) passes nothing back. The array is the tape's own, as backward's.
   */
  backwardFrom(outputs: ArrayLike<number>, seeds: ArrayLike<number>): Float64Array {
    const adjoints = this.clearedAdjoints();
    for (let r = 0; r < outputs.length; r++) adjoints[outputs[r]] += seeds[r];
    adjoints[0] = 0;
    return this.sweep(adjoints);
  }

  /** The adjoints of nodes 0…count, zeroed. */
  private clearedAdjoints(): Float64Array {
    if (this.adjoints.length <= this.count) this.adjoints = new Float64Array(Math.max(this.count + 1, 2 * this.adjoints.length));
    const adjoints = this.adjoints.subarray(0, this.count + 1);
    adjoints.fill(0);
    return adjoints;
  }

  /** Carries seeded adjoints from the last edge back to the first. */
  private sweep(adjoints: Float64Array): Float64Array {
    const { nodes, args, partials } = this;
    for (let e = this.size - 1; e >= 0; e--) {
      const adjoint = adjoints[nodes[e]];
      if (adjoint !== 0) adjoints[args[e]] += adjoint * partials[e];
    }
    return adjoints;
  }
}

const idle: LinearTape[] = [];

/** A tape grown past this many edges (16 MB) is not kept for reuse: one huge gradient should not hold its memory forever. */
const KEPT_CAPACITY = 1 << 20;

/**
 * Runs `use` with an empty tape from a small pool, so repeated gradients reuse
 * their storage; a gradient taken inside another (in code the outer one does
 * not differentiate) gets a tape of its own.
 */
export function withTape<T>(use: (tape: LinearTape) => T): T {
  const tape = idle.pop() ?? new LinearTape();
  tape.reset();
  try {
    return use(tape);
  } finally {
    if (tape.capacity <= KEPT_CAPACITY) idle.push(tape);
  }
}
