/**
 * Deliberate breaks. A breaking change is accepted by a config entry
 * (rule + element name) or by a comment in the new tree:
 *
 *     // protogov:allow-breaking FIELD_REMOVED the field was never served
 *
 * on the changed element or on any element around it (for a removed field: the
 * message it was removed from, then its parents, then the file's package or
 * syntax statement). RULE is a rule id of CHANGE_RULES or `*`. An accepted
 * change stays in the diff, with its reason: the break still happens to
 * consumers, so it still counts for the semver bump (see semver.ts).
 */
import type { AnyDesc, DescFile } from "@bufbuild/protobuf";
import { allowedByComment, nameMatches, ruleMatches } from "../breaking/allow.js";
import type { DiffContext } from "./context.js";
import { fileOf, SOURCE_PATH } from "./source-index.js";
import type { AcceptedBreak, ApiChange } from "./types.js";

export function applyAcceptance(ctx: DiffContext): void {
  for (const change of ctx.changes) {
    if (change.classification !== "breaking") continue;
    const byConfig = (ctx.opts.accept ?? []).find((a) => matches(a, change));
    if (byConfig) {
      change.accepted = { reason: byConfig.reason, via: "config" };
      continue;
    }
    const anchor = ctx.anchors.get(change);
    const start = anchor?.new ?? sameFileInNewTree(ctx, anchor?.old);
    const reason = start && findDirective(ctx, start, change.rule);
    if (reason !== undefined) change.accepted = { reason, via: "comment" };
  }
}

function matches(a: AcceptedBreak, change: ApiChange): boolean {
  return ruleMatches(a.rule, change.rule) && nameMatches(a.name, change.name, change.message);
}

/** For a removed top-level element: the file of the same name in the new tree, if it still exists. */
function sameFileInNewTree(ctx: DiffContext, old: AnyDesc | undefined): DescFile | undefined {
  return old && ctx.new.registry.getFile(fileOf(old).proto.name);
}

function findDirective(ctx: DiffContext, start: AnyDesc, rule: string): string | undefined {
  const sources = ctx.new.sources;
  for (let desc: AnyDesc | undefined = start; desc; desc = parentOf(desc)) {
    const texts: string[] = [];
    if (desc.kind === "file") {
      for (const field of [SOURCE_PATH.file.package, SOURCE_PATH.file.syntax]) {
        const loc = sources.location(desc, [field]);
        if (loc) texts.push(loc.leadingComments ?? "", loc.trailingComments ?? "", ...loc.leadingDetachedComments);
      }
    } else {
      const c = sources.comments(desc);
      texts.push(c.leading, c.trailing);
    }
    const reason = allowedByComment(texts, rule);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

function parentOf(desc: AnyDesc): AnyDesc | undefined {
  switch (desc.kind) {
    case "file":
      return undefined;
    case "field":
    case "oneof":
    case "enum_value":
    case "rpc":
      return desc.parent;
    case "service":
      return desc.file;
    default:
      return desc.parent ?? desc.file;
  }
}
