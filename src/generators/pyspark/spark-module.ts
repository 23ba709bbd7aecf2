/**
 * `<package>/spark.py`: one `ViewSpec` per node view, the tuple of them and `register_all`, laid out as ruff
 * format leaves it. The module holds nothing but literals (names, identifiers, kinds), so its layout needs only one
 * rule: a bracket on one line when it fits, else one item per line with a trailing comma, which ruff keeps.
 */
import type { Layout } from "../../emit/code-writer.ts";
import type { ColumnSpec, ViewSpecPlan } from "./view-specs.ts";

/** What spark.py's template receives, each a block of lines already laid out. */
export interface SparkModule {
  specs: string[];
  views: string;
  all: string;
}

/** CDF identifiers, spaces and versions hold no quotes or backslashes; JSON's escapes are Python's for the rest. */
const literal = (text: string) => JSON.stringify(text);

export function sparkModule(specs: readonly ViewSpecPlan[], layout: Layout): SparkModule {
  const constants = specs.map((spec) => spec.constant);
  return {
    specs: specs.map((spec) => viewSpec(spec, layout).join("\n")),
    views: bracket("VIEWS: tuple[ViewSpec, ...] = (", tuple(constants), ")", "", layout).join("\n"),
    all: bracket("__all__ = [", ["VIEWS", ...constants, "register_all"].map(literal), "]", "", layout).join("\n"),
  };
}

/** A one-element tuple keeps its comma (ruff does not read that comma as a request to explode it). */
function tuple(items: readonly string[]): string[] {
  return items.length === 1 ? [`${items[0]},`] : [...items];
}

function viewSpec(spec: ViewSpecPlan, layout: Layout): string[] {
  const { view } = spec.irClass;
  const indent = layout.indent;
  const keywords = [
    `name=${literal(spec.name)}`,
    `space=${literal(view.space)}`,
    `external_id=${literal(view.externalId)}`,
    `version=${literal(view.version)}`,
  ];
  // PropertySpec calls sit two levels deep: in `properties=(`, in `ViewSpec(`.
  const propertyLines = spec.columns
    .flatMap((column) => bracket("PropertySpec(", propertyArguments(column), "),", indent.repeat(2), layout))
    .map((line) => `${indent}${line}`);
  // A one-element tuple's comma is no request to explode it: ruff joins it when it fits, as it joins any bracket.
  const joined = `properties=(${propertyLines.map((line) => line.trim()).join(" ")}),`;
  const fits = propertyLines.length === 1 && indent.length + joined.length <= layout.lineLength;
  const properties = spec.columns.length === 0 ? ["properties=(),"] : fits ? [joined] : ["properties=(", ...propertyLines, "),"];
  const filterKeys = bracket("filter_keys=(", tuple(spec.filterKeys.map(literal)), "),", indent, layout);
  const nodeType =
    spec.nodeType === undefined ? [] : [`node_type=(${literal(spec.nodeType.space)}, ${literal(spec.nodeType.externalId)}),`];
  const body = [...keywords.map((keyword) => `${keyword},`), ...properties, ...(spec.filterKeys.length > 0 ? filterKeys : []), ...nodeType];
  return [`${spec.constant} = ViewSpec(`, ...body.map((line) => `${indent}${line}`), ")"];
}

function propertyArguments(column: ColumnSpec): string[] {
  return [
    literal(column.identifier),
    literal(column.kind),
    ...(column.field === column.identifier ? [] : [`field=${literal(column.field)}`]),
    ...(column.isList ? ["is_list=True"] : []),
    ...(column.column === column.identifier ? [] : [`column=${literal(column.column)}`]),
  ];
}

/**
 * `head` items `tail` on one line when it fits at `prefix`, else each item on a line of its own with a trailing
 * comma (the items of a one-element tuple come with theirs). Lines are relative to `prefix`.
 */
function bracket(head: string, items: readonly string[], tail: string, prefix: string, layout: Layout): string[] {
  const flat = `${head}${items.join(", ")}${tail}`;
  if (prefix.length + flat.length <= layout.lineLength) return [flat];
  return [head, ...items.map((item) => `${layout.indent}${item.endsWith(",") ? item : `${item},`}`), tail];
}
