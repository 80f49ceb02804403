/**
 * File-level changes: a file added or removed, its package, syntax or edition,
 * imports, file options and the comments on its package statement; and which
 * packages appear or disappear with the compared files.
 */
import type { DescFile } from "@bufbuild/protobuf";
import { diffCommon } from "./common.js";
import type { DiffContext, Where } from "./context.js";
import { addedLine, changedLine, removedLine, subjects } from "./phrases.js";
import { SOURCE_PATH } from "./source-index.js";

export function diffFile(ctx: DiffContext, name: string, o: DescFile | undefined, n: DescFile | undefined): void {
  const pkg = (n ?? o)?.proto.package ?? "";
  const s = subjects.file(name, pkg);
  if (!o && n) {
    ctx.emit("FILE_ADDED", "added", s, { message: addedLine(s), new: n });
    return;
  }
  if (o && !n) {
    ctx.emit("FILE_REMOVED", "removed", { ...s, package: o.proto.package }, { message: removedLine(s), old: o });
    return;
  }
  if (!o || !n) return;
  const change = (rule: "FILE_PACKAGE_CHANGED" | "FILE_SYNTAX_CHANGED", aspect: string, before: string, after: string) => {
    if (before !== after)
      ctx.emit(rule, "changed", s, { aspect, before, after, message: changedLine(s, aspect, before, after), old: o, new: n });
  };
  change("FILE_PACKAGE_CHANGED", "package", o.proto.package, n.proto.package);
  change("FILE_SYNTAX_CHANGED", "syntax", syntax(o), syntax(n));
  const importsBefore = new Set(o.proto.dependency);
  const importsAfter = new Set(n.proto.dependency);
  for (const dep of importsBefore) {
    if (importsAfter.has(dep)) continue;
    ctx.emit("FILE_IMPORT_REMOVED", "changed", s, {
      aspect: "import",
      before: dep,
      message: `File \`${name}\` no longer imports \`${dep}\`.`,
      old: o,
      new: n,
    });
  }
  for (const dep of importsAfter) {
    if (importsBefore.has(dep)) continue;
    ctx.emit("FILE_IMPORT_ADDED", "changed", s, {
      aspect: "import",
      after: dep,
      message: `File \`${name}\` now imports \`${dep}\`.`,
      new: n,
    });
  }
  diffCommon(ctx, s, o, n);
}

function syntax(f: DescFile): string {
  const text = f.proto.syntax || "proto2";
  return text === "editions" ? `edition ${f.proto.edition}` : text;
}

/**
 * A package is added when compared files of the new tree declare it and no file
 * of the old tree did, and removed the other way round; looking at every file
 * of the other tree keeps a narrowed (incremental) comparison from reporting a
 * package that merely lives on in files it did not compare.
 */
export function diffPackages(ctx: DiffContext, oldFiles: readonly DescFile[], newFiles: readonly DescFile[]): void {
  const packagesOf = (files: Iterable<DescFile>) => new Set([...files].map((f) => f.proto.package));
  const comparedOld = packagesOf(oldFiles);
  const comparedNew = packagesOf(newFiles);
  const allOld = ctx.opts.packages?.before ?? packagesOf(ctx.old.registry.files);
  const allNew = ctx.opts.packages?.after ?? packagesOf(ctx.new.registry.files);
  for (const p of comparedOld) {
    if (allNew.has(p)) continue;
    const s = subjects.package(p);
    ctx.emit("PACKAGE_REMOVED", "removed", s, { message: removedLine(s), old: packageStatement(p, oldFiles) });
  }
  for (const p of comparedNew) {
    if (allOld.has(p)) continue;
    const s = subjects.package(p);
    ctx.emit("PACKAGE_ADDED", "added", s, { message: addedLine(s), new: packageStatement(p, newFiles) });
  }
}

/** The package statement of the first compared file that declares the package. */
function packageStatement(pkg: string, files: readonly DescFile[]): Where | undefined {
  const file = files.find((f) => f.proto.package === pkg);
  return file && { desc: file, suffix: [SOURCE_PATH.file.package] };
}
