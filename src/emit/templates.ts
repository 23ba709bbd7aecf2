/**
 * The templates generators render: embedded in the binary at build time, overridable file by file from a
 * user's `--templates DIR`. A user file with the same relative path wins; everything else comes from the
 * embedded set, so a user copies only the templates they change.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { posix, resolve, sep } from "node:path";
// The core build: the full one imports all of node:fs as a namespace, which loads Node's streams (~5 ms at every
// start). Templates are found by our own resolvePath and readFile below.
import { Eta } from "eta/core";
import { TemplateError } from "../errors.ts";
import { embedDir } from "./embed-macro.ts" with { type: "macro" };

const EMBEDDED_TEMPLATES: Record<string, string> = embedDir("templates");
/** A virtual root: Eta resolves includes under it, and readFile maps it back to our two sources. */
const VIRTUAL_ROOT = "/__templates__";

export function embeddedTemplateNames(): string[] {
  return Object.keys(EMBEDDED_TEMPLATES).sort();
}

/**
 * Eta's own rule for template names: `.eta` added when there is no extension; `/name` from the root, `name` and
 * `./name` beside the including template (from the root at the top); nothing outside the root.
 */
function resolveTemplatePath(name: string, options?: { filepath?: string }): string {
  const withExtension = posix.extname(name) ? name : `${name}.eta`;
  const absolute = /^[\\/]/.test(withExtension);
  const base = options?.filepath && !absolute ? posix.dirname(options.filepath) : VIRTUAL_ROOT;
  const path = posix.join(base, withExtension.replace(/^[\\/]+/, ""));
  if (!path.startsWith(`${VIRTUAL_ROOT}/`)) throw new TemplateError(`template ${name} is outside the template folder`);
  return path;
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
      override resolvePath = resolveTemplatePath;
      // No implicit trimming: a value at the end of a line keeps its newline, as generated code needs. Control
      // tags that should not leave a line behind end in `-%>`.
    })({ autoEscape: false, autoTrim: false, cache: true });
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
      return this.eta.render(`/${relativePath}`, data);
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      // Syntax errors (EtaError) and errors thrown by template code alike are the template's fault.
      const reason = error instanceof Error ? error.message : String(error);
      throw new TemplateError(`template ${relativePath}: ${reason}`, { cause: error });
    }
  }
}
