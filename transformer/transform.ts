// Runs the stages over one source file: find → parameters → (per function,
// forms.ts) activity → fence → emit, then keeps the forms that can run
// (a form calling a same-file function that has no such form is dropped).
// Produces, per marked function, the generated code as TypeScript text, or —
// where the function cannot be differentiated — a registration carrying its
// diagnostics, so that the run-time error quotes them; apply.ts (compilers)
// and cli/splice.ts (dualts gen) put it into the file. Nothing here throws on
// user code: an internal failure becomes a DUALTS1099 diagnostic.

import ts = require("typescript");
import { selectParameters } from "./parameters.js";
import { lazyChecker } from "./program.js";
import { resultKind, type Checker } from "./types.js";
import { codes, DiagnosticSink, formatDiagnostic, type DualtsDiagnostic } from "./diagnostics.js";
import { findMarkedFunctions, type MarkedFunction } from "./find.js";
import { isDualts } from "./markers.js";
import type { Callee } from "./emit/context.js";
import { emitForms, type CallingForm, type FileContext, type FormNames, type Forms, type Plan } from "./forms.js";
import { infoObject, registerDeclaration, runtimeHelpers, type WrittenRegistration } from "./emit/register.js";
import { CONTRACT_VERSION, FORMS, type FormName } from "../src/contract.js";
import { Names } from "./emit/writer.js";
import { requiredCount } from "./emit/defaults.js";

/**
 * The generated forms that run, each as its source text, under the name the registration gives its
 * field: function declarations for a declared function, function expressions for the others.
 */
export interface GeneratedForms {
  readonly jvp?: string;
  readonly generic: string;
  readonly chunkJvp?: string;
  readonly record?: string;
  readonly gradient?: string;
  readonly recordGradient?: string;
}

export interface GeneratedFunction {
  readonly marked: MarkedFunction;
  /** Present where the function was differentiated: each form's text, as `declarations` or `info` carries it. */
  readonly forms?: GeneratedForms;
  /** Declarations to put after a function declaration or a marked variable statement: its generated functions. */
  readonly declarations?: string;
  /**
   * The registration statement: for a declaration, run before any other code of its scope; for a
   * variable, right after its statement (and its declarations).
   */
  readonly registration?: string;
  /** For differentiable(…) calls and methods: the information object (in the call; in the class's static block). */
  readonly info?: string;
  /** Present where the function could not be differentiated: why (its registration carries the same). */
  readonly diagnostics?: readonly string[];
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
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isCallExpression(n.initializer) && isDualts(n.initializer.expression, "defineJvp")) {
      names.push(n.name.text);
    }
    ts.forEachChild(n, (c) => {
      pending.push(c);
    });
  }
  return names;
}

/**
 * Runs the stages over one file. `checker` gives TypeScript's checker when a parameter's type needs
 * it (the compiler's inside tspc; by default a program made for this file, on first need).
 */
export function transformFile(sf: ts.SourceFile, checker: () => Checker | undefined = lazyChecker(sf)): FileResult {
  const sink = new DiagnosticSink(sf);
  const marked = findMarkedFunctions(sf, sink);
  // A file TypeScript could not parse as written (it recovered, and may have read something else): say so, generate nothing.
  const syntax = (sf as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  if (syntax.length > 0 && marked.length > 0) {
    const first = syntax[0];
    sink.reportAt(
      codes.unsupported,
      first.start,
      first.length,
      `TypeScript cannot parse this file as written (${ts.flattenDiagnosticMessageText(first.messageText, " ")}); dualts differentiates it once it parses`,
    );
    return { functions: [], diagnostics: sink.sorted() };
  }
  const used = identifiersOf(sf);
  const globals = new Names(used);
  const imported = importedNames(sf);
  // Functions registered at run time — differentiable(…) constants and custom rules made with
  // defineJvp(…) — are called like imported ones: their derivative is looked up when called.
  for (const m of marked) if (m.kind === "call") imported.add(m.name);
  for (const name of customRuleNames(sf)) imported.add(name);

  // Functions whose signature has a problem (a parameter or a result dualts cannot differentiate): not differentiated.
  const troubled = new Set<MarkedFunction>();
  const plans: Plan[] = marked.map((m) => {
    const reports = sink.reports;
    const { wrt, parameters } = selectParameters(m, sf, checker, sink);
    const named = m.kind === "declaration" || m.kind === "variable";
    const names = named ? (Object.fromEntries(FORMS.map((form) => [form, globals.global(`${m.name}_${form}`)])) as FormNames) : undefined;
    const result = resultKind(m.node, sf, checker);
    if (typeof result === "object") sink.report(codes.nonNumericResult, m.node.type ?? m.node, `${m.name} ${result.problem}`);
    if (sink.reports !== reports) troubled.add(m);
    return { m, wrt, parameters, names, result: typeof result === "object" ? "scalar" : result };
  });
  const callees = new Map<string, Callee>();
  for (const { m, wrt, parameters, names, result } of plans) {
    if (names) {
      callees.set(m.name, {
        result,
        required: requiredCount(m.node.parameters) ?? m.node.parameters.length,
        rest: m.node.parameters.some((p) => p.dotDotDotToken !== undefined),
        jvpName: names.jvp,
        chunkName: names.chunkJvp,
        recordName: names.record,
        genericName: names.generic,
        wrt,
        parameters: parameters.map((p) => ({ name: p.name, kind: p.kind === "array" ? "array" : "scalar" })),
      });
    }
  }

  const file: FileContext = { sf, sink, used, callees, imported, needs: new Set() };
  const emitted = new Map<MarkedFunction, Forms>();
  for (const plan of plans) {
    const reports = sink.reports;
    const made = emitForms(plan, file);
    // A function with a problem is not differentiated, even where its forms were written.
    if (made && sink.reports === reports && !troubled.has(plan.m)) emitted.set(plan.m, made);
  }
  const forms = new Map(emitted);
  keepRunnableForms(plans, forms);

  const functions: GeneratedFunction[] = plans.map((plan) => {
    const kept = forms.get(plan.m);
    return kept ? generated(kept) : failed(plan, diagnosticsOf(plan, plans, emitted, forms, sink));
  });
  return { functions, helpers: file.needs.size > 0 ? runtimeHelpers : undefined, diagnostics: sink.sorted() };
}

/**
 * Drops, until nothing changes, what cannot run: a function whose generic form calls one that was not
 * differentiated is not differentiated either; a JVP calling a function that has only its generic form
 * (it takes derivatives itself) leaves its function generic-only; a chunk-mode JVP or a record form
 * calling a function without one is dropped (the plain JVP, or the generic form on the runtime's tape,
 * serves instead).
 */
function keepRunnableForms(plans: readonly Plan[], forms: Map<MarkedFunction, Forms>): void {
  const byName = new Map(plans.filter((p) => p.names).map((p) => [p.m.name, p.m]));
  const callee = (name: string) => forms.get(byName.get(name)!);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [m, f] of forms) {
      if ([...f.calls.generic].some((name) => !callee(name))) {
        forms.delete(m);
        changed = true;
        continue;
      }
      if (!f.genericOnly && [...f.calls.jvp].some((name) => callee(name)!.genericOnly)) {
        f.genericOnly = true;
        changed = true;
      }
      const keys: [CallingForm, "jvp" | "chunk" | "record"][] = [
        ["chunk", "chunk"],
        ["record", "record"],
      ];
      for (const [calling, form] of keys) {
        if (f[form] !== undefined && (f.genericOnly || [...f.calls[calling]].some((name) => callee(name)![form] === undefined || callee(name)!.genericOnly))) {
          f[form] = undefined;
          changed = true;
        }
      }
    }
  }
}

/** A differentiated function's generated code and registration. */
function generated(f: Forms): GeneratedFunction {
  const { m, parameters, wrt, names, result } = f.plan;
  // The gradient form stands in for the chunk-mode JVP (its fallback), the record form's twin for the record form: each goes where its fallback goes.
  const gradient = f.chunk ? f.gradient : undefined;
  const recordGradient = f.record ? f.recordGradient : undefined;
  // Each form's code, by its name in the contract; a declared function's registration names its generated functions.
  const code: Partial<FormNames> = { jvp: f.genericOnly ? undefined : f.jvp, chunkJvp: f.chunk, record: f.record, gradient, recordGradient, generic: f.generic };
  const written = (form: FormName) => (code[form] === undefined ? undefined : (names?.[form] ?? code[form]));
  // In the order the declarations are written.
  const forms: GeneratedForms = { jvp: code.jvp, generic: f.generic, chunkJvp: code.chunkJvp, record: code.record, gradient: code.gradient, recordGradient: code.recordGradient };
  const registration: WrittenRegistration = {
    contract: CONTRACT_VERSION,
    name: m.name,
    parameters: parameters.map((p) => p.name),
    kinds: parameters.map((p) => p.kind),
    required: requiredCount(m.node.parameters),
    rest: m.node.parameters.some((p) => p.dotDotDotToken !== undefined) || undefined,
    wrt,
    result,
    ...Object.fromEntries(FORMS.map((form) => [form, written(form)])),
    generic: written("generic")!,
  };
  if (!names) return { marked: m, forms, info: infoObject(registration) };
  const declarations = Object.values(forms).filter((text): text is string => text !== undefined);
  return { marked: m, forms, declarations: declarations.join("\n\n"), registration: registerDeclaration(registration) };
}

/** A function that could not be differentiated: registered with its diagnostics, which grad(f) and the rest quote. */
function failed(plan: Plan, diagnostics: readonly string[]): GeneratedFunction {
  const { m, parameters } = plan;
  const registration: WrittenRegistration = { contract: CONTRACT_VERSION, name: m.name, parameters: parameters.map((p) => p.name), diagnostics };
  return m.kind === "declaration" || m.kind === "variable" ? { marked: m, registration: registerDeclaration(registration), diagnostics } : { marked: m, info: infoObject(registration), diagnostics };
}

/** The diagnostics inside a function (and its marker); for one that failed only through the callees it calls, theirs. */
function diagnosticsOf(
  plan: Plan,
  plans: readonly Plan[],
  emitted: ReadonlyMap<MarkedFunction, Forms>,
  kept: ReadonlyMap<MarkedFunction, Forms>,
  sink: DiagnosticSink,
  seen = new Set<Plan>(),
): string[] {
  seen.add(plan);
  const inside = (node: ts.Node, d: DualtsDiagnostic) => d.start >= node.getFullStart() && d.start < node.getEnd();
  const own = sink
    .sorted()
    .filter((d) => inside(plan.m.marker, d) || inside(plan.m.node, d))
    .map(formatDiagnostic);
  if (own.length > 0) return own;
  const calls = emitted.get(plan.m)?.calls.generic ?? new Set<string>();
  const broken = plans.filter((p) => !seen.has(p) && calls.has(p.m.name) && !kept.has(p.m));
  const inherited = broken.flatMap((p) => diagnosticsOf(p, plans, emitted, kept, sink, seen));
  return inherited.length > 0 ? inherited : [`${plan.m.name} calls ${broken.map((p) => p.m.name).join(", ") || "a function"}, which could not be differentiated`];
}
