// The `dualts` command line, built on commander: its commands, options and
// help texts, and the exit codes — 0 done, 1 the transform reported
// diagnostics, 2 the command was called wrongly (a missing file, an unknown
// function or option). main.ts runs it on the process; tests run it with
// captured output.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import { runCheck } from "./check.js";
import { runGen } from "./gen.js";
import { UsageError } from "./inputs.js";
import type { Io } from "./io.js";
import { runShow } from "./show.js";
import { watchGen, type Watcher } from "./watch.js";

/** dualts' version, from the package.json above this file (one level up in the sources, two in dist/). */
function version(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "dualts" && pkg.version) return pkg.version;
    } catch {
      // not here: look in the folder above
    }
    folder = dirname(folder);
  }
  return "unknown";
}

/** Help text: paragraphs that commander wraps to the terminal's width. */
function paragraphs(...texts: string[]): string {
  return texts.join("\n\n");
}

export interface CliResult {
  readonly exitCode: number;
  /** Set by `gen --watch`: the running watch, to close. */
  readonly watcher?: Watcher;
}

function program(io: Io, done: (result: CliResult) => void): Command {
  const cli = new Command("dualts")
    .description("Automatic differentiation for TypeScript: generate, show and check the derivative code of functions marked @differentiable.")
    .version(version(), "-v, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, "")),
      writeErr: (s) => io.err(s.replace(/\n$/, "")),
    })
    .showSuggestionAfterError()
    .addHelpText("after", ["", "Exit codes: 0 done, 1 the transform reported diagnostics, 2 wrong usage.", "Run `dualts <command> --help` for a command's options and examples."].join("\n"));

  cli
    .command("gen")
    .summary("write TypeScript with the derivative code written in, for any compiler")
    .description(
      paragraphs(
        "Writes each file to --out as TypeScript: its own code, unchanged, with the derivative code of its @differentiable functions and their registration written in. Any compiler builds the result (TypeScript 7, esbuild, swc, Bun, Node's type stripping): no transform is needed.",
        "Folders are searched for .ts/.tsx/.mts/.cts files (not node_modules). The files keep their folder structure under --out, relative to --root (default: the deepest folder holding every input). Files that mark nothing are copied, so relative imports between the files given keep working; a relative import of anything else is pointed back at the original.",
        "--out must lie outside the files and folders given (compared after resolving symbolic links). gen writes only inside it and never through a link: a link at an output's place is replaced by the generated file; a symbolic link to a folder inside --out is an error (exit code 2).",
        "A file with diagnostics is not written, and the exit code is 1.",
      ),
    )
    .argument("<files...>", "TypeScript files or folders")
    .requiredOption("-o, --out <dir>", "the folder to write to")
    .option("--root <dir>", "the folder whose structure is kept under --out")
    .option("-w, --watch", "generate again whenever an input changes (fs.watch)")
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  dualts gen src --out gen              then build gen/ with tsc, tsgo, esbuild, swc or bun",
        "  dualts gen src --out gen --watch",
        "  dualts gen src/model.ts src/loss.ts --out gen",
      ].join("\n"),
    )
    .action((files: string[], options: { out: string; root?: string; watch?: boolean }) => {
      if (options.watch) done({ exitCode: 0, watcher: watchGen(files, options, io) });
      else done({ exitCode: runGen(files, options, io) });
    });

  cli
    .command("show")
    .summary("print the generated derivative code of one function")
    .description(
      paragraphs(
        "Prints the code the transform generates for one @differentiable function: its JVP (the value and a directional derivative, each statement followed by its tangent), its generic form (the same computation over dualts' operations, for the runtime's tape and nested derivatives), its chunk-mode JVP (K tangents per pass), its record form (generated reverse mode: each statement followed by its node on the tape) and, where it has them, its gradient form (grad's one pass over a few numbers, the value's own work skipped) and the record form's twin (the same skipping in reverse mode).",
        "A method is named Class.method, or just method when that is unique. Without #function, lists the functions the file marks.",
      ),
    )
    .argument("<file#function>", "a file and a function it marks, e.g. src/loss.ts#loss")
    .addHelpText(
      "after",
      ["", "Examples:", "  dualts show src/loss.ts#loss", "  dualts show src/model.ts#Spring.energy", "  dualts show src/loss.ts                lists the file's differentiable functions"].join("\n"),
    )
    .action((target: string) => done({ exitCode: runShow(target, io) }));

  cli
    .command("check")
    .summary("report the transform's diagnostics; exit 1 on any")
    .description(
      paragraphs(
        "Runs the transform on each file and prints its diagnostics only, one per line, as file:line:col - error DUALTSxxxx: message. The exit code is 1 if there is any, 0 if there is none. Nothing is written.",
        "Folders are searched for .ts/.tsx/.mts/.cts files (not node_modules).",
      ),
    )
    .argument("<files...>", "TypeScript files or folders")
    .addHelpText("after", ["", "Examples:", "  dualts check src", "  dualts check src/loss.ts src/model.ts"].join("\n"))
    .action((files: string[]) => done({ exitCode: runCheck(files, io) }));

  return cli;
}

/** Runs the command line `argv` (without node and the script); never calls process.exit. */
export async function runCli(argv: readonly string[], io: Io): Promise<CliResult> {
  let result: CliResult = { exitCode: 0 };
  try {
    await program(io, (r) => {
      result = r;
    }).parseAsync([...argv], { from: "user" });
    return result;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with these codes; every other commander error is a usage error it has printed.
      const fine = error.code === "commander.helpDisplayed" || error.code === "commander.version";
      return { exitCode: fine ? 0 : 2 };
    }
    if (error instanceof UsageError) {
      io.err(`dualts: ${error.message}`);
      return { exitCode: 2 };
    }
    throw error;
  }
}
