// What the CommonJS entry points (package.json "exports", the "require"
// condition: src/require.cts, transformer/require.cts,
// transformer/vite-require.cts) share. dualts is written as ES modules;
// Node's require() loads an ES module from 20.19 on (and 22.12), so the entry
// points hand require() the ES module build. An older Node gets this error,
// which says what to do, instead of ERR_REQUIRE_ESM.

/** Throws, naming the entry point and what to do, where this Node cannot require() an ES module. */
export function assertRequireModule(entry: string): void {
  if (process.features.require_module) return;
  throw new Error(
    `require("${entry}") needs Node 20.19 or newer (this is Node ${process.version}), which loads dualts' ES modules with require(). ` +
      `Upgrade Node, or load it with import (a project with "type": "module", or await import("${entry}")).`,
  );
}
