// `dualts check <files…>`: the transform's diagnostics and nothing else, one
// per line as `file:line:col - error DUALTSxxxx: message`; exit code 1 if
// there is any, 0 if none. Nothing is written. For CI and editors' problem
// matchers.

import { readFileSync } from "node:fs";
import { formatDiagnostic } from "../transformer/diagnostics.js";
import { analyze } from "./analyze.js";
import { collectInputs, DECLARATION_FILE } from "./inputs.js";
import type { Io } from "./io.js";

export function runCheck(files: readonly string[], io: Io): number {
  const inputs = collectInputs(files, { cwd: io.cwd }).filter((i) => !DECLARATION_FILE.test(i.path));
  let count = 0;
  for (const input of inputs) {
    const code = readFileSync(input.path, "utf8");
    // Most files mark nothing: skip the parse (the transform finds markers only where this word is).
    if (!code.includes("differentiable")) continue;
    for (const d of analyze(input.display, code).diagnostics) {
      io.out(formatDiagnostic(d));
      count++;
    }
  }
  return count > 0 ? 1 : 0;
}
