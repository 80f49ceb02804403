/** AIP-191: the package matches the directory (api-linter core::0191::proto-package). */
import { defineFileRule, PACKAGE_STATEMENT } from "./file-rules.js";

export default defineFileRule({
  name: "proto-package",
  description: "The file's directory is its package with dots as slashes (files at the root excepted).",
  rationale: "Generators and readers find a package's files by its path; a mismatch breaks imports in several languages.",
  lint: (file) => {
    const slash = file.name.lastIndexOf("/");
    const dir = slash < 0 ? "." : file.name.slice(0, slash);
    return dir !== "." && dir !== file.package.replaceAll(".", "/")
      ? {
          at: PACKAGE_STATEMENT,
          message: "Proto package and directory structure mismatch: The proto package must match the proto directory structure.",
        }
      : undefined;
  },
});
