/**
 * AIP-151 lro-metadata-reachable / lro-response-reachable: a bare type name in
 * an LRO's operation_info is a message of the method's package declared in the
 * method's file or a file it imports, directly or not (api-linter builds a
 * registry of utils.GetAllDependencies; qualified names are not checked).
 */
import type { OperationInfo } from "../../../model/descriptors/google-api-options.js";
import type { GovernanceRule } from "../rule.js";
import { defineMethodRule, isOperation } from "./method-rules.js";

export function lroReachableRule(name: string, what: string, typeOf: (info: OperationInfo) => string): GovernanceRule {
  return defineMethodRule({
    aip: 151,
    name,
    description: `The ${what} type named in \`google.longrunning.operation_info\` is declared in the method's file or a file it imports.`,
    rationale: "Generated clients resolve the LRO's types from the method's imports; a type they cannot see breaks code generation.",
    only: (m) => isOperation(m.output) && m.operationInfo !== undefined,
    lint: (m) => {
      const type = m.operationInfo ? typeOf(m.operationInfo) : "";
      if (type === "" || type.includes(".")) return undefined;
      const full = m.pkg ? `${m.pkg}.${type}` : type;
      const found = m.types.message(full);
      if (found && m.types.dependencies(m.file).has(found.file)) return undefined;
      return { message: `Message "${full}" must be defined in the same file, or a file imported by this file.`, at: "operation-info" };
    },
  });
}
