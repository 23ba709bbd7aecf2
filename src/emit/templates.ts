/**
 * The templates generators render: embedded in the binary at build time, overridable file by file from a
 * user's `--templates DIR`. A user file with the same relative path wins; everything else comes from the
 * embedded set, so a user copies only the templates they change.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { Eta } from "eta";
import { TemplateError } from "../errors.ts";
import { embedDir } from "./embed-macro.ts" with { type: "macro" };

const EMBEDDED_TEMPLATES: Record<string, string> = embedDir("templates");
/** A virtual root: Eta resolves includes under it, and readFile maps it back to our two sources. */
const VIRTUAL_ROOT = "/__templates__";

export function embeddedTemplateNames(): string[] {
  return Object.keys(EMBEDDED_TEMPLATES).sort();
}

export class TemplateSet {
  private readonly eta: Eta;

  constructor(private readonly userDir?: string) {
    if (userDir !== undefined && !(existsSync(userDir) && statSync(userDir).isDirectory())) {
      throw new TemplateError(`template directory not found: ${userDir}`);
    }
    const read = (path: string): string => this.read(path.slice(VIRTUAL_ROOT.length + 1));
    this.eta = new (class extends Eta {
      override readFile = read;
      // No implicit trimming: a value at the end of a line keeps its newline, as generated code needs. Control
      // tags that should not leave a line behind end in `-%>`.
    })({ views: VIRTUAL_ROOT, autoEscape: false, autoTrim: false, cache: true });
  }

  /** The text of one template: the user's copy when there is one, otherwise the embedded one. */
  read(relativePath: string): string {
    if (this.userDir !== undefined) {
      const root = resolve(this.userDir);
      const candidate = resolve(root, relativePath);
      // A template name never leads outside the user's folder.
      if (candidate.startsWith(root + sep) && existsSync(candidate)) return readFileSync(candidate, "utf8");
    }
    const embedded = EMBEDDED_TEMPLATES[relativePath];
    if (embedded === undefined) throw new TemplateError(`template not found: ${relativePath}`);
    return embedded;
  }

  /** Renders a template (path relative to templates/, e.g. `python/pyproject.toml.eta`) with data. */
  render(relativePath: string, data: Record<string, unknown>): string {
    try {
      return this.eta.render(join("/", relativePath), data);
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      // Syntax errors (EtaError) and errors thrown by template code alike are the template's fault.
      const reason = error instanceof Error ? error.message : String(error);
      throw new TemplateError(`template ${relativePath}: ${reason}`, { cause: error });
    }
  }
}
