/** AIP-191: files set java_package, mirroring the proto package (api-linter core::0191::java-package). */
import { FilePath } from "../../../model/descriptors/source-paths.js";
import { defineAipRule } from "./aip-rule.js";

/** FileOptions.java_package. */
const JAVA_PACKAGE = 1;

export default defineAipRule({
  aip: 191,
  name: "java-package",
  description: "Files set `option java_package`, ending with the proto package.",
  rationale: "Without it Java stubs land in the proto package's name, which clashes across organisations.",
  check(file, problem) {
    const pkg = file.package;
    if (!pkg || pkg.endsWith(".master")) return;
    const javaPkg = file.options?.javaPackage ?? "";
    if (javaPkg === "") problem({ path: [FilePath.package] }, "Proto files must set `option java_package`.");
    else if (!javaPkg.endsWith(pkg))
      problem({ path: [FilePath.options, JAVA_PACKAGE] }, "The Java Package should mirror the proto package.");
  },
});
