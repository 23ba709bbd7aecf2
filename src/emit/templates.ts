/**
 * The templates generators render: embedded in the binary at build time, overridable file by file from a
 * user's `--templates DIR`. A user file with the same relative path wins; everything else comes from the
 * embedded set, so a user copies only the templates they change.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { posix, resolve, sep } from "node:path";
// The core build: the full one imports all of node:fs as a namespace, which loads Node's streams (~5 ms at every
// start). Templates are found by our own resolvePath and readFile below.
import { Eta, type TemplateFunction } from "eta/core";
import { TemplateError } from "../errors.ts";
import { embedDir, precompileTemplates } from "./embed-macro.ts" with { type: "macro" };
import { ETA_OPTIONS } from "./eta-options.ts";

const EMBEDDED_TEMPLATES: Record<string, string> = embedDir("templates");
/** The embedded templates compiled at build time (function bodies), so a run does not parse them again. */
const PRECOMPILED_TEMPLATES: Record<string, string> = precompileTemplates("templates");
/** A virtual root: Eta resolves includes under it, and readFile maps it back to our two sources. */
const VIRTUAL_ROOT = "/__templates__";
/** Eta's own render, which the TemplateSet's Eta wraps (Eta sets it on each instance, not on its prototype). */
const ETA_RENDER: Eta["render"] = new Eta(ETA_OPTIONS).render;

export function embeddedTemplateNames(): string[] {
  return Object.keys(EMBEDDED_TEMPLATES).sort();
}

/**
 * Eta's own rule for template names: `.eta` added when there is no extension; `/name` from the root, `name` and
 * `./name` beside the including template (from the root at the top); nothing outside the root.
 */
function resolveTemplatePath(name: string, options?: { filepath?: string }): string {
  // Templates include partials once per class or field: the same few names, resolved once each.
  const key = `${options?.filepath ?? ""}\0${name}`;
  let path = RESOLVED_PATHS.get(key);
  if (path === undefined) {
    path = resolveUncached(name, options?.filepath);
    // Names a template computes could be many; a long-running service keeps the cache small.
    if (RESOLVED_PATHS.size >= 1000) RESOLVED_PATHS.clear();
    RESOLVED_PATHS.set(key, path);
  }
  return path;
}

const RESOLVED_PATHS = new Map<string, string>();

function resolveUncached(name: string, filepath: string | undefined): string {
  const withExtension = posix.extname(name) ? name : `${name}.eta`;
  const absolute = /^[\\/]/.test(withExtension);
  const base = filepath && !absolute ? posix.dirname(filepath) : VIRTUAL_ROOT;
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
      // Every template and partial is rendered through here: an error names the innermost template, the file to fix.
      override render: Eta["render"] = function (this: Eta, template, data, meta) {
        try {
          return ETA_RENDER.call(this, template, data, meta);
        } catch (error) {
          if (error instanceof TemplateError || typeof template !== "string") throw error;
          throw templateError(resolveTemplatePath(template, meta).slice(VIRTUAL_ROOT.length + 1), error);
        }
      };
    })(ETA_OPTIONS);
    // Eta looks in its cache before reading a template: the embedded ones the user does not override are there.
    for (const [name, body] of Object.entries(PRECOMPILED_TEMPLATES)) {
      if (this.userFile(name) !== undefined) continue;
      const compiled = new Function(this.eta.config.varName, "options", body) as TemplateFunction;
      this.eta.templatesSync.define(`${VIRTUAL_ROOT}/${name}`, compiled);
    }
  }

  /** The user's copy of a template, if their folder has one. */
  private userFile(relativePath: string): string | undefined {
    if (this.userDir === undefined) return undefined;
    const root = resolve(this.userDir);
    const candidate = resolve(root, relativePath);
    // A template name never leads outside the user's folder.
    return candidate.startsWith(root + sep) && existsSync(candidate) ? candidate : undefined;
  }

  /** The text of one template: the user's copy when there is one, otherwise the embedded one. */
  read(relativePath: string): string {
    const userFile = this.userFile(relativePath);
    if (userFile !== undefined) return readFileSync(userFile, "utf8");
    const embedded = EMBEDDED_TEMPLATES[relativePath];
    if (embedded === undefined) throw new TemplateError(`template not found: ${relativePath}`);
    return embedded;
  }

  /** Renders a template (path relative to templates/, e.g. `python/pyproject.toml.eta`) with data. */
  render(relativePath: string, data: Record<string, unknown>): string {
    return this.eta.render(`/${relativePath}`, data);
  }
}

/**
 * Syntax errors (EtaError) and errors thrown by template code alike are the template's fault. A syntax error's
 * message ends in the compiled function, which tells the user nothing: only what precedes it is kept.
 */
function templateError(relativePath: string, error: unknown): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const reason = (message.split(/\n=+\n/)[0] ?? message).replace(/\s+/g, " ").trim();
  return new TemplateError(`template ${relativePath}: ${reason}`, { cause: error });
}
