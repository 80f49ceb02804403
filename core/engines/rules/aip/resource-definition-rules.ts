/**
 * AIP-123 rules on the file's `google.api.resource_definition`s, each finding
 * at its option statement (api-linter core::0123::resource-definition-pattern,
 * resource-definition-type-name, resource-definition-variables).
 */
import type { FileDescriptorProto } from "@bufbuild/protobuf/wkt";
import { type ResourceDescriptor, resourceDefinitions } from "../../../model/descriptors/google-api-options.js";
import { FilePath } from "../../../model/descriptors/source-paths.js";
import type { GovernanceRule } from "../rule.js";
import { defineAipRule } from "./aip-rule.js";

/** FileOptions, google.api.resource_definition (repeated: the statement's index follows). */
const RESOURCE_DEFINITION = 1053;

export function defineResourceDefinitionRule(spec: {
  name: string;
  description: string;
  rationale: string;
  lint(r: ResourceDescriptor, file: FileDescriptorProto): string | undefined;
}): GovernanceRule {
  return defineAipRule({
    aip: 123,
    name: spec.name,
    description: spec.description,
    rationale: spec.rationale,
    check(file, problem) {
      for (const [i, r] of resourceDefinitions(file.options).entries()) {
        const message = spec.lint(r, file);
        if (message) problem({ path: [FilePath.options, RESOURCE_DEFINITION, i] }, message);
      }
    },
  });
}
