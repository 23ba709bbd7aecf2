/**
 * The TypeScript SDK of a plan: an npm package of `.js` + `.d.ts` module pairs (one per view, the client, the
 * index), the runtime compiled into `_runtime/`, package.json and a README written for the model
 * (templates/typescript/README.md explains the shape), and `select.d.ts`, the schema select() is typed by. The code
 * is emitted already in Biome's format; the parts users customise come from eta partials (partials.ts).
 */
import type { SdkPlan, ViewDecisions } from "../../plan/sdk-plan.ts";
import type { GeneratedFile, GeneratorConfig, GeneratorOutput, LanguageGenerator } from "../generator.ts";
import { clientDeclarations, clientImplementation } from "./client-module.ts";
import { modelIds, packageJson, readmeData } from "./package-files.ts";
import { TypescriptPartials } from "./partials.ts";
import { RUNTIME_FILES, RUNTIME_FOLDER, selfTypes } from "./runtime.ts";
import { RUNTIME_MODULE, type SdkNames, SELECT_MODULE } from "./sdk-names.ts";
import { selectDeclarations, selectImplementation } from "./select-module.ts";
import { byCode, joinBlocks, viewDeclarations, viewMetadata } from "./view-module.ts";

export class TypescriptGenerator implements LanguageGenerator {
  private readonly partials: TypescriptPartials;

  constructor(private readonly config: GeneratorConfig) {
    this.partials = new TypescriptPartials(config.templateDir);
  }

  generate(plan: SdkPlan): GeneratorOutput {
    const byId = new Map(plan.views.map((view) => [view.irClass.id, view]));
    const { partials } = this;
    const names: SdkNames = {
      view: (classId) => byId.get(classId),
      docstrings: this.config.docstrings,
      children: (classId) => plan.views.filter((view) => view.kind === "node" && view.irClass.parents.includes(classId)),
      metaName: (classId) => `${(byId.get(classId)?.irClass.names.fileName ?? "view").toUpperCase()}_META`,
      viewDoc: (view) =>
        this.config.docstrings
          ? partials.lines("_view_doc.eta", {
              text: view.irClass.description,
              view: view.irClass.view,
              className: view.irClass.names.className,
            })
          : [],
    };
    const { pygenVersion, generatedAt } = this.config;
    const header = (module: string, view?: ViewDecisions) =>
      partials.lines("_header.eta", { pygenVersion, generatedAt, module, view: view?.irClass.view });
    const files: GeneratedFile[] = [];
    for (const view of plan.views) {
      const file = view.irClass.names.fileName;
      files.push({ path: `${file}.d.ts`, content: viewDeclarations(view, names, header(`${file}.d.ts`, view)) });
      files.push({ path: `${file}.js`, content: viewMetadata(view, names, header(`${file}.js`, view)) });
    }
    const nodeViews = plan.views.filter((view) => view.kind === "node");
    const module = plan.model.modules[0];
    const model = module?.dataModel ?? { space: this.config.defaultSpace ?? "default", externalId: "Model", version: "1" };
    const context = {
      config: this.config,
      names,
      views: nodeViews,
      model,
      modelIds: modelIds(plan),
      defaultSpace: this.config.defaultSpace ?? model.space,
      header,
      partials,
    };
    files.push({ path: "select.d.ts", content: selectDeclarations(nodeViews, names, header("select.d.ts")) });
    files.push({ path: "select.js", content: selectImplementation(header("select.js")) });
    files.push({ path: "client.d.ts", content: clientDeclarations(context) });
    files.push({ path: "client.js", content: clientImplementation(context) });
    for (const path of ["index.d.ts", "index.js"]) files.push({ path, content: indexModule(plan.views, header(path)) });
    const modules = new Set(files.map((file) => file.path));
    for (const file of files) file.content = `${selfTypes(file.path, modules)}${file.content}`;
    for (const [name, content] of Object.entries(RUNTIME_FILES)) files.push({ path: `${RUNTIME_FOLDER}/${name}`, content });
    files.push({ path: "package.json", content: packageJson(this.config, plan) });
    files.push({ path: "README.md", content: partials.file("README.md.eta", readmeData(this.config, plan, nodeViews, names)) });
    const warnings = plan.views.flatMap((view) => view.warnings);
    const classes = plan.views.reduce((count, view) => count + (view.writable ? 2 : 1), 0);
    return { files, warnings, classes };
  }
}

/** The package's entry: the runtime (filters, errors, config), the client and every view's types and metadata. */
function indexModule(views: readonly ViewDecisions[], header: string[]): string {
  const modules = [RUNTIME_MODULE, "./client.js", SELECT_MODULE, ...views.map((view) => `./${view.irClass.names.fileName}.js`)];
  return joinBlocks([header, modules.sort(byCode).map((module) => `export * from "${module}";`)]);
}
