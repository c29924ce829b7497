// Runs the stages over one source file: find → activity → fence → emit.
// Produces, per marked function, the generated code as TypeScript text;
// apply.ts puts it into the file. Nothing here throws on user code: an
// internal failure becomes a DUALTS1099 diagnostic at the function.

import ts = require("typescript");
import { analyzeActivity, parameterKind } from "./activity.js";
import { codes, DiagnosticSink, type DualtsDiagnostic } from "./diagnostics.js";
import { findMarkedFunctions, type MarkedFunction } from "./find.js";
import { fence } from "./fence.js";
import type { Callee, EmitContext } from "./emit/context.js";
import type { ValueOnly } from "./emit/value-only.js";
import { emitGeneric } from "./emit/generic.js";
import { unrolledLanes, valueOnlyOf, wantsGradientForm } from "./emit/gradient.js";
import { emitJvp } from "./emit/jvp.js";
import { infoObject, registerDeclaration, runtimeHelpers, type Registration } from "./emit/register.js";
import { Names } from "./emit/writer.js";

export interface GeneratedFunction {
  readonly marked: MarkedFunction;
  /** Declarations to put after a function declaration (its JVP and generic form). */
  readonly declarations?: string;
  /** For a declaration: the registration statement, run before any other code of its scope. */
  readonly registration?: string;
  /** For differentiable(…) calls and decorators: the information object, written in place. */
  readonly info?: string;
}

export interface FileResult {
  readonly functions: GeneratedFunction[];
  /** Helper functions the file needs (run-time lookup of other modules' derivatives). */
  readonly helpers?: string;
  readonly diagnostics: DualtsDiagnostic[];
}

function identifiersOf(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const pending: ts.Node[] = [sf];
  while (pending.length > 0) {
    const n = pending.pop()!;
    if (ts.isIdentifier(n)) names.add(n.text);
    ts.forEachChild(n, (child) => {
      pending.push(child);
    });
  }
  return names;
}

function importedNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const s of sf.statements) {
    const clause = ts.isImportDeclaration(s) ? s.importClause : undefined;
    if (!clause || clause.isTypeOnly) continue;
    if (clause.name) names.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) bindings.elements.forEach((e) => names.add(e.name.text));
  }
  return names;
}

/** `const softplus = defineJvp(…)`: names given a custom derivative rule. */
function customRuleNames(sf: ts.SourceFile): string[] {
  const names: string[] = [];
  const pending: ts.Node[] = [sf];
  while (pending.length > 0) {
    const n = pending.pop()!;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isCallExpression(n.initializer)
      && ts.isIdentifier(n.initializer.expression) && n.initializer.expression.text === "defineJvp") {
      names.push(n.name.text);
    }
    ts.forEachChild(n, (c) => {
      pending.push(c);
    });
  }
  return names;
}

function defaultWrt(m: MarkedFunction, sf: ts.SourceFile): number[] {
  return m.node.parameters.flatMap((p, i) => (parameterKind(p, sf) !== undefined && ts.isIdentifier(p.name) && !p.dotDotDotToken ? [i] : []));
}

function resultKind(m: MarkedFunction, sf: ts.SourceFile): "scalar" | "array" {
  const type = m.node.type?.getText(sf) ?? "";
  if (/\[\]|Array|Float64Array/.test(type)) return "array";
  const body = m.node.body;
  if (body && !ts.isBlock(body) && ts.isArrayLiteralExpression(body)) return "array";
  return "scalar";
}

export function transformFile(sf: ts.SourceFile): FileResult {
  const sink = new DiagnosticSink(sf);
  const marked = findMarkedFunctions(sf, sink);
  const used = identifiersOf(sf);
  const globals = new Names(used);
  const imported = importedNames(sf);
  // Functions registered at run time — differentiable(…) constants and custom rules made with
  // defineJvp(…) — are called like imported ones: their derivative is looked up when called.
  for (const m of marked) if (m.kind === "call") imported.add(m.name);
  for (const name of customRuleNames(sf)) imported.add(name);

  const plans = marked.map((m) => {
    const wrt = (m.wrt ?? defaultWrt(m, sf)).filter((i) => !m.exclude?.includes(i));
    const parameters = m.node.parameters.map((p, i) => ({
      name: ts.isIdentifier(p.name) ? p.name.text : `argument${i}`,
      kind: parameterKind(p, sf) ?? ("data" as const),
    }));
    const names = m.kind === "declaration"
      ? {
        jvp: globals.global(`${m.name}_jvp`),
        chunk: globals.global(`${m.name}_chunkJvp`),
        record: globals.global(`${m.name}_record`),
        gradient: globals.global(`${m.name}_gradient`),
        recordGradient: globals.global(`${m.name}_recordGradient`),
        generic: globals.global(`${m.name}_generic`),
      }
      : undefined;
    return { m, wrt, parameters, names };
  });
  const callees = new Map<string, Callee>();
  for (const { m, wrt, parameters, names } of plans) {
    if (names) {
      callees.set(m.name, {
        jvpName: names.jvp,
        chunkName: names.chunk,
        recordName: names.record,
        genericName: names.generic,
        wrt,
        parameters: parameters.map((p) => ({ name: p.name, kind: p.kind === "array" ? "array" : "scalar" })),
      });
    }
  }

  const needs = new Set<"call">();
  const emitted: {
    m: MarkedFunction;
    names?: { jvp: string; chunk: string; record: string; gradient: string; recordGradient: string; generic: string };
    registration: Registration;
    code: string[];
    chunk?: string;
    record?: string;
    gradient?: string;
    recordGradient?: string;
    genericOnly: boolean;
  }[] = [];
  for (const { m, wrt, parameters, names } of plans) {
    try {
      const activity = analyzeActivity(m.node, wrt, sf);
      const fenced = fence(m, activity, sink);
      // A generator or async function has nothing more worth saying; otherwise emit anyway, to report every problem at once.
      if (m.node.asteriskToken || ts.getModifiers(m.node)?.some((mod) => mod.kind === ts.SyntaxKind.AsyncKeyword)) continue;
      const context = (form: "jvp" | "lanes" | "record" | "gradient" | "recordGradient", valueOnly?: ValueOnly): EmitContext => {
        const recording = form === "record" || form === "recordGradient";
        const fresh = new Names(new Set(used), recording ? "node" : "differential");
        return {
          sf, sink, activity, callees, imported, needs, failed: false, names: fresh, functionName: m.name, nanSafe: m.nanSafe,
          opsName: fresh.fresh(["ops", "dualtsOps"]),
          lanes: form === "lanes" || form === "gradient"
            ? {
              count: fresh.fresh(["K", "lanes"]), index: fresh.fresh(["k", "lane"]), allocate: new Set(), failed: false,
              unrolled: form === "gradient" ? unrolledLanes(wrt.map((i) => parameters[i].name)) : undefined,
            }
            : undefined,
          valueOnly,
          record: recording ? { tape: fresh.fresh(["tape", "dualtsTape"]) } : undefined,
        };
      };
      const cx = context("jvp");
      const result = resultKind(m, sf);
      const asExpression = names === undefined;
      const signature = { name: names?.jvp ?? "", parameters: m.node.parameters, wrt, result };
      const jvp = emitJvp(cx, m.node, signature, asExpression);
      const generic = emitGeneric(cx, m.node, names?.generic ?? "", asExpression);
      if (cx.failed || !fenced) continue;
      // The chunk-mode JVP: the same emitter with K lanes per tangent; where it cannot, the plain JVP serves alone.
      const chunked = context("lanes");
      const chunk = emitJvp(chunked, m.node, { ...signature, name: names?.chunk ?? "" }, asExpression);
      // The record form (generated reverse mode), for one backward sweep per output. NaN-safe tangents are a
      // forward-mode notion, so a nansafe function has none: reverse mode then runs its generic form.
      const recording = m.nanSafe ? undefined : context("record");
      const record = recording && emitJvp(recording, m.node, { ...signature, name: names?.record ?? "" }, asExpression);
      // The gradient form: grad's one pass for a few numbers, lanes unrolled, the value skipped where only the value needs it.
      const scalarWrt = wrt.every((i) => parameters[i].kind === "scalar");
      // Both forms that skip the value (each needs a number result and no NaN-safe tangents) read one analysis of it;
      // each writes its own bounds (sizes, domain flag).
      const skippable = result === "scalar" && !m.nanSafe ? valueOnlyOf(m.node, activity) : undefined;
      const unrolled = skippable && wantsGradientForm(activity, scalarWrt, wrt.length, result, m.nanSafe) && !cx.genericOnly ? context("gradient", { ...skippable, sizes: new Map() }) : undefined;
      const gradient = unrolled && emitJvp(unrolled, m.node, { ...signature, name: names?.gradient ?? "" }, asExpression);
      // The record form's twin for grad, where it skips a log (or the like) that only the value needs.
      const recordingGradient = recording && skippable?.hasDomain ? context("recordGradient", { ...skippable, sizes: new Map() }) : undefined;
      const recordGradient = recordingGradient && emitJvp(recordingGradient, m.node, { ...signature, name: names?.recordGradient ?? "" }, asExpression);
      const registration: Registration = {
        name: m.name,
        parameters: parameters.map((p) => p.name),
        kinds: parameters.map((p) => p.kind),
        wrt,
        result,
        jvp: names?.jvp ?? jvp,
        generic: names?.generic ?? generic,
      };
      emitted.push({
        m, names, registration, code: [jvp, generic],
        chunk: chunked.failed || chunked.lanes!.failed ? undefined : chunk,
        record: !recording || recording.failed ? undefined : record,
        gradient: !unrolled || unrolled.failed || unrolled.lanes!.failed ? undefined : gradient,
        recordGradient: !recordingGradient || recordingGradient.failed ? undefined : recordGradient,
        genericOnly: cx.genericOnly === true,
      });
    } catch (error) {
      const deep = error instanceof RangeError && /call stack/i.test(error.message);
      sink.report(deep ? codes.unsupported : codes.internal, m.node,
        deep
          ? `${m.name} nests expressions too deeply for the transform; split the expression into several statements`
          : `internal error while differentiating ${m.name}: ${(error as Error).message}. Please report it with this function.`);
    }
  }

  // A JVP that calls a function without one cannot run: that function is reached through its generic form only.
  for (let changed = true; changed; ) {
    changed = false;
    const genericOnly = emitted.filter((e) => e.genericOnly && e.names).map((e) => e.names!.jvp);
    for (const e of emitted) {
      if (!e.genericOnly && genericOnly.some((name) => e.code[0].includes(`${name}(`))) {
        e.genericOnly = true;
        changed = true;
      }
    }
  }
  for (const e of emitted) {
    if (e.genericOnly) {
      e.chunk = undefined;
      e.record = undefined;
      e.gradient = undefined;
      e.recordGradient = undefined;
    }
  }

  // A chunk-mode JVP or record form that calls a function without one cannot run: drop it too, until nothing changes.
  for (const form of ["chunk", "record"] as const) {
    for (let changed = true; changed; ) {
      changed = false;
      const missing = plans.filter((p) => p.names && !emitted.some((e) => e.m === p.m && e[form])).map((p) => p.names![form]);
      for (const e of emitted) {
        if (e[form] && missing.some((name) => e[form]!.includes(`${name}(`))) {
          e[form] = undefined;
          changed = true;
        }
      }
    }
  }

  const functions: GeneratedFunction[] = emitted.map(({ m, names, registration, code, chunk, record, gradient: unrolled, recordGradient: twin, genericOnly }) => {
    // The gradient form stands in for the chunk-mode JVP (its fallback), the record form's twin for the record form: each goes where its fallback goes.
    const gradient = chunk ? unrolled : undefined;
    const recordGradient = record ? twin : undefined;
    const full: Registration = {
      ...registration,
      jvp: genericOnly ? undefined : registration.jvp,
      chunkJvp: chunk && (names?.chunk ?? chunk),
      record: record && (names?.record ?? record),
      gradient: gradient && (names?.gradient ?? gradient),
      recordGradient: recordGradient && (names?.recordGradient ?? recordGradient),
    };
    const [jvp, generic] = code;
    return names
      ? { marked: m, declarations: [...(genericOnly ? [] : [jvp]), generic, ...(chunk ? [chunk] : []), ...(record ? [record] : []), ...(gradient ? [gradient] : []), ...(recordGradient ? [recordGradient] : [])].join("\n\n"), registration: registerDeclaration(full) }
      : { marked: m, info: infoObject(full) };
  });
  return { functions, helpers: needs.size > 0 ? runtimeHelpers : undefined, diagnostics: sink.sorted() };
}
