// Where `dualts gen` writes, and how: only inside the real --out folder,
// never through a link. Every folder on the way from --out to an output is
// checked: a symbolic link there (which would carry the files written under
// it outside --out) stops the command with exit code 2, naming the link and
// its target. The output file itself is never written in place: a fresh file
// is written beside it and renamed over it, so whatever stood there — a
// symbolic link, a hard link to a source or to any other file — is replaced
// as a name, and what it pointed at is left as it was. Watch mode removes an
// output by unlinking its name, under the same rules.
//
// write-file-atomic, the common package for write-and-rename, resolves a
// symbolic link and renames over its target: the opposite of what is needed
// here, hence these few lines of our own.

import { lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, unlinkSync, writeFileSync, type Stats } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { displayPath, type Input, UsageError } from "./inputs.js";

const inodeKey = (s: Stats) => `${s.dev}:${s.ino}`;

let temporaries = 0;

/** The --out folder: outputs are placed by their path relative to it. */
export class OutputFolder {
  /** The inputs by device and inode, to name the source a hard link at an output's place shares its file with. */
  private readonly inputByInode = new Map<string, Input>();

  /**
   * @param given --out as the user gave it, made absolute (what messages show)
   * @param real its real path (where the files go)
   * @param note prints a line about what was found and done (a link replaced)
   */
  constructor(
    readonly given: string,
    readonly real: string,
    private readonly cwd: string,
    inputs: readonly Input[],
    private readonly note: (line: string) => void,
  ) {
    for (const input of inputs) {
      const stat = lstatSync(input.real, { throwIfNoEntry: false });
      if (stat) this.inputByInode.set(inodeKey(stat), input);
    }
  }

  /** How a path inside the real --out is shown: under --out as given. */
  shown(realPath: string): string {
    return displayPath(join(this.given, relative(this.real, realPath)), this.cwd);
  }

  /**
   * Checks, and with `create` makes, each folder from --out down to the
   * output at `rel`; throws a UsageError at a symbolic link or a file on the
   * way. Returns the output's real path.
   */
  folderFor(rel: string, create: boolean): string {
    let folder = this.real;
    if (create) mkdirSync(folder, { recursive: true });
    const parts = dirname(rel)
      .split(sep)
      .filter((p) => p !== "" && p !== ".");
    for (const part of parts) {
      folder = join(folder, part);
      const stat = lstatSync(folder, { throwIfNoEntry: false });
      if (stat === undefined) {
        if (!create) continue;
        mkdirSync(folder);
      } else if (stat.isSymbolicLink()) {
        throw new UsageError(
          `${this.shown(folder)} is a symbolic link to ${readlinkSync(folder)}: gen writes and removes files only inside --out ${displayPath(this.given, this.cwd)}, ` +
            `never through a link, and ${this.shown(join(this.real, rel))} is behind it; remove the link, or choose another --out`,
        );
      } else if (!stat.isDirectory()) {
        throw new UsageError(`${this.shown(folder)} is a file where gen needs a folder for ${this.shown(join(this.real, rel))}: remove it, or choose another --out`);
      }
    }
    return join(this.real, rel);
  }

  /** Writes `code` as the output at `rel` unless a plain file with exactly that text is there already; true if written. */
  write(rel: string, code: string): boolean {
    const path = this.folderFor(rel, true);
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) throw new UsageError(`${this.shown(path)} is a folder where gen writes a file: remove it, or choose another --out`);
    // What stood at the output's place, said before it is replaced: a link is worth a line.
    const replaced =
      stat === undefined ? undefined : stat.isSymbolicLink() ? `a symbolic link to ${readlinkSync(path)} (the link's target is unchanged)` : stat.nlink > 1 ? this.hardLink(stat) : undefined;
    if (stat && replaced === undefined && readFileSync(path, "utf8") === code) return false;
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${++temporaries}.dualts-gen`);
    let created = false;
    try {
      writeFileSync(temporary, code, { flag: "wx" });
      created = true;
      renameSync(temporary, path);
    } catch (error) {
      if (created) unlinkSync(temporary);
      throw error;
    }
    if (replaced) this.note(`dualts gen: ${this.shown(path)} was ${replaced}; replaced it with the generated file`);
    return true;
  }

  /** Removes the output at `rel` (watch mode, its input gone): the name only, never through a link. */
  remove(rel: string): boolean {
    let path: string;
    try {
      path = this.folderFor(rel, false);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      this.note(`dualts gen: not removed: ${error.message}`);
      return false;
    }
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat === undefined || stat.isDirectory()) return false;
    unlinkSync(path);
    return true;
  }

  private hardLink(stat: Stats): string {
    const input = this.inputByInode.get(inodeKey(stat));
    if (input) return `a hard link to the source ${input.display} (which is unchanged)`;
    return `a file with ${stat.nlink - 1} other hard link${stat.nlink === 2 ? "" : "s"} (which keep the old text)`;
  }
}
