/** AIP-191 file rules: the file's package statement and options, where api-linter points their findings. */
import type { FileDescriptorProto } from "@bufbuild/protobuf/wkt";
import { FilePath } from "../../../model/descriptors/source-paths.js";
import type { FileContext, GovernanceRule } from "../rule.js";
import { defineAipRule, type FileAt } from "./aip-rule.js";

/** FileOptions field numbers (locations.File<Option>). */
export const FileOption = { javaPackage: 1, csharpNamespace: 37, phpNamespace: 41, rubyPackage: 45 } as const;

export const PACKAGE_STATEMENT: FileAt = { path: [FilePath.package] };
export const optionStatement = (no: number): FileAt => ({ path: [FilePath.options, no] });

export function hasPackage(file: FileDescriptorProto): boolean {
  return file.package !== "";
}

/** The file's name without directories. */
export function baseName(file: FileDescriptorProto): string {
  return file.name.slice(file.name.lastIndexOf("/") + 1);
}

export function defineFileRule(spec: {
  name: string;
  description: string;
  rationale: string;
  needsTypes?: boolean;
  /** Returns the problem (where, message), or undefined. */
  lint(file: FileDescriptorProto, ctx: FileContext): { at: FileAt; message: string } | undefined;
}): GovernanceRule {
  return defineAipRule({
    aip: 191,
    name: spec.name,
    description: spec.description,
    rationale: spec.rationale,
    ...(spec.needsTypes ? { needsTypes: true } : {}),
    check(file, problem, ctx) {
      const found = spec.lint(file, ctx);
      if (found) problem(found.at, found.message);
    },
  });
}

/** The service names of a file must not differ only in case from a namespace segment (packagingServiceNameEquals). */
export function serviceCaseMismatch(file: FileDescriptorProto, ns: string, delim: string): string | undefined {
  const segments = ns.split(delim);
  for (const s of file.service) {
    if (segments.some((seg) => seg.toLowerCase() === s.name.toLowerCase() && seg !== s.name)) return s.name;
  }
  return undefined;
}

const MAYBE_VERSION = /^[vV][0-9]+([a-zA-Z]+[0-9]*)*$/;

/** PHP and Ruby namespaces: UpperCamelCase segments, versions as `V1beta1`. */
export function upperCamelNamespace(ns: string, delim: string, upperCamel: (s: string) => string): string {
  return ns
    .split(delim)
    .map((seg) => (MAYBE_VERSION.test(seg) ? seg.slice(0, 1).toUpperCase() + seg.slice(1).toLowerCase() : upperCamel(seg)))
    .join(delim);
}
