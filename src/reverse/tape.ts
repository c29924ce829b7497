// The reverse-mode tape: every operation on a Var appends a node holding its
// value, its arguments and the local partial with respect to each argument
// (taken from the rules table by ops.ts). One backward sweep from an output
// fills every node's adjoint — all partials of a many-input function in one
// pass. The tape is also the lecture's computational graph: see graph.ts.
//
// A tape holds one node per operation, so a node is kept small: the first
// two arguments and their partials sit in the node itself (almost every
// operation takes one or two), and only wider operations (max, min, hypot,
// custom rules) keep arrays. `args` and `partials` present both alike.

import { operatorMisuse } from "../dual.js";

let tapeCount = 0;

type Argument = Var | number;

export class Var {
  /** ∂output/∂this after Tape.backward(output). */
  adjoint = 0;

  constructor(
    readonly tape: Tape,
    /** Position on the tape: arguments always come before their results. */
    readonly index: number,
    readonly value: number,
    /** The rule that made it ("mul", "exp", …), or "input" for a leaf. */
    readonly op: string,
    /** The first and second arguments (undefined where the operation has fewer) and ∂this/∂each. */
    private readonly x: Argument | undefined,
    private readonly y: Argument | undefined,
    private readonly dx: number,
    private readonly dy: number,
    /** All arguments and partials, for an operation of more than two arguments. */
    private readonly wide: { readonly args: readonly Argument[]; readonly partials: readonly number[] } | undefined,
    /** A name for the graph (an input's parameter name, or one given with label()). */
    public label?: string,
  ) {}

  /** The operation's arguments; plain numbers are constants. */
  get args(): readonly Argument[] {
    if (this.wide) return this.wide.args;
    return this.x === undefined ? [] : this.y === undefined ? [this.x] : [this.x, this.y];
  }

  /** ∂this/∂args[i]; 0 where args[i] is a constant. */
  get partials(): readonly number[] {
    if (this.wide) return this.wide.partials;
    return this.x === undefined ? [] : this.y === undefined ? [this.dx] : [this.dx, this.dy];
  }

  /** Adds adjoint · ∂this/∂arg to each variable argument's adjoint, arguments in order. */
  propagate(): void {
    const adjoint = this.adjoint;
    if (this.wide) {
      const { args, partials } = this.wide;
      for (let k = 0; k < args.length; k++) {
        const arg = args[k];
        if (typeof arg !== "number") arg.adjoint += adjoint * partials[k];
      }
      return;
    }
    if (this.x instanceof Var) this.x.adjoint += adjoint * this.dx;
    if (this.y instanceof Var) this.y.adjoint += adjoint * this.dy;
  }

  toString(): string {
    return `Var(${this.value})`;
  }

  [Symbol.toPrimitive](hint: string): string {
    if (hint === "string") return this.toString();
    throw new TypeError(operatorMisuse("A reverse-mode variable"));
  }
}

export class Tape {
  readonly id = ++tapeCount;
  readonly nodes: Var[] = [];

  /** A new input (leaf) of the computation. */
  input(value: number, label?: string): Var {
    return this.push(new Var(this, this.nodes.length, value, "input", undefined, undefined, 0, 0, undefined, label));
  }

  /** A node for `op` with any number of arguments and their partials. */
  record(op: string, value: number, args: readonly Argument[], partials: readonly number[], label?: string): Var {
    const n = this.nodes.length;
    if (args.length > 2) return this.push(new Var(this, n, value, op, undefined, undefined, 0, 0, { args, partials }, label));
    return this.push(new Var(this, n, value, op, args[0], args[1], partials[0] ?? 0, partials[1] ?? 0, undefined, label));
  }

  /** A node of a one-argument operation. */
  record1(op: string, value: number, x: Argument, dx: number): Var {
    return this.push(new Var(this, this.nodes.length, value, op, x, undefined, dx, 0, undefined));
  }

  /** A node of a two-argument operation. */
  record2(op: string, value: number, x: Argument, y: Argument, dx: number, dy: number): Var {
    return this.push(new Var(this, this.nodes.length, value, op, x, y, dx, dy, undefined));
  }

  private push(node: Var): Var {
    this.nodes.push(node);
    return node;
  }

  /** Sets every node's adjoint to ∂output/∂node in one sweep from output back to the inputs. */
  backward(output: Var): void {
    if (output.tape !== this) throw new Error("backward: the output was not recorded on this tape");
    const nodes = this.nodes;
    for (let i = 0; i < nodes.length; i++) nodes[i].adjoint = 0;
    output.adjoint = 1;
    for (let i = output.index; i >= 0; i--) {
      const node = nodes[i];
      if (node.adjoint !== 0) node.propagate();
    }
  }
}
