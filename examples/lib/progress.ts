// Training progress: a cli-progress bar with the current loss when standard
// output is a terminal, plain lines otherwise (piped output, tests). Lines
// noted during training print above the bar. Training loops await tick(),
// which yields to the event loop now and then so the bar can redraw.

import cliProgress from "cli-progress";
import { logOf, type ExampleOptions } from "./narration.js";

export interface Progress {
  /** Reports step `step` (1-based) of the total with the values shown on the bar. */
  tick(step: number, values: Record<string, string>): Promise<void>;
  /** A line of narration: above the bar, or simply logged. */
  note(line: string): void;
  /** Removes the bar. */
  stop(): void;
}

export function progressBar(options: ExampleOptions, title: string, total: number, shows: string): Progress {
  const log = logOf(options);
  const enabled = options.progress ?? (options.log === undefined && process.stdout.isTTY === true);
  if (!enabled) return { tick: async () => {}, note: log, stop: () => {} };

  const bars = new cliProgress.MultiBar(
    {
      stream: process.stdout,
      format: `   ${title} {bar} {value}/{total} ${shows}`,
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      fps: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0, {});
  let lastYield = performance.now();
  return {
    async tick(step, values) {
      bar.update(step, values);
      if (performance.now() - lastYield > 40) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    },
    note(line) {
      bars.log(`${line}\n`);
    },
    stop() {
      bars.stop();
    },
  };
}
