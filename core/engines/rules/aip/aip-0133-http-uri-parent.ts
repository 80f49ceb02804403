/** AIP-133: a Create of a resource with a parent has exactly one URI variable, `parent` (api-linter core::0133::http-uri-parent). */

import { uriVariables } from "./http-uri.js";
import { defineMethodRule } from "./method-rules.js";
import { hasParent, resourceOf } from "./resources.js";
import { lintUriVariable } from "./standard-method-lints.js";
import { isStandardMethod } from "./standard-methods.js";

export default defineMethodRule({
  aip: 133,
  name: "http-uri-parent",
  description: "Create methods of a resource with a parent put `parent` in the HTTP URI, and no other variable.",
  rationale: "The collection a resource is created in is named by its parent; the resource's own name does not exist yet.",
  only: (m) => {
    // operation_info's response type if the method has one (even when not an LRO), else the output.
    const res = m.operationInfo ? m.types.findInOption(m.operationInfo.responseType, m.pkg) : m.output;
    return res !== undefined && isStandardMethod("Create", m) && hasParent(resourceOf(res));
  },
  lint: (m) => {
    const missing = lintUriVariable(m, "parent");
    if (missing) return missing;
    const count = Math.max(0, ...m.http.map((r) => uriVariables(r).size));
    return count === 1 ? undefined : { message: "HTTP URI should contain 1 variable.", at: "http" };
  },
});
