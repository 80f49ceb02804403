/** AIP-133: a Create request's `parent` references the created resource by `child_type` (api-linter core::0133::resource-reference-type). */
import { responseType } from "./method-rules.js";
import { parentReferenceTypeRule } from "./resource-reference-rules.js";
import { resourceOf } from "./resources.js";
import { isStandard } from "./standard-methods.js";

export default parentReferenceTypeRule({
  aip: 133,
  kind: "Create",
  noun: "created",
  resource: (m) => (isStandard("Create", m.name) ? resourceOf(responseType(m)) : undefined),
});
