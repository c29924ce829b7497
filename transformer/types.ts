// What a parameter holds, read from its type: a number ("scalar"), an array
// of numbers ("array"), data (no numbers to differentiate: a string, a
// function, an Int32Array of indices, …), or a structure holding numbers
// that the transform cannot differentiate yet (an object, a tuple, a
// number[][], a Float32Array), which is reported unless `wrt` leaves it out.
//
// The common spellings (`number`, `number[]`, `Float64Array`, `string`, no
// type at all) are read from the text. Anything else — an alias
// (`type Real = number`), a generic (`T extends number`), a union
// (`number | undefined`), an interface — is asked of TypeScript's checker,
// so a number under another name is still a number. The checker comes from
// the compiler where the transform runs inside one (tspc), or from a
// program made for this one file on first need (program.ts).

import ts = require("typescript");

export type ParameterKind = "scalar" | "array" | "data" | { readonly problem: string };

const SCALAR = /^number$/;
const ARRAY = /^(readonly\s+number\s*\[\]|number\s*\[\]|Float64Array|Array<number>|ReadonlyArray<number>)$/;
const DATA =
  /^(string|boolean|bigint|symbol|null|undefined|void|never|object|Function|RegExp|Date|string\s*\[\]|boolean\s*\[\]|(Int8|Uint8|Uint8Clamped|Int16|Uint16|Int32|Uint32|BigInt64|BigUint64)Array)$/;
const INTEGER_ARRAYS = /^(Int8|Uint8|Uint8Clamped|Int16|Uint16|Int32|Uint32|BigInt64|BigUint64)Array$/;

/** A checker, and the node it knows for a node of the transformed file (the same one inside tspc; one at the same place otherwise). */
export interface Checker {
  readonly checker: ts.TypeChecker;
  nodeFor(node: ts.Node): ts.Node | undefined;
}

/** The kind a parameter's written type says without a checker, or undefined where only the checker can tell. */
function kindFromText(p: ts.ParameterDeclaration, sf: ts.SourceFile): ParameterKind | undefined {
  if (!p.type) {
    if (p.dotDotDotToken) return "array";
    // Untyped: a number (the README's rule), unless a default value says otherwise.
    return p.initializer ? undefined : "scalar";
  }
  const text = p.type.getText(sf).replace(/\s+/g, " ").trim();
  if (SCALAR.test(text)) return "scalar";
  if (ARRAY.test(text)) return "array";
  if (DATA.test(text)) return "data";
  if (p.type.kind === ts.SyntaxKind.AnyKeyword) return "scalar";
  if (ts.isFunctionTypeNode(p.type) || ts.isConstructorTypeNode(p.type)) return "data";
  return undefined;
}

type Shape = "scalar" | "array" | "data" | "structure" | "mixed" | "unresolved";

/** What a type holds (see the header), looking `depth` levels into objects. */
function shapeOf(type: ts.Type, checker: ts.TypeChecker, depth = 0): Shape {
  const flags = type.flags;
  if (flags & ts.TypeFlags.Any) return (type as { intrinsicName?: string }).intrinsicName === "error" ? "unresolved" : "scalar";
  if (flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral | ts.TypeFlags.Enum | ts.TypeFlags.EnumLiteral)) {
    return flags & ts.TypeFlags.StringLiteral ? "data" : "scalar";
  }
  if (
    flags &
    (ts.TypeFlags.StringLike |
      ts.TypeFlags.BooleanLike |
      ts.TypeFlags.BigIntLike |
      ts.TypeFlags.ESSymbolLike |
      ts.TypeFlags.Void |
      ts.TypeFlags.Undefined |
      ts.TypeFlags.Null |
      ts.TypeFlags.Never |
      ts.TypeFlags.Unknown)
  )
    return "data";
  if (flags & ts.TypeFlags.TypeParameter) {
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint && constraint !== type ? shapeOf(constraint, checker, depth) : "data";
  }
  if (type.isUnion()) {
    // `number | undefined` (an optional number) is a number; `number | number[]` cannot be told apart.
    const shapes = new Set(type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void))).map((t) => shapeOf(t, checker, depth)));
    if (shapes.size === 1) return [...shapes][0];
    if (shapes.has("unresolved")) return "unresolved";
    return [...shapes].every((s) => s === "data") ? "data" : "mixed";
  }
  if (type.isIntersection()) {
    // A branded number (number & { __unit: "m" }) is a number.
    const shapes = type.types.map((t) => shapeOf(t, checker, depth));
    return shapes.includes("scalar") ? "scalar" : shapes.includes("array") ? "array" : shapes.includes("structure") ? "structure" : "data";
  }
  const name = type.getSymbol()?.getName() ?? "";
  if (name === "Float64Array") return "array";
  if (name === "Float32Array") return "structure";
  if (INTEGER_ARRAYS.test(name)) return "data";
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const elements = checker.getTypeArguments(type as ts.TypeReference).map((t) => shapeOf(t, checker, depth + 1));
    if (checker.isTupleType(type)) return elements.some((s) => s !== "data") ? "structure" : "data";
    const element = elements[0] ?? "data";
    return element === "scalar" ? "array" : element === "data" ? "data" : element === "unresolved" ? "unresolved" : "structure";
  }
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return "data";
  // JavaScript's own objects (Map, Set, Date, Promise, …) keep their numbers out of reach: data.
  if (type.getSymbol()?.declarations?.some((d) => /[\\/]typescript[\\/]lib[\\/]lib\.[^\\/]*\.d\.ts$/.test(d.getSourceFile().fileName))) return "data";
  if (depth >= 3) return "data";
  // An object (an interface, a class instance, an inline type): a structure if any property holds numbers.
  for (const property of type.getProperties()) {
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    if (!declaration || ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration)) continue;
    const shape = shapeOf(checker.getTypeOfSymbolAtLocation(property, declaration), checker, depth + 1);
    if (shape === "scalar" || shape === "array" || shape === "structure" || shape === "mixed") return "structure";
  }
  return "data";
}

/** The kind of every parameter of a function (`checker` made on first need). */
export function parameterKinds(fn: ts.SignatureDeclaration, sf: ts.SourceFile, checker: () => Checker | undefined): ParameterKind[] {
  return fn.parameters.map((p) => {
    const written = kindFromText(p, sf);
    if (written !== undefined) return written;
    const typed = checker();
    const node = typed?.nodeFor(p);
    if (!typed || !node) return { problem: `dualts cannot read the type of this parameter (${typeText(p, sf)}) here: write it as number, number[] or Float64Array, or leave it out of wrt(…)` };
    let type = typed.checker.getTypeAtLocation(node);
    if (p.dotDotDotToken) type = typed.checker.getTypeArguments(type as ts.TypeReference)[0] ?? type;
    const shape = shapeOf(type, typed.checker);
    const spelled = typed.checker.typeToString(type);
    if (p.dotDotDotToken) return shape === "scalar" ? "array" : shape === "data" ? "data" : { problem: problemOf(shape, spelled, true) };
    return shape === "scalar" || shape === "array" || shape === "data" ? shape : { problem: problemOf(shape, spelled, false) };
  });
}

function typeText(p: ts.ParameterDeclaration, sf: ts.SourceFile): string {
  return p.type ? p.type.getText(sf) : "no type";
}

/** Why a parameter of this shape cannot be differentiated, and what to do. */
function problemOf(shape: Shape, type: string, rest: boolean): string {
  const leaveOut = "or leave it out of the differentiated parameters with wrt(…) (then it is data)";
  if (shape === "mixed") return `its type ${type} may be a number or an array: dualts must know which; give it one type, ${leaveOut}`;
  if (shape === "unresolved") return `dualts cannot tell what its type ${type} is (it is not declared where the transform can read it): write it as number, number[] or Float64Array, ${leaveOut}`;
  const what = rest ? `each of its values is a ${type}, which holds` : `its type ${type} holds`;
  return `${what} numbers that dualts cannot differentiate yet (only number, number[] and Float64Array parameters are): pass the numbers as number or number[] parameters, ${leaveOut}`;
}

/**
 * What a function returns: a number or an array of numbers, read as its parameters are (the written
 * type, else the checker: `Real`, `Vec`, `T extends number`); without a written type, an array literal
 * returned by an arrow is an array, anything else a number. A problem where it is neither.
 */
export function resultKind(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }, sf: ts.SourceFile, checker: () => Checker | undefined): "scalar" | "array" | { readonly problem: string } {
  if (!fn.type) return fn.body && !ts.isBlock(fn.body) && ts.isArrayLiteralExpression(fn.body) ? "array" : "scalar";
  const text = fn.type.getText(sf).replace(/\s+/g, " ").trim();
  if (SCALAR.test(text)) return "scalar";
  if (ARRAY.test(text)) return "array";
  const typed = checker();
  const node = typed?.nodeFor(fn.type);
  const shape = typed && node ? shapeOf(typed.checker.getTypeFromTypeNode(node as ts.TypeNode), typed.checker) : "unresolved";
  if (shape === "scalar" || shape === "array") return shape;
  return { problem: `returns '${fn.type.getText(sf)}'; a differentiable function returns a number or an array of numbers` };
}
