// The reverse-mode tape: every operation on a Var appends a node holding its
// value, its arguments and the local partial with respect to each argument
// (taken from the rules table by ops.ts). One backward sweep from an output
// fills every node's adjoint — all partials of a many-input function in one
// pass. The tape is also the lecture's computational graph: see graph.ts.

import { operatorMisuse } from "../dual.js";

let tapeCount = 0;

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
    /** The operation's arguments; plain numbers are constants. */
    readonly args: readonly (Var | number)[],
    /** ∂this/∂args[i]; 0 where args[i] is a constant. */
    readonly partials: readonly number[],
    /** A name for the graph (an input's parameter name, or one given with label()). */
    public label?: string,
  ) {}

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
    return this.record("input", value, [], [], label);
  }

  record(op: string, value: number, args: readonly (Var | number)[], partials: readonly number[], label?: string): Var {
    const node = new Var(this, this.nodes.length, value, op, args, partials, label);
    this.nodes.push(node);
    return node;
  }

  /** Sets every node's adjoint to ∂output/∂node in one sweep from output back to the inputs. */
  backward(output: Var): void {
    if (output.tape !== this) throw new Error("backward: the output was not recorded on this tape");
    for (const node of this.nodes) node.adjoint = 0;
    output.adjoint = 1;
    for (let i = output.index; i >= 0; i--) {
      const node = this.nodes[i];
      if (node.adjoint === 0) continue;
      const { args, partials, adjoint } = node;
      for (let k = 0; k < args.length; k++) {
        const arg = args[k];
        if (typeof arg !== "number") arg.adjoint += adjoint * partials[k];
      }
    }
  }
}
