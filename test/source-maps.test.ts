// Stack traces through generated code land on the user's line. The
// transform marks each generated statement with the position of the
// statement it comes from (emit/writer.ts's ORIGIN; the generic form's
// statements likewise), and apply.ts makes that the statement's source-map
// position; so an error thrown inside the derivative code — here the user's
// own `throw`, copied into every form — is reported, by Node with
// --enable-source-maps, at that `throw` in the .ts file, whichever form ran.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { transformSource } from "../dist/transformer/index.js";

const source = `// The statement that throws is on line 7.
/** @differentiable */
export function f(x: number, y: number): number {
  const s = x * x + y;
  let t = Math.sin(s);
  if (s > 50) {
    throw new Error("too big");
  }
  for (let i = 0; i < 2; i++) t = t * y;
  return t * Math.exp(x);
}
`;

const dir = mkdtempSync(join(tmpdir(), "dualts-maps-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("an error in every generated form is reported at the user's line", () => {
  const { code, sourceMap, diagnostics } = transformSource(source, { fileName: join(dir, "prog.ts") });
  expect(diagnostics).toEqual([]);
  const map = JSON.parse(sourceMap!) as { file: string };
  map.file = "prog.mjs";
  writeFileSync(join(dir, "prog.ts"), source);
  writeFileSync(join(dir, "prog.mjs"), `${code}//# sourceMappingURL=prog.mjs.map\n`);
  writeFileSync(join(dir, "prog.mjs.map"), JSON.stringify(map));
  const runtime = new URL("../dist/src/index.js", import.meta.url).href;
  writeFileSync(
    join(dir, "run.mjs"),
    `
    import { grad, hessian } from ${JSON.stringify(runtime)};
    import { f } from "./prog.mjs";
    const forms = {
      "the JVP": () => grad(f, { chunk: 1 })(10, 1),
      "the chunk-mode JVP": () => grad(f, { chunk: 2 })(10, 1),
      "the gradient form": () => grad(f)(10, 1),
      "the record form": () => grad(f, { mode: "reverse" })(10, 1),
      "the generic form": () => hessian(f)(10, 1),
    };
    for (const [form, run] of Object.entries(forms)) {
      try { run(); console.log(form + " did not throw"); }
      catch (error) { console.log(form + " " + (error.stack.split("\\n").find((line) => line.includes("prog.ts")) ?? "no frame in prog.ts").trim()); }
    }
  `,
  );
  const out = execFileSync(process.execPath, ["--enable-source-maps", join(dir, "run.mjs")], { encoding: "utf8" })
    .trim()
    .split("\n");
  expect(out).toHaveLength(5);
  for (const line of out) expect(line).toMatch(/ at .*prog\.ts:7:\d+\)?$/);
});
