/**
 * What the rules collect while they run: issues, and the changes the filtered model needs (views and properties
 * to drop, implements links to cut). Every change goes with an issue; `drop` and `cut` take the issue to make
 * that impossible to forget.
 */
import type { ValidationIssue } from "../ir/issues.ts";
import { type ViewIdentifier, viewKey } from "../ir/model-index.ts";

export interface ImplementsCut {
  view: string;
  parent: string;
}

export class Findings {
  readonly issues: ValidationIssue[] = [];
  readonly droppedViews = new Set<string>();
  /** Property identifiers to drop, by view key. */
  readonly droppedProperties = new Map<string, Set<string>>();
  readonly cutImplements: ImplementsCut[] = [];

  report(issue: ValidationIssue): void {
    this.issues.push(issue);
  }

  dropView(view: ViewIdentifier, issue: ValidationIssue): void {
    this.droppedViews.add(viewKey(view));
    this.report(issue);
  }

  dropProperty(view: ViewIdentifier, property: string, issue: ValidationIssue): void {
    const key = viewKey(view);
    const properties = this.droppedProperties.get(key) ?? new Set<string>();
    properties.add(property);
    this.droppedProperties.set(key, properties);
    this.report(issue);
  }

  cut(view: ViewIdentifier, parent: ViewIdentifier, issue: ValidationIssue): void {
    this.cutImplements.push({ view: viewKey(view), parent: viewKey(parent) });
    this.report(issue);
  }

  isViewDropped(view: ViewIdentifier): boolean {
    return this.droppedViews.has(viewKey(view));
  }

  isPropertyDropped(view: ViewIdentifier, property: string): boolean {
    return this.droppedProperties.get(viewKey(view))?.has(property) ?? false;
  }
}
