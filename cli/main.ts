#!/usr/bin/env node
// The `dualts` executable (package.json "bin"): checks that the TypeScript
// compiler API is there (the transform parses with it; TypeScript 7 has
// none), then runs the command line on this process. program.ts holds the
// commands.

import { processIo } from "./io.js";

// Output piped into a command that stops reading (dualts show … | head): stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const OWN_TYPESCRIPT = "npx -p typescript@~6.0.3 -p dualts dualts <command> … runs the CLI with a TypeScript of its own";

/** Why the CLI cannot run with the `typescript` package it finds, or undefined if it can. */
async function typescriptProblem(): Promise<string | undefined> {
  let ts: { createSourceFile?: unknown; version?: string } | undefined;
  try {
    const module = (await import("typescript")) as unknown as { default?: typeof ts } & NonNullable<typeof ts>;
    ts = module.default ?? module;
  } catch {
    return `the CLI needs the TypeScript 6 compiler API, and no 'typescript' package was found: npm install --save-dev typescript@~6.0.3 (or: ${OWN_TYPESCRIPT})`;
  }
  if (typeof ts?.createSourceFile === "function") return undefined;
  const version = ts?.version ?? (ts as { default?: { version?: string } } | undefined)?.default?.version ?? "of unknown version";
  return `the CLI needs the TypeScript 6 compiler API (typescript@~6.0.3), but the 'typescript' package found is ${version}, which has none (TypeScript 7 ships no compiler API); ${OWN_TYPESCRIPT}`;
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
