/** AIP-191: files set `java_multiple_files = true` (api-linter core::0191::java-multiple-files). */
import { defineFileRule, hasPackage, PACKAGE_STATEMENT } from "./file-rules.js";

export default defineFileRule({
  name: "java-multiple-files",
  description: "Files set `option java_multiple_files = true`.",
  rationale: "One Java class per message keeps generated code navigable and avoids giant outer classes.",
  lint: (file) =>
    hasPackage(file) && !file.package.endsWith(".master") && !file.options?.javaMultipleFiles
      ? { at: PACKAGE_STATEMENT, message: "Proto files must set `option java_multiple_files = true;`" }
      : undefined,
});
