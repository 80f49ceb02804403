/** AIP-135: Delete methods return google.protobuf.Empty or the resource, or an LRO of one (api-linter core::0135::response-message-name). */
import { defineMethodRule, isOperation } from "./method-rules.js";
import { isStandardMethod } from "./standard-methods.js";

export default defineMethodRule({
  aip: 135,
  name: "response-message-name",
  description: "Delete methods return `google.protobuf.Empty` (or the resource, for soft delete), directly or as an LRO's response type.",
  rationale: "A Delete that returns something else hides the standard method's shape from clients and tooling.",
  only: (m) => isStandardMethod("Delete", m),
  lint: (m) => {
    const want = new Set([m.name.replace("Delete", ""), "google.protobuf.Empty"]);
    if (isOperation(m.output)) {
      const got = m.operationInfo?.responseType ?? "";
      if (got === "" || want.has(got)) return undefined;
      return { message: `Delete RPCs should have response message type of Empty or the resource, not "${got}".`, at: "operation-info" };
    }
    // api-linter compares Empty and Operation by full name, anything else by its simple name.
    const simple = m.output.proto.name;
    const got = simple === "Empty" || simple === "Operation" ? m.output.fullName : simple;
    if (want.has(got)) return undefined;
    return { message: `Delete RPCs should have response message type of Empty or the resource, not "${got}".`, at: "response" };
  },
});
