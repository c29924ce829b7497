// What the emitters share while generating one function's derivative code.

import ts = require("typescript");
import { sourceOf, ATOM_PRECEDENCE, type Source } from "../../src/rules/algebra.js";
import type { Activity } from "../activity.js";
import { codes, type DiagnosticCode, type DiagnosticSink } from "../diagnostics.js";
import type { Names, Writer } from "./writer.js";

/** A differentiable function of the same file, as a call site sees it. */
export interface Callee {
  readonly jvpName: string;
  readonly chunkName: string;
  readonly genericName: string;
  readonly recordName: string;
  readonly parameters: readonly { readonly name: string; readonly kind: "scalar" | "array" }[];
  readonly wrt: readonly number[];
  readonly result: "scalar" | "array";
  /** How many leading parameters a call must pass (the rest have defaults or are optional); the last is a rest parameter. */
  readonly required: number;
  readonly rest: boolean;
}

export interface EmitContext {
  readonly sf: ts.SourceFile;
  readonly sink: DiagnosticSink;
  readonly activity: Activity;
  readonly names: Names;
  /** Differentiable functions declared in this file, by name. */
  readonly callees: ReadonlyMap<string, Callee>;
  /** Names imported from other modules: calls to them are resolved at run time. */
  readonly imported: ReadonlySet<string>;
  /** The function being differentiated, and its name for messages. */
  readonly fn: ts.SignatureDeclaration;
  readonly functionName: string;
  /** What the function returns: a number, or an array of numbers (whose tangent is an array too, zeros where it carries none). */
  readonly result: "scalar" | "array";
  /** Set when a diagnostic was reported: the generated code is then discarded. */
  failed: boolean;
  /** The generic form's temporaries, declared at its top (generic.ts). */
  genericTemps?: string[];
  /** Set while emitting a statement with a side effect in it: its operands are evaluated one by one, in order (order.ts). */
  ordered?: boolean;
  /** The generic form's operations parameter: `ops`, or another name where the function uses `ops` itself. */
  readonly opsName?: string;
  /** NaN-safe tangents: each term t · p is written t === 0 ? 0 : t · p. */
  readonly nanSafe?: boolean;
  /** Set when the function calls derivative(g)(x) or the like: only its generic form is emitted. */
  genericOnly?: boolean;
  /** Helpers the file needs (the run-time lookup of imported derivatives). */
  readonly needs: Set<"call">;
  /** The differentiable functions of the same file whose generated code this form calls (a form whose callee has none is dropped). */
  readonly calls: Set<string>;
  /** Present when emitting the chunk-mode JVP (K tangents per pass). */
  readonly lanes?: import("./lanes.js").Lanes;
  /** Present when emitting the gradient form (gradient.ts): the variables that hold only value, and their bounds. */
  readonly valueOnly?: import("./value-only.js").ValueOnly;
  /** Present when emitting the record form (generated reverse mode): tangents are node numbers on a tape. */
  readonly record?: import("./record.js").Recording;
}

/** An expression as emitted: its primal and its tangent (lanes, a node) as source text. */
export interface Emitted {
  readonly primal: Source;
  /** null: the value carries no tangent. */
  readonly tangent: Source | null;
  /** A name, literal or pure access: safe to repeat in a partial. */
  readonly simple: boolean;
  /** A temporary of this statement's, bound where its source is evaluated: no side effect changes it. */
  readonly bound?: boolean;
}

/** Binds a value to a fresh temporary so it can be used more than once (a name, literal or pure read is used as it is). */
export function hoist(cx: EmitContext, w: Writer, value: Emitted): Emitted {
  return value.simple ? value : bind(cx, w, value);
}

/** Binds a value to a fresh temporary, evaluated here. */
export function bind(cx: EmitContext, w: Writer, value: Emitted): Emitted {
  const name = cx.names.temp();
  w.line(`const ${name} = ${value.primal.text};`);
  return { primal: sourceOf(name, ATOM_PRECEDENCE), tangent: value.tangent, simple: true };
}

export function report(cx: EmitContext, code: DiagnosticCode, node: ts.Node, message: string): void {
  cx.failed = true;
  cx.sink.report(code, node, message);
}

export function unsupported(cx: EmitContext, node: ts.Node, what: string, fix: string): void {
  report(cx, codes.unsupported, node, `${what} is not supported on differentiated values in ${cx.functionName}: ${fix}`);
}

export function text(cx: EmitContext, node: ts.Node): string {
  return node.getText(cx.sf);
}

/** The first line of a statement, for `// tangent of:` comments. */
export function sourceLine(cx: EmitContext, node: ts.Node): string {
  return text(cx, node).split("\n")[0].trim();
}

/** `file.ts:3:14`, for run-time errors that point at a call site. */
export function where(cx: EmitContext, node: ts.Node): string {
  const { line, character } = cx.sf.getLineAndCharacterOfPosition(node.getStart(cx.sf));
  return `${cx.sf.fileName.split(/[\\/]/).pop()}:${line + 1}:${character + 1}`;
}

export type { Writer };
