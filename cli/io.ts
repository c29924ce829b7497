// Where the commands write and which folder they work in: the process's own
// streams for the real CLI, captured strings in tests.

export interface Io {
  readonly cwd: string;
  /** A line of the command's output (stdout). */
  out(line: string): void;
  /** A line of errors about how the command was called, or progress beside the output (stderr). */
  err(line: string): void;
}

export const processIo: Io = {
  cwd: process.cwd(),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
