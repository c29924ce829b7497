// The reverse-mode tape: every operation on a Var appends a node holding its
// value, its arguments and the local partial with respect to each argument
// (taken from the rules table by ops.ts). One backward sweep from an output
// fills every node's adjoint — all partials of a many-input function in one
// pass. The tape is also the lecture's computational graph: see graph.ts.
//
// A tape may hold hundreds of thousands of nodes, so they live in typed
// arrays (tape-storage.ts), not in objects: each node has two argument
// slots, and only wider operations (max, min, hypot, custom rules) keep
// arrays, in a map. A Var is a small handle (tape, index, value) that the
// tape does not hold on to, so the garbage collector frees handles young;
// everything else a Var shows (op, args, partials, label, adjoint) is read
// from its tape, and `tape.nodes` makes new handles.

import { operatorMisuse } from "../dual.js";
import { clearedAdjoints, CONSTANT, giveBack, grow, NONE, takeStorage, WIDE, type Storage } from "./tape-storage.js";

let tapeCount = 0;

type Argument = Var | number;

/**
 * A reverse-mode variable: a handle on one node of a tape (made by tape.input, or by an operation on
 * a Var). dualts' operations take it like a number, recording a node for each result; its op,
 * arguments, partials, label and adjoint are read from the tape, so they throw once the tape is released.
 *
 * @example
 *   const tape = new Tape();
 *   const x = tape.input(2, "x");
 *   const z = mul(x, x) as Var;         // z.value 4, z.op "mul", z.partials [2, 2]
 *   tape.backward(z);                   // x.adjoint 4
 */
export class Var {
  constructor(
    /** The tape the node is on. */
    readonly tape: Tape,
    /** Position on the tape: arguments always come before their results. */
    readonly index: number,
    /** The node's value (kept after the tape is released). */
    readonly value: number,
  ) {}

  /** The rule that made it ("mul", "exp", …), or "input" for a leaf. */
  get op(): string {
    return this.tape.opOf(this.index);
  }

  /** The operation's arguments; plain numbers are constants. */
  get args(): readonly Argument[] {
    return this.tape.argumentsOf(this.index);
  }

  /** ∂this/∂args[i]; 0 where args[i] is a constant. */
  get partials(): readonly number[] {
    return this.tape.partialsOf(this.index);
  }

  /** A name for the graph (an input's parameter name, or one given with label()). */
  get label(): string | undefined {
    return this.tape.labelOf(this.index);
  }

  set label(name: string | undefined) {
    this.tape.setLabel(this.index, name);
  }

  /** ∂output/∂this after Tape.backward(output); 0 before any sweep. */
  get adjoint(): number {
    return this.tape.adjointOf(this.index);
  }

  toString(): string {
    return `Var(${this.value})`;
  }

  [Symbol.toPrimitive](hint: string): string {
    if (hint === "string") return this.toString();
    throw new TypeError(operatorMisuse("A reverse-mode variable"));
  }
}

/** The arguments and partials of an operation of more than two arguments. */
interface WideNode {
  readonly args: readonly Argument[];
  readonly partials: readonly number[];
}

/**
 * A reverse-mode tape, by hand: inputs made with `input`, operations on them (dualts' operations)
 * recorded as nodes, and `backward(output)` setting every node's adjoint to ∂output/∂node in one
 * sweep. grad, jacobian, hessian and vjp make their own tapes; trace keeps one to read and draw.
 *
 * @example
 *   const tape = new Tape();
 *   const x = tape.input(2, "x");
 *   const y = tape.input(3, "y");
 *   const z = add(mul(x, y), sin(x)) as Var;
 *   tape.backward(z);
 *   [x.adjoint, y.adjoint];             // [3 + cos 2, 2]: [∂z/∂x, ∂z/∂y]
 */
export class Tape {
  /** A number no other tape in this process has. */
  readonly id = ++tapeCount;
  /** The number of nodes recorded. */
  private count = 0;
  /** The number of nodes the last backward sweep set adjoints for (later nodes' adjoints are 0). */
  private swept = 0;
  /** Undefined once released. */
  private storage: Storage | undefined = takeStorage();
  private wide: Map<number, WideNode> | undefined;
  /** Names by node index (mostly the inputs', which come first). */
  private labels: (string | undefined)[] = [];

  /** Every node in tape order, each as a new handle (the tape keeps no Var objects). */
  get nodes(): Var[] {
    const values = this.readable().values;
    return Array.from({ length: this.count }, (_, i) => new Var(this, i, values[i]));
  }

  /**
   * A new input (leaf) of the computation: the variables the adjoints are read from after backward.
   *
   * @param value the input's value
   * @param label its name in graph drawings (toDot, toMermaid)
   * @returns its variable, whose op is "input"
   * @example
   *   const x = new Tape().input(2, "x");   // x.value 2, x.label "x", x.adjoint 0 before a sweep
   */
  input(value: number, label?: string): Var {
    const i = this.append("input", value);
    const argIds = this.storage!.argIds;
    argIds[2 * i] = NONE;
    argIds[2 * i + 1] = NONE;
    if (label !== undefined) this.labels[i] = label;
    return new Var(this, i, value);
  }

  /** A node for `op` with any number of arguments and their partials. */
  record(op: string, value: number, args: readonly Argument[], partials: readonly number[], label?: string): Var {
    const i = this.append(op, value);
    const storage = this.storage!;
    if (args.length > 2) {
      storage.argIds[2 * i] = WIDE;
      storage.argIds[2 * i + 1] = NONE;
      (this.wide ??= new Map()).set(i, { args, partials });
    } else {
      setSlot(storage, 2 * i, args[0], partials[0] ?? 0);
      setSlot(storage, 2 * i + 1, args[1], partials[1] ?? 0);
    }
    if (label !== undefined) this.labels[i] = label;
    return new Var(this, i, value);
  }

  /** A node of a one-argument operation. */
  record1(op: string, value: number, x: Argument, dx: number): Var {
    const i = this.append(op, value);
    setSlot(this.storage!, 2 * i, x, dx);
    this.storage!.argIds[2 * i + 1] = NONE;
    return new Var(this, i, value);
  }

  /** A node of a two-argument operation. */
  record2(op: string, value: number, x: Argument, y: Argument, dx: number, dy: number): Var {
    const i = this.append(op, value);
    setSlot(this.storage!, 2 * i, x, dx);
    setSlot(this.storage!, 2 * i + 1, y, dy);
    return new Var(this, i, value);
  }

  /**
   * Sets every node's adjoint to ∂output/∂node in one sweep from output back to the inputs (adjoints
   * of an earlier sweep are cleared first; nodes recorded after output read 0).
   *
   * @param output a variable recorded on this tape
   * @throws Error where output is on another tape, or the tape was released
   * @example
   *   const tape = new Tape();
   *   const x = tape.input(3);
   *   tape.backward(mul(x, x) as Var);
   *   x.adjoint;                            // 6
   */
  backward(output: Var): void {
    if (output.tape !== this) throw new Error("backward: the output was not recorded on this tape");
    const adjoints = this.clearedForSweep();
    adjoints[output.index] = 1;
    this.sweep(output.index, adjoints);
  }

  /**
   * One sweep seeded with a cotangent: sets every node's adjoint to Σᵣ seeds[r] · ∂outputs[r]/∂node,
   * the vector-Jacobian product of the seeds with the outputs (vjp's pullback). An output that appears
   * twice takes both seeds; a plain number among the outputs is a constant and passes nothing back.
   *   tape.backwardFrom([y, z], [1, 2]);   // x.adjoint = ∂y/∂x + 2 ∂z/∂x
   */
  backwardFrom(outputs: readonly (Var | number)[], seeds: ArrayLike<number>): void {
    if (seeds.length !== outputs.length) throw new RangeError(`backwardFrom: ${outputs.length} output(s) take as many seeds, not ${seeds.length}`);
    for (let r = 0; r < outputs.length; r++) {
      const output = outputs[r];
      if (typeof output !== "number" && output.tape !== this) throw new Error(`backwardFrom: output ${r} was not recorded on this tape`);
    }
    const adjoints = this.clearedForSweep();
    let last = -1;
    for (let r = 0; r < outputs.length; r++) {
      const output = outputs[r];
      if (typeof output === "number") continue;
      adjoints[output.index] += seeds[r];
      if (output.index > last) last = output.index;
    }
    this.sweep(last, adjoints);
  }

  /** The adjoints of every node set to 0 for a sweep (nodes recorded after it read 0 too). */
  private clearedForSweep(): Float64Array {
    const adjoints = clearedAdjoints(this.readable(), this.count);
    this.swept = this.count;
    return adjoints;
  }

  /** Carries the seeded adjoints back from node `from` (the last seeded one) to the inputs. */
  private sweep(from: number, adjoints: Float64Array): void {
    const { argIds, partials } = this.readable();
    // Each node adds adjoint · ∂node/∂argument to its arguments' adjoints, arguments in order;
    // a node whose adjoint is 0 passes nothing back (so an infinite partial behind it gives no NaN).
    for (let i = from; i >= 0; i--) {
      const adjoint = adjoints[i];
      if (adjoint === 0) continue;
      const x = argIds[2 * i];
      if (x >= 0) adjoints[x] += adjoint * partials[2 * i];
      else if (x === WIDE) {
        const wide = this.wide!.get(i)!;
        for (let k = 0; k < wide.args.length; k++) {
          const arg = wide.args[k];
          if (typeof arg !== "number") adjoints[arg.index] += adjoint * wide.partials[k];
        }
        continue;
      }
      const y = argIds[2 * i + 1];
      if (y >= 0) adjoints[y] += adjoint * partials[2 * i + 1];
    }
  }

  /**
   * Hands the tape's storage (its typed arrays) to the next tape, as the derivative functions do once
   * they have read the adjoints they need. Its Vars keep their values; reading anything else of them
   * (op, args, partials, label, adjoint), recording on the tape or sweeping it throws. Releasing twice
   * does nothing more.
   *
   * @example
   *   tape.release();
   *   x.value;                              // still 3
   *   x.adjoint;                            // throws: the tape was released
   */
  release(): void {
    if (this.storage) giveBack(this.storage);
    this.storage = undefined;
  }

  // ── What a Var reads from its tape ─────────────────────────────────────

  /** @internal */
  opOf(i: number): string {
    return this.readable().ops[i];
  }

  /** @internal */
  argumentsOf(i: number): readonly Argument[] {
    const { argIds, constants, values } = this.readable();
    const wide = this.wide?.get(i);
    if (wide) return wide.args;
    const args: Argument[] = [];
    for (const slot of [2 * i, 2 * i + 1]) {
      const id = argIds[slot];
      if (id >= 0) args.push(new Var(this, id, values[id]));
      else if (id === CONSTANT) args.push(constants[slot]);
    }
    return args;
  }

  /** @internal */
  partialsOf(i: number): readonly number[] {
    const { argIds, partials } = this.readable();
    const wide = this.wide?.get(i);
    if (wide) return wide.partials;
    return [2 * i, 2 * i + 1].filter((slot) => argIds[slot] !== NONE).map((slot) => partials[slot]);
  }

  /** @internal */
  labelOf(i: number): string | undefined {
    this.readable();
    return this.labels[i];
  }

  /** @internal */
  setLabel(i: number, name: string | undefined): void {
    this.readable();
    this.labels[i] = name;
  }

  /** @internal */
  adjointOf(i: number): number {
    const storage = this.storage ?? this.readable();
    return i < this.swept ? storage.adjoints[i] : 0;
  }

  // ── Storage ────────────────────────────────────────────────────────────

  private readable(): Storage {
    if (this.storage) return this.storage;
    throw new Error("This reverse-mode tape was released when the derivative that made it returned: its variables keep their values only. " + "Use trace(f, args) to keep a tape and read its nodes.");
  }

  /** A new node with its op and value: returns its index. */
  private append(op: string, value: number): number {
    const i = this.count;
    const storage = this.storage ?? this.readable();
    if (i === storage.values.length) grow(storage);
    storage.values[i] = value;
    storage.ops[i] = op;
    this.count = i + 1;
    return i;
  }
}

/** One argument slot of record(): a variable's index, or CONSTANT and the constant, or NONE where there is no argument. */
function setSlot(storage: Storage, slot: number, arg: Argument | undefined, partial: number): void {
  if (arg === undefined) storage.argIds[slot] = NONE;
  else if (typeof arg === "number") {
    storage.argIds[slot] = CONSTANT;
    storage.constants[slot] = arg;
  } else storage.argIds[slot] = arg.index;
  storage.partials[slot] = partial;
}
