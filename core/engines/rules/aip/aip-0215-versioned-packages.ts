/** AIP-215: API packages end in a version (api-linter core::0215::versioned-packages). */
import { FilePath } from "../../../model/descriptors/source-paths.js";
import { defineAipRule } from "./aip-rule.js";

const COMMON = ["google.api", "google.protobuf", "google.rpc", "google.longrunning"];
const VERSION = /\.v[\d]+(p[\d]+)?(alpha|beta|eap|test)?[\d]*/;

export default defineAipRule({
  aip: 215,
  name: "versioned-packages",
  description: "API components live in versioned packages (`acme.users.v1`).",
  rationale: "A version in the package lets two versions of an API live side by side and tells clients which one they use.",
  check(file, problem) {
    const pkg = file.package;
    if (!pkg || COMMON.some((p) => pkg.startsWith(p))) return;
    const segments = pkg.split(".");
    if (segments.some((s) => s === "type" || s.endsWith("master") || s.endsWith("main"))) return;
    if (!VERSION.test(pkg)) problem({ path: [FilePath.package] }, "API components should be in versioned packages.");
  },
});
