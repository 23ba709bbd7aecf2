/**
 * The Python SDK generator: a named IR → the files of an installable package (DESIGN.md §4), laid out as
 *
 *   pyproject.toml, README.md
 *   <package>/__init__.py, py.typed, _client.py, _query.py, _runtime/ (vendored), data_classes/, _api/
 *
 * or, with flat_structure, the views' modules directly in <package>/, or, with single_file, all generated code in
 * <package>/_sdk.py (package-layout.ts).
 *
 * Each file kind has a template under templates/python/ (a user's template directory overrides them one by
 * one); the code inside comes from the fragment builders next to this file, already formatted as ruff formats it.
 */

import { embeddedTemplateNames, TemplateSet } from "../../emit/templates.ts";
import { CLASS_NAME_SLOTS } from "../../ir/naming.ts";
import type { IRClass, IRModel, IRModule } from "../../ir/types.ts";
import type { SdkPlan } from "../../plan/sdk-plan.ts";
import {
  checkConfig,
  type GeneratedFile,
  type GeneratorConfig,
  type GeneratorOutput,
  type GeneratorWarning,
  type LanguageGenerator,
  type PackageExtension,
} from "../generator.ts";
import { type ApiDocs, apiModule } from "./api-module.ts";
import { dataClassModule } from "./data-class-module.ts";
import { ImportSet } from "./imports.ts";
import { type ClassBases, FLAT, planBases } from "./inheritance.ts";
import { pythonReservation } from "./keywords.ts";
import { bracketed, type Layout, PythonWriter, pythonString } from "./layout.ts";
import { checkPythonConfig } from "./options.ts";
import { flatLayout, NESTED, type PackageLayout, SINGLE, SINGLE_MODULE } from "./package-layout.ts";
import { queryModule, stepRenames } from "./query-module.ts";
import { type PythonFormat, pythonFormat } from "./template-format.ts";
import { UniqueNames } from "./unique-names.ts";
import { indexClasses, planView, type ViewPlan } from "./view-plan.ts";

const RUNTIME_TEMPLATES = "python/runtime/";

/** `space:externalId/version`, how pygen v1 and CDF's tools write view and data model ids in prose. */
function idText(id: { space: string; externalId: string; version: string }): string {
  return `${id.space}:${id.externalId}/${id.version}`;
}
/** Version of the generated distribution; the model version is recorded as `__model_version__`. */
const PACKAGE_VERSION = "0.1.0";

/** What a plain Python SDK adds: nothing. */
const NO_EXTENSION: PackageExtension = {
  modules: [],
  vendored: [],
  extras: [],
  contribute: () => ({ files: [], warnings: [], readme: "" }),
};

/** Names the package root exports besides the generated classes: what a user needs to connect and to name instances. */
const CONNECT_EXPORTS = ["ClientConfig", "EdgeId", "NodeId", "OAuthClientCredentials", "Token"];

export class PythonGenerator implements LanguageGenerator {
  private readonly config: GeneratorConfig;
  private readonly layout: Layout;
  /** The string builder's helpers templates call as `it.fmt`. */
  private readonly format: PythonFormat;
  private readonly templates: TemplateSet;

  /** `extension`: what a language built on this SDK adds to its package (language.ts, `extend`). */
  constructor(
    config: GeneratorConfig,
    private readonly extension: PackageExtension = NO_EXTENSION,
  ) {
    this.config = checkConfig(config);
    checkPythonConfig(config);
    this.layout = { lineLength: config.lineLength, indent: " ".repeat(config.indent) };
    this.format = pythonFormat(this.layout);
    this.templates = new TemplateSet(config.templateDir);
  }

  /** Generated code is emitted formatted; this only normalises line endings and the final newline. */
  private formatCode(code: string): string {
    // A plain search first: the generated text is large and almost never holds a carriage return.
    const unix = code.includes("\r") ? code.replace(/\r\n?/g, "\n") : code;
    return unix.endsWith("\n") || unix === "" ? unix : `${unix}\n`;
  }

  generate(sdk: SdkPlan): GeneratorOutput {
    const { model } = sdk;
    const { plans, bases, warnings } = this.plan(sdk);
    const modules = this.config.singleFile ? SINGLE : this.config.flatStructure ? flatLayout(plans, this.extension.modules) : NESTED;
    const extended = this.extension.contribute(
      sdk,
      plans.map((plan) => ({ classId: plan.irClass.id, kind: plan.kind, keywordFilters: plan.filters.map((filter) => filter.name) })),
    );
    // The README lists what is left out, by the validator and here; a renamed part is generated. The extension's
    // README section says what it leaves out.
    const skipped = [...(model.leftOut ?? []), ...warnings.filter((warning) => warning.code !== "RENAMED")];
    const files = [
      ...this.packageFiles(model, plans, modules, skipped, extended.readme),
      ...extended.files.map(({ path, content }) => this.file(`${this.packageDir}/${path}`, content)),
      ...(modules.single
        ? [this.singleModule(model, plans, bases, modules)]
        : plans.flatMap((plan) => this.classFiles(model, plan, bases, modules))),
      ...this.runtimeFiles(),
    ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const classes = plans.reduce((count, plan) => count + (plan.writable ? 2 : 1) + edgeClassNames(plan).length, 0);
    return { files, warnings: [...warnings, ...stepRenames(plans), ...extended.warnings], classes };
  }

  // ── Planning ──────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Every view, planned in IR order: node views as node classes with an API, edge views as edge classes; and
   * which of them each one's classes extend.
   */
  private plan(sdk: SdkPlan): { plans: ViewPlan[]; bases: Map<string, ClassBases>; warnings: GeneratorWarning[] } {
    const warnings: GeneratorWarning[] = [];
    const { classes: irClasses } = sdk.model;
    const names = new UniqueNames(
      irClasses.flatMap((irClass) => CLASS_NAME_SLOTS.map((slot) => irClass.names[slot])),
      (name) => pythonReservation(name, "type") !== undefined,
    );
    for (const reserved of [this.config.clientName, ...CONNECT_EXPORTS]) names.claim(reserved);
    const classes = indexClasses(irClasses, names, warnings);
    const plans = sdk.views.map((view) => planView(view, names, classes, warnings));
    return { plans, bases: planBases(plans), warnings };
  }

  // ── Files ─────────────────────────────────────────────────────────────────────────────────────────────────

  private file(path: string, content: string): GeneratedFile {
    return { path, content: this.formatCode(content) };
  }

  /** Where the package lives: `movie_domain/client` for a dotted (nested) `movie_domain.client`. */
  private get packageDir(): string {
    return this.config.topLevelPackage.replaceAll(".", "/");
  }

  /** The packages a dotted name nests the SDK in (`movie_domain/`), each made a package by an empty `__init__.py`. */
  private parentPackageFiles(): GeneratedFile[] {
    const parts = this.config.topLevelPackage.split(".");
    return parts.slice(0, -1).map((_, index) => this.file(`${parts.slice(0, index + 1).join("/")}/__init__.py`, ""));
  }

  /** Every template gets the string builder as `fmt` and `docstrings` (false: the user turned docstrings off). */
  private render(template: string, data: Record<string, unknown>): string {
    return this.templates.render(`python/${template}`, { fmt: this.format, docstrings: this.config.docstrings, ...data });
  }

  /** The data classes of a view, and the API of a node view (edges are reached through their nodes). */
  private classFiles(model: IRModel, plan: ViewPlan, bases: ReadonlyMap<string, ClassBases>, modules: PackageLayout): GeneratedFile[] {
    const view = idText(plan.irClass.view);
    const relocate = modules.relocate(plan);
    const dataClasses = dataClassModule(plan, bases.get(plan.irClass.id) ?? FLAT, this.config, this.layout, relocate);
    const files = [
      this.file(`${this.packageDir}/${modules.dataClassFile(plan)}.py`, this.renderModule("data_class.py.eta", view, dataClasses)),
    ];
    if (plan.kind === "edge") return files;
    const extended = [...bases.values()].some((classBases) => classBases.read.includes(plan));
    return [
      ...files,
      this.file(
        `${this.packageDir}/${modules.apiFile(plan)}.py`,
        this.renderModule("api.py.eta", view, apiModule(plan, this.layout, extended, relocate, this.apiDocs(model, plan))),
      ),
    ];
  }

  /**
   * single_file: `_sdk.py`, the code of every module the other layouts write, in an order Python can run: data
   * classes with their bases before them, then the select() steps, the APIs and the client. References between
   * views are bound at its end, as data_classes/__init__.py binds them. Each module's body is rendered by the
   * template that renders it in the other layouts, so template overrides reach it too.
   */
  private singleModule(model: IRModel, plans: ViewPlan[], bases: ReadonlyMap<string, ClassBases>, modules: PackageLayout): GeneratedFile {
    const nodePlans = plans.filter((plan) => plan.kind === "node");
    const relocate = modules.relocateFromRoot;
    const extended = new Set([...bases.values()].flatMap((classBases) => classBases.read));
    const body = (partial: string, module: { importSet: ImportSet }) => ({
      importSet: module.importSet,
      body: this.render(partial, module).replace(/\n+$/, ""),
    });
    const fragments: { importSet: ImportSet; body: string }[] = [
      ...basesFirst(plans, bases).map((plan) =>
        body(
          "_data_class_body.eta",
          dataClassModule(plan, bases.get(plan.irClass.id) ?? FLAT, this.config, this.layout, modules.relocate(plan)),
        ),
      ),
      body("_query_body.eta", queryModule(plans, this.layout, modules.dataClassesFromRoot, relocate)),
      ...nodePlans.map((plan) =>
        body("_api_class.eta", apiModule(plan, this.layout, extended.has(plan), modules.relocate(plan), this.apiDocs(model, plan))),
      ),
      this.clientFragments(model, nodePlans, modules),
    ];
    const imports = new ImportSet();
    for (const { importSet } of fragments) imports.absorb(importSet);
    const call = resolveReferences(plans);
    if (call !== undefined) imports.add("local", "._runtime", "resolve_references");
    const joined = [...fragments.map(({ body }) => fragment(body)), ...(call === undefined ? [] : [call])].join("\n\n\n");
    const summary = `The generated code of the SDK, one module (single_file); the package root exports it.`;
    return this.file(
      `${this.packageDir}/${SINGLE_MODULE}.py`,
      this.render("module.py.eta", { summary, imports: lines(imports.render(this.layout)), body: joined }),
    );
  }

  /** A view's module: its template gets the module's data, the imports as lines, and the string builder as `fmt`. */
  private renderModule(template: string, view: string, module: { imports: string[] }): string {
    return this.render(template, { ...module, view, imports: lines(module.imports) });
  }

  private runtimeFiles(): GeneratedFile[] {
    return embeddedTemplateNames()
      .filter((name) => name.startsWith(RUNTIME_TEMPLATES) && name.endsWith(".py"))
      .map((name) => this.file(`${this.packageDir}/_runtime/${name.slice(RUNTIME_TEMPLATES.length)}`, this.templates.read(name)));
  }

  private packageFiles(
    model: IRModel,
    plans: ViewPlan[],
    modules: PackageLayout,
    skipped: { location: string; message: string }[],
    extensionReadme: string,
  ): GeneratedFile[] {
    const nodePlans = plans.filter((plan) => plan.kind === "node");
    const ids = model.modules.map((module) => idText(module.dataModel)).join(", ");
    const models = `${model.modules.length === 1 ? "data model" : "data models"} ${ids}`;
    const modelVersion = model.modules.map((module) => module.dataModel.version).join(", ");
    const dir = this.packageDir;
    const common = { models, pygenVersion: this.config.pygenVersion, clientName: this.config.clientName };
    return [
      this.file("pyproject.toml", this.render("pyproject.toml.eta", { ...common, ...this.packageIdentity() })),
      this.file(
        "README.md",
        this.render("README.md.eta", { ...common, ...this.readmeData(model, nodePlans, plans), skipped, extension: extensionReadme }),
      ),
      ...this.parentPackageFiles(),
      this.file(`${dir}/py.typed`, ""),
      this.file(`${dir}/__init__.py`, this.packageInit(plans, modules, modelVersion, models)),
      ...(modules.single
        ? []
        : [
            this.file(`${dir}/_client.py`, this.client(model, nodePlans, modules, models)),
            this.file(`${dir}/_query.py`, this.queryFile(plans, modules)),
          ]),
      ...(modules.flat
        ? []
        : [
            this.file(
              `${dir}/data_classes/__init__.py`,
              this.exports(
                plans.map((plan) => [`._${plan.irClass.names.fileName}`, this.dataClassExports(plan)]),
                "..",
                resolveReferences(plans),
              ),
            ),
            this.file(
              `${dir}/_api/__init__.py`,
              this.exports(nodePlans.map((plan) => [`.${plan.irClass.names.fileName}`, [plan.irClass.names.apiClassName]])),
            ),
          ]),
    ];
  }

  private queryFile(plans: ViewPlan[], modules: PackageLayout): string {
    const module = queryModule(plans, this.layout, modules.dataClassesFromRoot, modules.relocateFromRoot);
    return this.render("query.py.eta", { ...module, imports: lines(module.imports) });
  }

  private packageIdentity(): Record<string, unknown> {
    return {
      package: this.config.topLevelPackage,
      // setuptools finds the nested packages under the top one; the runtime is excluded by its path.
      topPackage: this.config.topLevelPackage.split(".")[0],
      packageDir: this.packageDir,
      distribution: this.config.topLevelPackage.replaceAll(/[._]/g, "-"),
      packageVersion: PACKAGE_VERSION,
      lineLength: this.config.lineLength,
      indent: this.config.indent,
      extras: this.extension.extras,
      vendored: ["_runtime", ...this.extension.vendored],
    };
  }

  /** What a view's API docstrings need; none when docstrings are turned off. */
  private apiDocs(model: IRModel, plan: ViewPlan): ApiDocs | undefined {
    return this.config.docstrings ? { attribute: clientAttribute(model, plan.irClass) } : undefined;
  }

  /** `plans` are the node views (one client attribute each); `all` adds the edge views. */
  private readmeData(model: IRModel, plans: ViewPlan[], all: ViewPlan[]): Record<string, unknown> {
    const views = plans.map(({ irClass }) => ({
      attribute: clientAttribute(model, irClass),
      description: tableCell(irClass.description ?? ""),
      read: irClass.names.className,
      write: irClass.writable ? irClass.names.writeClassName : undefined,
      id: idText(irClass.view),
    }));
    const first = views[0];
    return {
      package: this.config.topLevelPackage,
      defaultSpace: this.config.defaultSpace,
      views,
      connections: all.some((plan) => plan.connections.size > 0),
      edgeClasses: all.flatMap((plan) => (plan.kind === "edge" ? [plan.irClass.names.className] : (plan.edgeClass?.read ?? []))),
      example: this.config.examples && first ? { attribute: first.attribute, write: first.write !== undefined } : undefined,
    };
  }

  private dataClassExports(plan: ViewPlan): string[] {
    const { names } = plan.irClass;
    if (plan.kind === "edge") {
      const classes = [names.className, plan.filtersClass, ...plan.enumAliases.values()];
      return [plan.viewConstant, ...classes, ...(plan.writable ? [names.writeClassName] : [])];
    }
    return [
      plan.viewConstant,
      names.className,
      names.listClassName,
      plan.fieldAlias,
      plan.filtersClass,
      ...plan.enumAliases.values(),
      ...(plan.hasSearch ? [plan.textFieldAlias] : []),
      ...(plan.writable ? [names.writeClassName, names.writeListClassName] : []),
      ...edgeClassNames(plan),
    ];
  }

  /**
   * `from .module import names` per entry, then `__all__`, then `call` (a runtime function called with the
   * module's names, imported from the runtime `up` from here); the form of data_classes/ and _api/ `__init__.py`.
   */
  private exports(entries: [string, string[]][], up = "..", call?: string): string {
    const imports = new ImportSet();
    for (const [module, names] of entries) imports.add("local", module, ...names);
    if (call !== undefined) imports.add("local", `${up}_runtime`, call.slice(0, call.indexOf("(")));
    return this.render("exports.py.eta", {
      imports: lines(imports.render(this.layout)),
      all: this.allList(entries.flatMap(([, names]) => names)),
      call,
    });
  }

  private allList(names: string[]): string {
    // Code-point order: the same on every machine, whatever its locale.
    const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(pythonString);
    return lines(bracketed("__all__ = [", sorted, "]", 0, this.layout));
  }

  /**
   * The package root: the client, what connecting takes, and the data classes — the read and write classes, or,
   * in the flat layout (which has no data_classes/ to offer the rest), every data class name, bound to each other
   * here once all are loaded.
   */
  private packageInit(plans: ViewPlan[], modules: PackageLayout, modelVersion: string, models: string): string {
    const exported = (plan: ViewPlan) =>
      modules.flat
        ? this.dataClassExports(plan)
        : [
            plan.irClass.names.className,
            ...(plan.kind === "node" ? [plan.irClass.names.listClassName] : []),
            ...(plan.writable ? [plan.irClass.names.writeClassName] : []),
            ...(plan.writable && plan.kind === "node" ? [plan.irClass.names.writeListClassName] : []),
            ...edgeClassNames(plan),
          ];
    const imports = new ImportSet()
      .add("local", modules.clientFromRoot, this.config.clientName)
      .add("local", "._runtime", ...CONNECT_EXPORTS);
    for (const plan of plans) imports.add("local", modules.dataClassesFromRoot(plan), ...exported(plan));
    // single_file binds the references in _sdk.py, where the classes are.
    const call = modules.flat && !modules.single ? resolveReferences(plans) : undefined;
    if (call !== undefined) imports.add("local", "._runtime", "resolve_references");
    return this.render("package_init.py.eta", {
      models,
      pygenVersion: this.config.pygenVersion,
      modelVersion,
      generatedAt: this.config.generatedAt,
      imports: lines(imports.render(this.layout)),
      all: this.allList([this.config.clientName, ...CONNECT_EXPORTS, ...plans.flatMap(exported)]),
      call,
    });
  }

  /**
   * `_client.py`: the client with one attribute per view API, or, for several data models, one `DataModelAPIs`
   * group per model (`client.<model>.<view>`; a view in several models is in each group). `models` names the
   * data models in prose (`data model X`), `ids` only gives their ids.
   */
  private client(model: IRModel, plans: ViewPlan[], modules: PackageLayout, models: string): string {
    const { imports, body } = this.clientFragments(model, plans, modules);
    return this.render("client.py.eta", {
      clientName: this.config.clientName,
      models,
      grouped: model.modules.length > 1,
      imports: lines(imports),
      body: fragment(body),
    });
  }

  private clientFragments(model: IRModel, plans: ViewPlan[], modules: PackageLayout): ClientModule {
    const ids = model.modules.map((module) => idText(module.dataModel)).join(", ");
    const imports = new ImportSet(modules.relocateFromRoot).add("local", "._runtime", "BaseClient", "DataModelId");
    const { defaultSpace, clientName } = this.config;
    const apis = (members: ViewPlan[]) => members.map(({ irClass: { names } }) => [names.clientAttribute, names.apiClassName] as const);
    for (const plan of plans) imports.add("local", modules.apiFromRoot(plan), plan.irClass.names.apiClassName);
    const writer = new PythonWriter(this.layout);
    const grouped = model.modules.length > 1;
    if (grouped) imports.add("local", "._runtime", "DataModelAPIs");
    for (const module of grouped ? model.modules : []) {
      const members = new Set(module.classes);
      writer.line(`class ${module.names.moduleClassName}(DataModelAPIs):`).indented((group) => {
        this.docstring(group, `The views of data model ${idText(module.dataModel)}.`).line();
        this.dataModelLine(group, module);
        this.connectApis(group, apis(plans.filter((plan) => members.has(plan.irClass.id))));
      });
      writer.line().line();
    }
    writer.line(`class ${clientName}(BaseClient):`).indented((body) => {
      this.docstring(body, `Typed access to ${ids}. Built from a config, arguments, or CDF_* variables.`).line();
      if (defaultSpace !== undefined) body.line(`default_space = ${pythonString(defaultSpace)}`);
      // GraphQL queries go to the first data model unless a call names another.
      const [first] = model.modules;
      if (first !== undefined) this.dataModelLine(body, first);
      const groups = model.modules.map(({ names }) => [names.moduleAttribute, names.moduleClassName] as const);
      // BaseClient.__init__ (config, arguments or environment) calls this: its signature is not repeated here.
      this.connectApis(body, grouped ? groups : apis(plans));
    });
    return { imports: imports.render(this.layout), body: writer.toString(), importSet: imports };
  }

  /** A class docstring at the writer's depth, through the `_docstring.eta` macro a user may override. */
  private docstring(writer: PythonWriter, text: string): PythonWriter {
    const depth = writer.prefix.length / this.layout.indent.length;
    return writer.verbatim(this.render("_docstring.eta", { text, depth }));
  }

  private dataModelLine(writer: PythonWriter, module: IRModule): void {
    const { space, externalId, version } = module.dataModel;
    writer.bracketed("_data_model = DataModelId(", [space, externalId, version].map(pythonString), ")");
  }

  /** `_connect_apis`, which sets one attribute per API class, each built from the owner's instances and space. */
  private connectApis(writer: PythonWriter, attributes: readonly (readonly [string, string])[]): void {
    if (attributes.length === 0) return;
    writer
      .line()
      .line("def _connect_apis(self) -> None:")
      .indented((connect) => {
        for (const [attribute, apiClassName] of attributes) {
          const target = `self.${attribute} = `;
          const call = (writer: PythonWriter, head: string) =>
            writer.bracketed(`${head}${apiClassName}(`, ["self._instances", "self.default_space"], ")");
          if (connect.prefix.length + target.length + apiClassName.length + 1 <= this.layout.lineLength) call(connect, target);
          // As ruff does when even the start of the line is too long: the value goes in parentheses.
          else
            connect
              .line(`${target}(`)
              .indented((value) => call(value, ""))
              .line(")");
        }
      });
  }
}

/** The client's module: still built as a string (a template per concern for it is the next step). */
interface ClientModule {
  imports: string[];
  body: string;
  /** The run-time imports as a set, for single_file's one module. */
  importSet: ImportSet;
}

/** Lines as one fragment; templates put fragments on lines of their own, so fragments end without a newline. */
function lines(texts: readonly string[]): string {
  return texts.join("\n");
}

function fragment(code: string): string {
  return code.replace(/\n+$/, "");
}

/**
 * Generated modules name each other's classes for type checkers only: the module that imports all of them binds
 * the names once all are loaded (data_classes/__init__.py, or the package root in the flat layout).
 */
function resolveReferences(plans: readonly ViewPlan[]): string | undefined {
  return plans.some((plan) => plan.connections.size > 0 || plan.kind === "edge") ? "resolve_references(globals())" : undefined;
}

/** The plans in IR order, except that a view's bases come before it: one module defines them in this order. */
function basesFirst(plans: readonly ViewPlan[], bases: ReadonlyMap<string, ClassBases>): ViewPlan[] {
  const ordered = new Set<ViewPlan>();
  const visit = (plan: ViewPlan) => {
    if (ordered.has(plan)) return;
    const classBases = bases.get(plan.irClass.id);
    // Inheritance has no cycles (the IR cuts them), so this ends.
    for (const base of [...(classBases?.read ?? []), ...(classBases?.write ?? [])]) visit(base);
    ordered.add(plan);
  };
  for (const plan of plans) visit(plan);
  return [...ordered];
}

/** The edge classes of a view used for nodes and edges, beside its node classes. */
function edgeClassNames(plan: ViewPlan): string[] {
  const { read, write } = plan.edgeClass ?? {};
  return [read, write].filter((name) => name !== undefined);
}

/** The path from the client to a view's API; with several data models, in the group of the first model that has it. */
function clientAttribute(model: IRModel, irClass: IRClass): string {
  if (model.modules.length === 1) return irClass.names.clientAttribute;
  const group = model.modules.find((module) => module.classes.includes(irClass.id))?.names.moduleAttribute;
  return `${group}.${irClass.names.clientAttribute}`;
}

/** Text for a Markdown table cell: one line, its pipes escaped. */
function tableCell(text: string): string {
  return text.trim().replace(/\s+/g, " ").replaceAll("|", "\\|");
}
