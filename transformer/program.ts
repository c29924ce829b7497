// A type checker for one file the transform meets outside a compiler
// (transformSource, the Vite plugin, `dualts gen`): a program of that file,
// made on first need, whose imports resolve from the file's folder on disk
// and whose standard library (ES2023 and the DOM) is parsed once per process
// and shared by every such program. Nodes of the transformed file are found
// in the program's copy of it by kind and position (the text is the same).

import ts = require("typescript");
import { scriptKindOf } from "./files.js";
import type { Checker } from "./types.js";

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

/** Parsed files that do not change while the process runs: the standard library, and declaration files of packages. */
const shared = new Map<string, ts.SourceFile>();

function hostFor(fileName: string, text: string): ts.CompilerHost {
  const base = ts.createCompilerHost(OPTIONS, true);
  return {
    ...base,
    getSourceFile(name, languageVersion) {
      if (name === fileName) return ts.createSourceFile(name, text, languageVersion, true, scriptKindOf(name));
      const keep = name.endsWith(".d.ts");
      const known = keep ? shared.get(name) : undefined;
      if (known) return known;
      const sf = base.getSourceFile(name, languageVersion);
      if (sf && keep) shared.set(name, sf);
      return sf;
    },
    fileExists: (name) => name === fileName || base.fileExists(name),
    readFile: (name) => (name === fileName ? text : base.readFile(name)),
    writeFile: () => {},
  };
}

/** The node of `copy` at the same place and of the same kind as `node` (of a file with the same text). */
function sameNode(copy: ts.SourceFile, node: ts.Node): ts.Node | undefined {
  let current: ts.Node = copy;
  for (;;) {
    if (current.kind === node.kind && current.pos === node.pos && current.end === node.end) return current;
    const next: ts.Node | undefined = ts.forEachChild(current, (child) => (child.pos <= node.pos && node.end <= child.end ? child : undefined));
    if (!next) return undefined;
    current = next;
  }
}

/** A checker for the file sf, made when first asked for; undefined if no program can be made (no file system, say). */
export function lazyChecker(sf: ts.SourceFile): () => Checker | undefined {
  let made: Checker | undefined | null = null;
  return () => {
    if (made !== null) return made;
    try {
      const fileName = sf.fileName;
      const program = ts.createProgram({ rootNames: [fileName], options: OPTIONS, host: hostFor(fileName, sf.text) });
      const copy = program.getSourceFile(fileName);
      const checker = program.getTypeChecker();
      made = copy ? { checker, nodeFor: (node) => sameNode(copy, node) } : undefined;
    } catch {
      made = undefined;
    }
    return made;
  };
}

/** The checker of the compiler the transform runs in (tspc): its nodes are the transformed file's own. */
export function programChecker(program: ts.Program): () => Checker {
  const checker = program.getTypeChecker();
  const nodeFor = (node: ts.Node) => {
    const own = node.getSourceFile();
    const sf = program.getSourceFile(own.fileName);
    return sf === own ? node : sf && sameNode(sf, node);
  };
  return () => ({ checker, nodeFor });
}
