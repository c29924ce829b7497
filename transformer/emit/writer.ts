// Writing generated code: lines with indentation, and names that cannot
// collide with the user's (`x` → `dx`, temporaries t1, t2, …).
//
// A line is kept as written, with its depth beside it: indentation goes in
// front of it when the code is printed, never inside it, so a line holding
// source text that spans lines (a template literal, a string continued with
// a backslash) reaches the generated code exactly as the user wrote it.

/** A place among the lines written so far: what `insert` puts a line before. */
export type Mark = number;

/**
 * The mark at the start of a generated line that says which position of the user's file it comes
 * from: `/*@dualts:120*\/`. apply.ts turns it into the statement's source-map position (stack traces
 * from generated code land on the user's line) and drops it; cli/ strips it from the TypeScript it writes.
 */
export const ORIGIN = /\/\*@dualts:(\d+)\*\/ ?/g;

export class Writer {
  private readonly lines: { depth: number; text: string; origin?: number }[] = [];
  private depth = 0;
  private origin?: number;

  line(text: string): void {
    this.lines.push({ depth: this.depth, text, origin: this.origin });
  }

  /** The lines `body` writes come from the user's code at `position` (a statement's start). */
  from(position: number, body: () => void): void {
    const outer = this.origin;
    this.origin = position;
    try {
      body();
    } finally {
      this.origin = outer;
    }
  }

  comment(text: string): void {
    this.line(`// ${text.replace(/\s+/g, " ").trim()}`);
  }

  /** `header {`, the body indented, `}`. */
  block(header: string, body: () => void, footer = "}"): void {
    this.line(header ? `${header} {` : "{");
    this.depth++;
    body();
    this.depth--;
    this.line(footer);
  }

  /** Another writer's lines, nested at this one's current depth. */
  append(other: Writer): void {
    for (const { depth, text, origin } of other.lines) this.lines.push({ depth: this.depth + depth, text, origin: origin ?? this.origin });
  }

  /** The place after the lines written so far. */
  mark(): Mark {
    return this.lines.length;
  }

  /** Whether lines were written after a mark. */
  wroteSince(mark: Mark): boolean {
    return this.lines.length > mark;
  }

  /** Writes a line at a mark (at the current depth), before the lines written since. Marks after it move on by one. */
  insert(mark: Mark, text: string): void {
    this.lines.splice(mark, 0, { depth: this.depth, text, origin: this.origin });
  }

  /** The code, each line that starts a statement marked with its origin (ORIGIN). */
  text(): string {
    const marked = (text: string, origin?: number) => (origin === undefined || /^[})\]]|^(else|case|default)\b|^\/\//.test(text) ? text : `/*@dualts:${origin}*/ ${text}`);
    return this.lines.map(({ depth, text, origin }) => "  ".repeat(depth) + marked(text, origin)).join("\n");
  }
}

/** Words a generated name may not be (`o`'s tangent is not `do`): JavaScript's reserved words, strict mode's, and eval/arguments. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield " +
    "let static implements interface package private protected public await arguments eval"
  ).split(" "),
);

/** Names for generated variables, stable across runs and distinct from every identifier in the file. */
export class Names {
  private readonly tangents = new Map<string, string>();
  private temps = 0;

  /**
   * `differential`: a variable's tangent is `dx`; `node` (the record form):
   * the number of its node on the tape, `xNode`.
   */
  constructor(
    private readonly used: Set<string>,
    private readonly style: "differential" | "node" = "differential",
  ) {}

  /** The first of the candidates that is free, or the first with a number appended. */
  fresh(candidates: string[]): string {
    for (const c of candidates) {
      if (!this.used.has(c) && !RESERVED.has(c)) {
        this.used.add(c);
        return c;
      }
    }
    for (let i = 2; ; i++) {
      const c = `${candidates[0]}${i}`;
      if (!this.used.has(c)) {
        this.used.add(c);
        return c;
      }
    }
  }

  /** The tangent of a variable: `x` → `dx` (or `d_x`, … if the user already has a `dx`); `xNode` in the record form. */
  tangent(name: string): string {
    let t = this.tangents.get(name);
    if (!t) {
      t = this.fresh(this.style === "node" ? [`${name}Node`, `${name}_node`] : [`d${name}`, `d_${name}`]);
      this.tangents.set(name, t);
    }
    return t;
  }

  /** A temporary for an intermediate value. */
  temp(): string {
    for (;;) {
      const c = `t${++this.temps}`;
      if (!this.used.has(c)) {
        this.used.add(c);
        return c;
      }
    }
  }

  /** A loop counter: i, j, k, … */
  index(): string {
    return this.fresh(["i", "j", "k", "index"]);
  }

  /** A top-level generated name such as `loss_jvp`. */
  global(base: string): string {
    return this.fresh([base]);
  }
}
