/**
 * State shared by the comparison of one pair of images: both registries, their
 * source indexes, the options, and the list of changes found so far. Every
 * comparison function reports through `emit`, so positions, package and the
 * default classification are filled in one place.
 */
import type { AnyDesc, FileRegistry } from "@bufbuild/protobuf";
import type { ApiChange, Classification, DiffOptions, SourcePosition } from "./api-diff.js";
import { CHANGE_RULES, type ChangeRuleId } from "./classification.js";
import { commitTag } from "./commit-tags.js";
import type { Subject } from "./phrases.js";
import { SourceIndex } from "./source-index.js";

export interface Side {
  registry: FileRegistry;
  sources: SourceIndex;
  pathOf: (imageFileName: string) => string;
}

/** An element and, optionally, a sub-path below it (an option of it) to point at. */
export type Where = AnyDesc | { desc: AnyDesc; suffix: readonly number[] } | SourcePosition;

export interface Emitted {
  aspect?: string;
  before?: string;
  after?: string;
  /** Overrides the rule's default (options are classified per option). */
  classification?: Classification;
  message: string;
  old?: Where | undefined;
  new?: Where | undefined;
}

export class DiffContext {
  readonly changes: ApiChange[] = [];
  /** The elements each change was found on, for `// protogov:allow-breaking` comments. */
  readonly anchors = new Map<ApiChange, { old: AnyDesc | undefined; new: AnyDesc | undefined }>();
  readonly old: Side;
  readonly new: Side;

  constructor(
    before: FileRegistry,
    after: FileRegistry,
    readonly opts: DiffOptions,
  ) {
    const identity = (name: string) => name;
    const newPath = opts.pathOf ?? identity;
    const oldPath = opts.oldPathOf ?? newPath;
    this.old = { registry: before, sources: new SourceIndex(oldPath), pathOf: oldPath };
    this.new = { registry: after, sources: new SourceIndex(newPath), pathOf: newPath };
  }

  emit(rule: ChangeRuleId, kind: ApiChange["kind"], subject: Subject, e: Emitted): void {
    const classification = e.classification ?? this.opts.ruleClassifications?.[rule] ?? CHANGE_RULES[rule].classification;
    const change: ApiChange = {
      rule,
      kind,
      element: subject.element,
      name: subject.name,
      classification,
      tag: commitTag(rule, kind, classification),
      package: subject.package,
      message: e.message,
    };
    if (e.aspect !== undefined) change.aspect = e.aspect;
    if (e.before !== undefined) change.before = e.before;
    if (e.after !== undefined) change.after = e.after;
    const oldPos = e.old && this.position(this.old, e.old);
    const newPos = e.new && this.position(this.new, e.new);
    if (oldPos) change.old = oldPos;
    if (newPos) change.new = newPos;
    this.changes.push(change);
    this.anchors.set(change, { old: descOf(e.old), new: descOf(e.new) });
  }

  private position(side: Side, where: Where): SourcePosition | undefined {
    if ("line" in where) return where;
    if ("suffix" in where) return side.sources.position(where.desc, where.suffix);
    return side.sources.position(where);
  }
}

function descOf(where: Where | undefined): AnyDesc | undefined {
  if (!where || "line" in where) return undefined;
  return "suffix" in where ? where.desc : where;
}
