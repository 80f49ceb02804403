/** AIP-151: methods returning an LRO declare google.longrunning.operation_info (api-linter core::0151::operation-info). */
import { isLro } from "./lro-rules.js";
import { defineMethodRule } from "./method-rules.js";

export default defineMethodRule({
  aip: 151,
  name: "operation-info",
  description: "Methods returning `google.longrunning.Operation` declare `google.longrunning.operation_info`.",
  rationale: "Without operation_info, clients cannot know what the operation resolves to, and generated LRO helpers are untyped.",
  only: isLro,
  lint: (m) =>
    m.operationInfo ? undefined : { message: "Methods returning an LRO must include the operation_info annotation.", at: "method" },
});
