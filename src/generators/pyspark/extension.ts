/**
 * What PySpark adds to the Python SDK's package (language.ts, `extend`): `<package>/spark.py` with one ViewSpec
 * per node view and `register_all`, the Spark runtime vendored as `<package>/_spark/` (templates/pyspark/runtime,
 * beside the Python runtime `_runtime/` it imports), a `spark` extra and the README's Spark section.
 *
 * pyspark is an extra, not a dependency: a Databricks cluster brings its own Spark, which a pip-installed pyspark
 * would shadow; locally, `pip install '<package>[spark]'` brings it.
 */
import { embeddedTemplateNames, TemplateSet } from "../../emit/templates.ts";
import type { SdkPlan } from "../../plan/sdk-plan.ts";
import type { ExtendedView, GeneratedFile, GeneratorConfig, PackageExtension } from "../generator.ts";
import { sparkModule } from "./spark-module.ts";
import { planViewSpecs, type ViewSpecPlan } from "./view-specs.ts";

const RUNTIME_TEMPLATES = "pyspark/runtime/";

export function sparkExtension(config: GeneratorConfig): PackageExtension {
  const templates = new TemplateSet(config.templateDir);
  const layout = { lineLength: config.lineLength, indent: " ".repeat(config.indent) };
  return {
    modules: ["spark", "_spark"],
    vendored: ["_spark"],
    extras: [
      {
        name: "spark",
        comment: "The Spark data sources (`<package>.spark`), where Spark is not installed already.",
        requirements: ["pyspark>=4.1", "pyarrow>=15"],
      },
    ],
    contribute(sdk: SdkPlan, views: readonly ExtendedView[]) {
      const { specs, warnings } = planViewSpecs(sdk, views);
      const models = sdk.model.modules.map(({ dataModel }) => `${dataModel.space}:${dataModel.externalId}/${dataModel.version}`);
      const common = {
        package: config.topLevelPackage,
        models: `${models.length === 1 ? "data model" : "data models"} ${models.join(", ")}`,
      };
      const module = sparkModule(specs, layout);
      const spark = templates.render("pyspark/spark.py.eta", {
        ...common,
        ...module,
        pygenVersion: config.pygenVersion,
        indent: layout.indent,
        example: specs[0]?.name,
        specImport: `from ._spark import ${specs.some((spec) => spec.columns.length > 0) ? "PropertySpec, " : ""}ViewSpec`,
      });
      const readme = templates.render("pyspark/readme_section.md.eta", {
        ...common,
        // A wheel's file name spells the distribution with underscores (PEP 427).
        wheel: config.topLevelPackage.replaceAll(".", "_"),
        views: specs.map((spec) => ({ id: idText(spec), name: spec.name, filters: spec.filterKeys.map((key) => `\`${key}\``).join(", ") })),
        example: config.examples ? readmeExample(specs) : undefined,
        renamed: specs.flatMap((spec) =>
          spec.columns
            .filter((column) => column.column !== column.identifier)
            .map((column) => ({ view: spec.irClass.view.externalId, identifier: column.identifier, column: column.column })),
        ),
        skipped: warnings.filter((warning) => warning.code === "DATA_SOURCE_SKIPPED"),
      });
      const files: GeneratedFile[] = [{ path: "spark.py", content: spark }, ...runtimeFiles(templates)];
      return { files, warnings, readme: readme.replace(/\n+$/, "") };
    },
  };
}

function idText(spec: ViewSpecPlan): string {
  const { view } = spec.irClass;
  return `${view.space}:${view.externalId}/${view.version}`;
}

/** The README's example: the first view with a property, one of its columns and, if it has one, a prefix filter. */
function readmeExample(specs: readonly ViewSpecPlan[]): { name: string; column: string; filter: string } | undefined {
  const spec = specs.find((candidate) => candidate.columns.length > 0);
  const column = spec?.columns[0];
  if (spec === undefined || column === undefined) return undefined;
  const key = spec.filterKeys.find((filterKey) => filterKey.endsWith("_prefix"));
  return { name: spec.name, column: column.column, filter: key === undefined ? "" : `${key} => 'a'` };
}

function runtimeFiles(templates: TemplateSet): GeneratedFile[] {
  return embeddedTemplateNames()
    .filter((name) => name.startsWith(RUNTIME_TEMPLATES) && name.endsWith(".py"))
    .map((name) => ({ path: `_spark/${name.slice(RUNTIME_TEMPLATES.length)}`, content: templates.read(name) }));
}
