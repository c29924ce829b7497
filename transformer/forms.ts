// Stage 4, one function: runs the emitters for every generated form of one
// marked function — the JVP and the generic form first (they report every
// problem the function has), then the chunk-mode JVP, the record form, the
// gradient form and the record form's twin, each where it applies — and
// records which functions of the same file each form calls, so that
// transform.ts can drop a form whose callee has none.

import ts = require("typescript");
import { analyzeActivity } from "./activity.js";
import { codes, type DiagnosticSink } from "./diagnostics.js";
import type { MarkedFunction } from "./find.js";
import { fence } from "./fence.js";
import type { Callee, EmitContext } from "./emit/context.js";
import { emitGeneric } from "./emit/generic.js";
import { unrolledLanes, valueOnlyOf, wantsGradientForm } from "./emit/gradient.js";
import { emitJvp } from "./emit/jvp.js";
import type { ValueOnly } from "./emit/value-only.js";
import { Names } from "./emit/writer.js";
import type { Parameter } from "./parameters.js";
import type { FormsAs } from "../src/contract.js";

/** The names of a declared function's generated functions, one per form of the contract: `loss_jvp`, … (function expressions have none). */
export type FormNames = FormsAs<string>;

/** What the transform knows of a marked function before emitting it. */
export interface Plan {
  readonly m: MarkedFunction;
  readonly wrt: readonly number[];
  readonly parameters: readonly Parameter[];
  readonly result: "scalar" | "array";
  readonly names?: FormNames;
}

/** The forms a call may need of its callee, by the form the call is in. */
export type CallingForm = "jvp" | "chunk" | "record";

/** One function's generated code: each form's source text, and the same-file functions each form calls. */
export interface Forms {
  readonly plan: Plan;
  jvp?: string;
  readonly generic: string;
  chunk?: string;
  record?: string;
  gradient?: string;
  recordGradient?: string;
  /** It takes derivatives itself (derivative(g)(x)): only its generic form runs it. */
  genericOnly: boolean;
  readonly calls: Record<CallingForm | "generic", ReadonlySet<string>>;
}

/** What every function of a file shares while its forms are emitted. */
export interface FileContext {
  readonly sf: ts.SourceFile;
  readonly sink: DiagnosticSink;
  readonly used: ReadonlySet<string>;
  readonly callees: ReadonlyMap<string, Callee>;
  readonly imported: ReadonlySet<string>;
  readonly needs: Set<"call">;
}

type Form = "jvp" | "lanes" | "record" | "gradient" | "recordGradient";

/** Every form of one function, or undefined where the function cannot be differentiated (its problems are in the sink). */
export function emitForms(plan: Plan, file: FileContext): Forms | undefined {
  const { m, wrt, parameters, names, result } = plan;
  try {
    const known = {
      arrayResults: new Set([...file.callees].filter(([, c]) => c.result === "array").map(([name]) => name)),
      // (A rest parameter takes the arguments gathered, each a number: none of them is an array.)
      arrayParameters: new Map([...file.callees].map(([name, c]) => [name, c.parameters.flatMap((p, i) => (p.kind === "array" && !(c.rest && i === c.parameters.length - 1) ? [i] : []))])),
    };
    const activity = analyzeActivity(
      m.node,
      wrt,
      parameters.map((p) => p.kind),
      known,
    );
    const fenced = fence(m, activity, file.sink);
    // A generator or async function has nothing more worth saying; otherwise emit anyway, to report every problem at once.
    if (m.node.asteriskToken || ts.getModifiers(m.node)?.some((mod) => mod.kind === ts.SyntaxKind.AsyncKeyword)) return undefined;
    const context = (form: Form, valueOnly?: ValueOnly): EmitContext => {
      const recording = form === "record" || form === "recordGradient";
      const fresh = new Names(new Set(file.used), recording ? "node" : "differential");
      return {
        sf: file.sf,
        sink: file.sink,
        activity,
        callees: file.callees,
        imported: file.imported,
        needs: file.needs,
        calls: new Set(),
        failed: false,
        names: fresh,
        fn: m.node,
        functionName: m.name,
        result,
        nanSafe: m.nanSafe,
        opsName: fresh.fresh(["ops", "dualtsOps"]),
        lanes:
          form === "lanes" || form === "gradient"
            ? {
                count: fresh.fresh(["K", "lanes"]),
                index: fresh.fresh(["k", "lane"]),
                allocate: new Set(),
                failed: false,
                unrolled: form === "gradient" ? unrolledLanes(wrt.map((i) => parameters[i].name)) : undefined,
              }
            : undefined,
        valueOnly,
        record: recording ? { tape: fresh.fresh(["tape", "dualtsTape"]) } : undefined,
      };
    };
    const asExpression = names === undefined;
    const signature = { name: names?.jvp ?? "", parameters: m.node.parameters, wrt, result };
    const named = (name: string | undefined) => ({ ...signature, name: name ?? "" });
    const cx = context("jvp");
    const jvp = emitJvp(cx, m.node, signature, asExpression);
    const genericCalls = new Set<string>();
    const generic = emitGeneric({ ...cx, calls: genericCalls }, m.node, names?.generic ?? "", asExpression);
    if (cx.failed || !fenced) return undefined;
    // The chunk-mode JVP: the same emitter with K lanes per tangent; where it cannot, the plain JVP serves alone.
    const chunked = context("lanes");
    const chunk = emitJvp(chunked, m.node, named(names?.chunkJvp), asExpression);
    // The record form (generated reverse mode), for one backward sweep per output. NaN-safe tangents are a
    // forward-mode notion, so a nansafe function has none: reverse mode then runs its generic form.
    const recording = m.nanSafe ? undefined : context("record");
    const record = recording && emitJvp(recording, m.node, named(names?.record), asExpression);
    // The gradient form: grad's one pass for a few numbers, lanes unrolled, the value skipped where only the value needs it.
    const scalarWrt = wrt.every((i) => parameters[i].kind === "scalar");
    // Both forms that skip the value (each needs a number result and no NaN-safe tangents) read one analysis of it;
    // each writes its own bounds (sizes, domain flag).
    const skippable = result === "scalar" && !m.nanSafe ? valueOnlyOf(m.node, activity) : undefined;
    const unrolled = skippable && wantsGradientForm(activity, scalarWrt, wrt.length, result, m.nanSafe) && !cx.genericOnly ? context("gradient", { ...skippable, sizes: new Map() }) : undefined;
    const gradient = unrolled && emitJvp(unrolled, m.node, named(names?.gradient), asExpression);
    // The record form's twin for grad, where it skips a log (or the like) that only the value needs.
    const recordingGradient = recording && skippable?.hasDomain ? context("recordGradient", { ...skippable, sizes: new Map() }) : undefined;
    const recordGradient = recordingGradient && emitJvp(recordingGradient, m.node, named(names?.recordGradient), asExpression);
    return {
      plan,
      jvp,
      generic,
      chunk: chunked.failed || chunked.lanes!.failed ? undefined : chunk,
      record: !recording || recording.failed ? undefined : record,
      gradient: !unrolled || unrolled.failed || unrolled.lanes!.failed ? undefined : gradient,
      recordGradient: !recordingGradient || recordingGradient.failed ? undefined : recordGradient,
      genericOnly: cx.genericOnly === true,
      calls: { jvp: cx.calls, chunk: chunked.calls, record: recording?.calls ?? new Set(), generic: genericCalls },
    };
  } catch (error) {
    const deep = error instanceof RangeError && /call stack/i.test(error.message);
    file.sink.report(
      deep ? codes.unsupported : codes.internal,
      m.node,
      deep
        ? `${m.name} nests expressions too deeply for the transform; split the expression into several statements`
        : `internal error while differentiating ${m.name}: ${(error as Error).message}. Please report it with this function.`,
    );
    return undefined;
  }
}
