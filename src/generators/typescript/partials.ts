/**
 * The parts of a TypeScript SDK users customise, rendered through eta partials under templates/typescript/: every
 * module's header line, a view's doc comment, the client class (client.js and client.d.ts) and the README. A user's
 * `--templates DIR` overrides any one of them by a file at the same path (`DIR/typescript/_view_doc.eta`); the
 * rest of the SDK is built by the string builder. What a partial writes is emitted as it is: the helpers in
 * `it.fmt` keep Biome's layout, and the embedded partials use nothing else.
 */
import { TemplateSet } from "../../emit/templates.ts";
import { argumentLines, docLines, INDENT, type JsValue, valueLines } from "./layout.ts";

/** Layout helpers a partial calls as `it.fmt`. */
const FORMAT = {
  /** A JSDoc comment at `depth`; nothing for an empty text. */
  doc: (text: string | undefined, depth: number) => docLines(text, depth).join("\n"),
  /** `head(a, b)tail` on one line when it fits, else one argument per line (brackets "<>" for type arguments). */
  call: (head: string, args: readonly string[], tail: string, depth: number, brackets = "()") =>
    argumentLines(head, args, tail, depth, brackets).join("\n"),
  /** `lead` and a value (strings quoted, `{ code }` as is, objects expanded when too long), then `tail`. */
  value: (lead: string, value: JsValue, tail: string, depth: number) => valueLines(lead, value, tail, depth).join("\n"),
  indent: (depth: number) => INDENT.repeat(depth),
};

export class TypescriptPartials {
  private readonly templates: TemplateSet;

  constructor(templateDir: string | undefined) {
    this.templates = new TemplateSet(templateDir);
  }

  /** A partial's output as lines, without the trailing newline(s); none when it writes nothing. */
  lines(partial: string, data: Record<string, unknown>): string[] {
    const text = this.text(partial, data).replace(/\n+$/, "");
    return text === "" ? [] : text.split("\n");
  }

  /** A whole file's text, ending in exactly one newline. */
  file(template: string, data: Record<string, unknown>): string {
    return `${this.text(template, data).replace(/\n+$/, "")}\n`;
  }

  private text(template: string, data: Record<string, unknown>): string {
    return this.templates.render(`typescript/${template}`, { ...data, fmt: FORMAT });
  }
}
