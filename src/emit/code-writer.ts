/**
 * The string builder every generator shares: lines at the current indentation, blocks laid out by the caller,
 * nesting. What a language's formatter would decide about a line (where to break brackets, how to wrap a comment)
 * belongs to the language's folder, e.g. generators/python/layout.ts, which extends this class.
 */

export interface Layout {
  /** The longest line allowed, counting indentation. */
  lineLength: number;
  /** One level of indentation, e.g. four spaces. */
  indent: string;
}

export class CodeWriter {
  private readonly lines: string[] = [];
  /** `depth`: the indentation the writer starts at, for code that goes inside code written elsewhere. */
  constructor(
    protected readonly layout: Layout,
    private depth = 0,
  ) {}

  /** The current indentation as text. */
  get prefix(): string {
    return this.layout.indent.repeat(this.depth);
  }

  line(text = ""): this {
    this.lines.push(text === "" ? "" : `${this.prefix}${text}`);
    return this;
  }

  /** Lines already laid out for the current depth (their own relative indentation is kept). */
  block(texts: readonly string[]): this {
    for (const text of texts) this.line(text);
    return this;
  }

  /** Text already indented for where it goes (e.g. rendered by a template at the current depth), line by line. */
  verbatim(text: string): this {
    if (text !== "") this.lines.push(...text.replace(/\n$/, "").split("\n"));
    return this;
  }

  /** Writes `body` one level deeper. */
  indented(body: (writer: this) => void): this {
    this.depth++;
    body(this);
    this.depth--;
    return this;
  }

  toString(): string {
    return this.lines.length === 0 ? "" : `${this.lines.join("\n")}\n`;
  }
}
