/** AIP-151 checks on methods returning google.longrunning.Operation, shared by the rule files. */
import { defineMethodRule, isOperation, type MethodView } from "./method-rules.js";

export function isLro(m: MethodView): boolean {
  return isOperation(m.output);
}

const EMPTY = new Set(["Empty", "google.protobuf.Empty"]);

/** lro-response-type / lro-metadata-type: operation_info names the type, and not Empty. */
export function lroTypeRule(which: "response" | "metadata") {
  return defineMethodRule({
    aip: 151,
    name: `lro-${which}-type`,
    description: `Methods returning an LRO set operation_info.${which}_type, to a message of their own rather than Empty.`,
    rationale: "Clients unpack the operation's result and metadata by these names; Empty leaves no room to grow.",
    only: (m) => isLro(m) && m.operationInfo !== undefined,
    lint: (m) => {
      const t = (which === "response" ? m.operationInfo?.responseType : m.operationInfo?.metadataType) ?? "";
      if (t === "") return { message: `Methods returning an LRO must set the ${which} type.`, at: "operation-info" };
      // A Delete's LRO may well resolve to Empty.
      if (which === "response" && /^(Batch)?Delete/.test(m.name)) return undefined;
      if (EMPTY.has(t))
        return { message: "Methods returning an LRO should create a blank message rather than using Empty.", at: "operation-info" };
      return undefined;
    },
  });
}
