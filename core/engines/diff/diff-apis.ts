/**
 * The API diff engine: every added, removed and changed element between two
 * descriptor sets, classified (classification.ts) and positioned in the old
 * and new source. Pure: registries in, changes out, no IO.
 *
 * Order of work and why:
 * 1. Files to compare: by default those that are not imports on either side.
 * 2. Files whose FileDescriptorProto bytes are identical are skipped whole:
 *    on a large tree with a small edit, almost every file is, and that keeps
 *    the diff near linear in the size of what changed (plus one encode of each
 *    file).
 * 3. Top-level types are matched by full name across all compared files, so a
 *    type that moves to another file is one "moved" change, not a removal and
 *    an addition; their members are compared recursively.
 * 4. Packages, the error catalog, then accepted breaks.
 */
import {
  type DescEnum,
  type DescExtension,
  type DescFile,
  type DescMessage,
  type DescService,
  type FileRegistry,
  toBinary,
} from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import { isImportFile } from "../compile/image-extension.js";
import { applyAcceptance } from "./accept-breaks.js";
import type { ApiChange, DiffOptions } from "./api-diff.js";
import { DiffContext } from "./context.js";
import { diffEnum } from "./diff-enum.js";
import { diffField } from "./diff-field.js";
import { diffFile, diffPackages } from "./diff-file.js";
import { diffMessage, emitAdded, emitRemoved, typeSubject } from "./diff-message.js";
import { diffService } from "./diff-service.js";
import { diffErrorCatalog } from "./error-catalog-diff.js";
import { movedLine } from "./phrases.js";

export function diffApis(before: FileRegistry, after: FileRegistry, opts: DiffOptions = {}): ApiChange[] {
  const ctx = new DiffContext(before, after, opts);
  const selected = opts.files ?? defaultSelection(before, after);
  const names = new Set<string>();
  for (const f of before.files) if (selected(f.proto.name)) names.add(f.proto.name);
  for (const f of after.files) if (selected(f.proto.name)) names.add(f.proto.name);

  const oldFiles: DescFile[] = [];
  const newFiles: DescFile[] = [];
  for (const name of names) {
    const o = before.getFile(name);
    const n = after.getFile(name);
    if (o && n && sameFile(o, n)) continue;
    if (o) oldFiles.push(o);
    if (n) newFiles.push(n);
    diffFile(ctx, name, o, n);
  }
  diffPackages(ctx, oldFiles, newFiles);
  diffTypes(ctx, oldFiles, newFiles);
  diffErrorCatalog(ctx, oldFiles, newFiles);
  applyAcceptance(ctx);
  return ctx.changes;
}

function defaultSelection(before: FileRegistry, after: FileRegistry): (name: string) => boolean {
  const own = new Set<string>();
  for (const registry of [before, after]) {
    for (const f of registry.files) if (!isImportFile(f)) own.add(f.proto.name);
  }
  return (name) => own.has(name);
}

function sameFile(o: DescFile, n: DescFile): boolean {
  const a = toBinary(FileDescriptorProtoSchema, o.proto);
  const b = toBinary(FileDescriptorProtoSchema, n.proto);
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

type TopLevel = DescMessage | DescEnum | DescService | DescExtension;

function diffTypes(ctx: DiffContext, oldFiles: readonly DescFile[], newFiles: readonly DescFile[]): void {
  const { old, new: now } = { old: ctx.old.registry, new: ctx.new.registry };
  const kinds = [
    { element: "message", of: (f: DescFile) => f.messages, get: (r: FileRegistry, n: string) => r.getMessage(n) },
    { element: "enum", of: (f: DescFile) => f.enums, get: (r: FileRegistry, n: string) => r.getEnum(n) },
    { element: "service", of: (f: DescFile) => f.services, get: (r: FileRegistry, n: string) => r.getService(n) },
    { element: "extension", of: (f: DescFile) => f.extensions, get: (r: FileRegistry, n: string) => r.getExtension(n) },
  ] as const;
  for (const kind of kinds) {
    const names = new Set<string>();
    for (const f of oldFiles) for (const t of kind.of(f)) names.add(t.typeName);
    for (const f of newFiles) for (const t of kind.of(f)) names.add(t.typeName);
    for (const name of names) {
      const b: TopLevel | undefined = kind.get(old, name);
      const a: TopLevel | undefined = kind.get(now, name);
      const upper = kind.element.toUpperCase() as "MESSAGE" | "ENUM" | "SERVICE" | "EXTENSION";
      if (b && a) {
        const s = typeSubject(kind.element, a);
        if (b.file.proto.name !== a.file.proto.name) {
          const [from, to] = [ctx.old.pathOf(b.file.proto.name), ctx.new.pathOf(a.file.proto.name)];
          ctx.emit(`${upper}_MOVED`, "changed", s, {
            aspect: "file",
            before: from,
            after: to,
            message: movedLine(s, from, to),
            old: b,
            new: a,
          });
        }
        diffPair(ctx, b, a);
      } else if (b) {
        emitRemoved(ctx, `${upper}_REMOVED`, typeSubject(kind.element, b), b);
      } else if (a) {
        emitAdded(ctx, `${upper}_ADDED`, typeSubject(kind.element, a), a);
      }
    }
  }
}

function diffPair(ctx: DiffContext, b: TopLevel, a: TopLevel): void {
  if (b.kind === "message" && a.kind === "message") diffMessage(ctx, typeSubject("message", a), b, a);
  else if (b.kind === "enum" && a.kind === "enum") diffEnum(ctx, typeSubject("enum", a), b, a);
  else if (b.kind === "service" && a.kind === "service") diffService(ctx, typeSubject("service", a), b, a);
  else if (b.kind === "extension" && a.kind === "extension") diffField(ctx, typeSubject("extension", a), b, a);
}
