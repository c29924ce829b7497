// The expected files of one golden fixture (test/golden/<case>/), made from
// its input.ts: one file per generated form (expected/jvp.js, generic.js,
// chunkJvp.js, record.js, gradient.js, recordGradient.js), the
// registrations (registration.js), the run-time helpers where the file calls
// differentiable functions of other modules (helpers.js), and the
// diagnostics (diagnostics.txt). A form file holds that form of every
// function of the case, in source order; a file no function has is absent.
//
// Each form's text is the one the transform keeps for the function
// (GeneratedFunction.forms, read through the analysis `dualts show` runs),
// compiled to JavaScript alone with the options the whole file is compiled
// with, so that it reads as it does in the output. A form of a
// differentiable(…) call or a method is a function expression in the
// output; here it is named as `dualts show` names it (`norm_jvp`), and its
// registration refers to it by that name.

import ts from "typescript";
import { analyze, qualifiedName } from "../../dist/cli/analyze.js";
import { synthesize } from "../../dist/transformer/apply.js";
import { ORIGIN } from "../../dist/transformer/emit/writer.js";
import { formatDiagnostic } from "../../dist/transformer/index.js";
import type { GeneratedForms, GeneratedFunction } from "../../dist/transformer/transform.js";

/** The name the diagnostics and registrations give the case's file: the input beside its expected files. */
export const INPUT = "input.ts";

/** The forms, in the order the transform writes them. */
const FORMS = ["jvp", "generic", "chunkJvp", "record", "gradient", "recordGradient"] as const satisfies readonly (keyof GeneratedForms)[];

/**
 * Generated TypeScript as the compiled file carries it: its statements made as apply.ts makes them
 * (comments kept, origin marks taken for source-map positions), printed as JavaScript with the
 * options transformSource compiles a file with (golden.test.ts holds the two to each other).
 */
function toJavaScript(typescript: string): string {
  const statements = synthesize(typescript, false);
  const compilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, moduleDetection: ts.ModuleDetectionKind.Force };
  const generated: ts.TransformerFactory<ts.SourceFile> = (context) => (sf) => context.factory.updateSourceFile(sf, statements);
  const code = ts.transpileModule("", { fileName: "generated.ts", compilerOptions, transformers: { before: [generated] } }).outputText.trimEnd();
  // A module of no imports or exports is written with `export {};` at its end, to stay one: not part of the code.
  const marker = "export {};";
  return code.endsWith(marker) ? code.slice(0, -marker.length).trimEnd() : code;
}

/** A form's text as a declaration: a function expression gets the name `dualts show` gives it. */
function declared(g: GeneratedFunction, form: string, text: string): string {
  if (g.declarations !== undefined) return text;
  const bare = text.replace(ORIGIN, "");
  const anonymous = "function (";
  if (!bare.startsWith(anonymous)) throw new Error(`the ${form} form of ${g.marked.name} is not an anonymous function: ${bare.slice(0, 80)}`);
  return `function ${g.marked.name}_${form}(${bare.slice(anonymous.length)}`;
}

/** A function's registration: its statement, or — for a differentiable(…) call or a method — its information object, each form by name. */
function registration(g: GeneratedFunction): string {
  if (g.registration !== undefined) return toJavaScript(g.registration);
  let info = g.info!;
  for (const form of FORMS) {
    const text = g.forms?.[form];
    if (text !== undefined) info = info.split(text).join(`${g.marked.name}_${form}`);
  }
  const where = g.marked.kind === "method" ? "the class's static block registers (differentiable.method)" : "passed to differentiable(…)";
  return `// ${qualifiedName(g.marked)}: the information object ${where}\n${toJavaScript(`(${info});`)}`;
}

export interface RenderedCase {
  /** Each expected file's text, by its path under the case's folder. */
  readonly files: Record<string, string>;
  /** Each generated function alone, as JavaScript: what the compiled file must carry. */
  readonly functions: readonly string[];
}

/** The expected files of a case whose input is `input`. */
export function renderCase(input: string): RenderedCase {
  const analysis = analyze(INPUT, input);
  const generated = analysis.result?.functions ?? [];
  const files: Record<string, string> = {};
  const functions: string[] = [];
  for (const form of FORMS) {
    const pieces = generated.flatMap((g) => {
      const text = g.forms?.[form];
      return text === undefined ? [] : [toJavaScript(declared(g, form, text))];
    });
    functions.push(...pieces);
    if (pieces.length > 0) files[`expected/${form}.js`] = `${pieces.join("\n\n")}\n`;
  }
  if (generated.length > 0) files["expected/registration.js"] = `${generated.map(registration).join("\n\n")}\n`;
  if (analysis.result?.helpers) files["expected/helpers.js"] = `${toJavaScript(analysis.result.helpers)}\n`;
  if (analysis.diagnostics.length > 0) files["expected/diagnostics.txt"] = `${analysis.diagnostics.map(formatDiagnostic).join("\n")}\n`;
  return { files, functions };
}
