/** AIP-132: a List request's `parent` references the listed resource by `child_type` (api-linter core::0132::resource-reference-type). */

import { listResourceMessage, parentReferenceTypeRule } from "./resource-reference-rules.js";
import { resourceOf } from "./resources.js";
import { isStandardMethod } from "./standard-methods.js";

export default parentReferenceTypeRule({
  aip: 132,
  kind: "List",
  noun: "paginated",
  resource: (m) => (isStandardMethod("List", m) ? resourceOf(listResourceMessage(m)) : undefined),
});
