/**
 * AIP-191's PHP, Ruby and C# namespace checks (one shape, three languages):
 * allowed characters, UpperCamelCase segments, and service names in the same
 * case as a namespace segment that spells them.
 */
import type { FileDescriptorProto } from "@bufbuild/protobuf/wkt";
import type { GovernanceRule } from "../rule.js";
import { defineFileRule, optionStatement, serviceCaseMismatch } from "./file-rules.js";

export function defineNamespaceRule(spec: {
  name: string;
  language: string;
  option: string;
  optionNumber: number;
  delim: string;
  validChars: RegExp;
  charsText: string;
  value(file: FileDescriptorProto): string;
  want(ns: string): string;
}): GovernanceRule {
  return defineFileRule({
    name: spec.name,
    description: `\`option ${spec.option}\` uses only ${spec.charsText}, UpperCamelCase segments, and the case of the service names.`,
    rationale: `The namespace becomes ${spec.language} code; other casings clash with the language's conventions and with other APIs.`,
    lint: (file) => {
      const ns = spec.value(file);
      if (ns === "") return undefined;
      const at = optionStatement(spec.optionNumber);
      if (!spec.validChars.test(ns))
        return { at, message: `Invalid characters: ${spec.language} namespaces only allow ${spec.charsText}.` };
      if (spec.want(ns) !== ns) return { at, message: `${spec.language} namespaces use UpperCamelCase.` };
      const service = serviceCaseMismatch(file, ns, spec.delim);
      if (service) return { at, message: `Case of ${spec.language} namespace and service name "${service}" must match.` };
      return undefined;
    },
  });
}
