/** AIP-191: files set `java_outer_classname` after the file name (api-linter core::0191::java-outer-classname). */
import { baseName, defineFileRule, hasPackage, PACKAGE_STATEMENT } from "./file-rules.js";
import { strcaseUpperCamel } from "./strcase.js";

export default defineFileRule({
  name: "java-outer-classname",
  description:
    "Files set `option java_outer_classname` to the UpperCamelCase file name (`library_service.proto` is `LibraryServiceProto`).",
  rationale: "An explicit outer class name keeps Java class names stable when messages are added or renamed.",
  lint: (file) => {
    if (!hasPackage(file) || file.package.endsWith(".master")) return undefined;
    const want = strcaseUpperCamel(baseName(file).replaceAll(".", "_"));
    if ((file.options?.javaOuterClassname ?? "").toUpperCase() === want.toUpperCase()) return undefined;
    return { at: PACKAGE_STATEMENT, message: `Proto files should set \`option java_outer_classname = "${want}"\`.` };
  },
});
