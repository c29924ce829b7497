// Which parameters a marked function is differentiated with respect to.
// `wrt(…)` says so where it is written (minus `noDerivative(…)`); by default
// it is every parameter that holds a number or an array of numbers, by its
// type (types.ts); a rest parameter of numbers is an array. A parameter whose numbers the transform cannot
// differentiate yet (an object, a tuple, a nested array, a union of a number
// and an array) is reported where it would be differentiated, never quietly
// turned into data: the user leaves it out with wrt(…), or changes its type.

import ts = require("typescript");
import { codes, type DiagnosticSink } from "./diagnostics.js";
import type { MarkedFunction } from "./find.js";
import { parameterKinds, type Checker } from "./types.js";

export interface Parameter {
  readonly name: string;
  readonly kind: "scalar" | "array" | "data";
}

export interface Selection {
  readonly wrt: number[];
  readonly parameters: Parameter[];
}

/** The differentiated parameters of a marked function and every parameter's kind; problems go to the sink. */
export function selectParameters(m: MarkedFunction, sf: ts.SourceFile, checker: () => Checker | undefined, sink: DiagnosticSink): Selection {
  const kinds = parameterKinds(m.node, sf, checker);
  const parameters = m.node.parameters.map((p, i) => ({
    name: ts.isIdentifier(p.name) ? p.name.text : `argument${i}`,
    kind: typeof kinds[i] === "object" ? ("data" as const) : (kinds[i] as Parameter["kind"]),
  }));
  const candidates = m.wrt ?? kinds.flatMap((kind, i) => (kind !== "data" ? [i] : []));
  const wrt = candidates.filter((i) => !m.exclude?.includes(i));
  const accepted = wrt.filter((i) => {
    const p = m.node.parameters[i];
    const kind = kinds[i];
    const about = `${m.name} cannot be differentiated with respect to its parameter '${parameters[i].name}'`;
    if (typeof kind === "object") sink.report(codes.parameterType, p, `${about}: ${kind.problem}`);
    else if (kind === "data") sink.report(codes.parameterType, p, `${about}: its type holds no number to differentiate; list only number, number[] and Float64Array parameters in wrt(…)`);
    else if (!ts.isIdentifier(p.name))
      sink.report(codes.parameterType, p, `${about}: a destructured parameter cannot be differentiated yet; name the parameter and read its parts in the body, or leave it out with wrt(…)`);
    else return true;
    return false;
  });
  return { wrt: accepted, parameters };
}
