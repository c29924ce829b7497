import { defineConfig } from "vitest/config";
// The built plugin, as a user would load it (npm test builds first).
import dualts from "./dist/transformer/vite.js";

export default defineConfig({
  // Test files that mark functions @differentiable are compiled by the transform, as a user's would be.
  plugins: [dualts()],
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
