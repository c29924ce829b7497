// Reads a function's parameter list from its source text, so that `wrt` can
// name parameters and error messages can show `loss(w0, w1, xs, ys)`.
// Functions processed by the transform register their names instead; this is
// the fallback for functions written over the runtime's operations.

export interface Signature {
  readonly name: string;
  /** One entry per declared parameter; undefined for a destructuring pattern. */
  readonly parameters: readonly (string | undefined)[];
  /** True when the last parameter is `...rest` or the list could not be read. */
  readonly variadic: boolean;
  /** Parameters before the first one with a default value (Function.length). */
  readonly required: number;
}

import { derivativeInfo } from "../registry.js";

/** A JavaScript identifier, Unicode letters included (`θ`, `φ`). */
const IDENTIFIER = "[\\p{ID_Start}$_][\\p{ID_Continue}$\\u200c\\u200d]*";
const identifier = new RegExp(`^${IDENTIFIER}`, "u");
/** `x => …` or `async x => …`: a lone arrow parameter, without parentheses. */
const loneArrowParameter = new RegExp(`^(?:async\\s+)?(${IDENTIFIER})\\s*=>`, "u");

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\/\/[^\n]*/g, " ");
}

/** The text between the parameter list's parentheses, or a lone arrow parameter. */
function parameterText(source: string): string | undefined {
  const loneArrow = loneArrowParameter.exec(source);
  if (loneArrow) return loneArrow[1];
  const open = source.indexOf("(");
  if (open < 0) return undefined;
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) return source.slice(open + 1, i);
    }
  }
  return undefined;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Signatures read from source text, per function: a function's text does not change, and reading it costs microseconds. */
const parsed = new WeakMap<Function, Signature>();

export function signatureOf(f: Function): Signature {
  const info = derivativeInfo(f);
  if (info) {
    // A rest parameter is never required; without `required`, every other parameter is.
    const rest = info.rest === true;
    return { name: info.name, parameters: info.parameters, variadic: rest, required: info.required ?? info.parameters.length - (rest ? 1 : 0) };
  }
  let signature = parsed.get(f);
  if (!signature) {
    signature = parseSignature(f);
    parsed.set(f, signature);
  }
  return signature;
}

function parseSignature(f: Function): Signature {
  const name = f.name || "the function";
  const source = stripComments(Function.prototype.toString.call(f)).trim();
  const text = source.startsWith("class") ? undefined : parameterText(source);
  if (text === undefined || source.includes("[native code]")) {
    return { name, parameters: [], variadic: true, required: f.length };
  }
  const pieces = splitTopLevel(text);
  const variadic = pieces.length > 0 && pieces[pieces.length - 1].startsWith("...");
  const parameters = pieces.map((p) => identifier.exec(p.replace(/^\.\.\./, ""))?.[0]);
  return { name, parameters, variadic, required: f.length };
}

/** `loss(w0, w1, xs, ys)`, `sum(...xs)`, for messages. */
export function describe(signature: Signature): string {
  const last = signature.parameters.length - 1;
  const list = signature.parameters.map((p, i) => `${signature.variadic && i === last ? "..." : ""}${p ?? `#${i}`}`).join(", ");
  return `${signature.name}(${list}${signature.variadic && signature.parameters.length === 0 ? "…" : ""})`;
}
