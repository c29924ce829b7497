#!/usr/bin/env node
// The `dualts` executable (package.json "bin"): checks that the TypeScript
// compiler API is there (the transform parses with it; TypeScript 7 has
// none, so dualts depends on a TypeScript 6 of its own), then runs the
// command line on this process. program.ts holds the commands.

import { fileURLToPath } from "node:url";
import { processIo } from "./io.js";

// Output piped into a command that stops reading (dualts show … | head): stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/**
 * Why the CLI cannot run with the `typescript` it loads, or undefined if it can. dualts depends on
 * TypeScript 6 (the compiler API the transform parses with), so npm installs one for it — nested
 * under node_modules/dualts when the project's own is another version, such as TypeScript 7, which
 * has no compiler API. Only an install that broke that (a copied or linked node_modules) gets here.
 */
async function typescriptProblem(): Promise<string | undefined> {
  const reinstall = "reinstall dualts with npm install, which puts the TypeScript dualts depends on under node_modules/dualts/node_modules when the project's own is another version";
  let ts: { createSourceFile?: unknown; version?: string } | undefined;
  try {
    const module = (await import("typescript")) as unknown as { default?: typeof ts } & NonNullable<typeof ts>;
    ts = module.default ?? module;
  } catch {
    return `the CLI parses with the TypeScript 6 compiler API, and dualts' dependency 'typescript' was not found: ${reinstall}`;
  }
  if (typeof ts?.createSourceFile === "function") return undefined;
  const version = ts?.version ?? (ts as { default?: { version?: string } } | undefined)?.default?.version ?? "of unknown version";
  let where = "";
  try {
    where = ` (${fileURLToPath(import.meta.resolve("typescript"))})`;
  } catch {
    // Where it lives is a courtesy; the message stands without it.
  }
  return `the CLI parses with the TypeScript 6 compiler API, but the 'typescript' package it loads is ${version}${where}, which has none (TypeScript 7 ships no compiler API): ${reinstall}`;
}

try {
  const problem = await typescriptProblem();
  if (problem) {
    process.stderr.write(`dualts: ${problem}\n`);
    process.exitCode = 2;
  } else {
    const { runCli } = await import("./program.js");
    const { exitCode } = await runCli(process.argv.slice(2), processIo);
    process.exitCode = exitCode;
  }
} catch (error) {
  process.stderr.write(`dualts: internal error: ${(error as Error).stack ?? String(error)}\nPlease report it.\n`);
  process.exitCode = 70;
}
