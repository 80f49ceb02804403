/** AIP-191: files of one package share their language options (api-linter core::0191::file-option-consistency). */
import type { FileOptions } from "@bufbuild/protobuf/wkt";
import { defineFileRule, hasPackage, PACKAGE_STATEMENT } from "./file-rules.js";

const CONSISTENT: ((o: FileOptions | undefined) => string)[] = [
  (o) => o?.csharpNamespace ?? "",
  (o) => o?.goPackage ?? "",
  (o) => o?.javaPackage ?? "",
  (o) => String(o?.javaMultipleFiles ?? false),
  (o) => o?.phpClassPrefix ?? "",
  (o) => o?.phpMetadataNamespace ?? "",
  (o) => o?.phpNamespace ?? "",
  (o) => o?.objcClassPrefix ?? "",
  (o) => o?.rubyPackage ?? "",
  (o) => o?.swiftPrefix ?? "",
];

export default defineFileRule({
  name: "file-option-consistency",
  description:
    "A file's language options (java_package, go_package, csharp_namespace, ...) equal those of the same-package files it imports.",
  rationale: "Files of one package generate into one module per language; differing options split it.",
  needsTypes: true,
  lint: (file, ctx) => {
    if (!hasPackage(file)) return undefined;
    for (const dep of file.dependency) {
      const d = ctx.types.file(dep);
      if (!d || d.pkg !== file.package) continue;
      // api-linter complains on this file, though either may be the wrong one.
      if (CONSISTENT.some((value) => value(file.options) !== value(d.options)))
        return { at: PACKAGE_STATEMENT, message: "Language options should be consistent throughout the package." };
    }
    return undefined;
  },
});
