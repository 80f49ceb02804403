/**
 * AIP-123: a resource type is defined once, by one message or one
 * `google.api.resource_definition`, across the file and everything it imports
 * (api-linter core::0123::duplicate-resource). Each definition in the file is
 * reported, at its annotation.
 */

import type { DescriptorProto } from "@bufbuild/protobuf/wkt";
import { resource, resourceDefinitions } from "../../../model/descriptors/google-api-options.js";
import { FilePath } from "../../../model/descriptors/source-paths.js";
import { defineAipRule } from "./aip-rule.js";
import { elements } from "./elements.js";
import { RESOURCE_OPTION } from "./resource-rules.js";

/** FileOptions, google.api.resource_definition. */
const RESOURCE_DEFINITION = 1053;

export default defineAipRule({
  aip: 123,
  name: "duplicate-resource",
  description: "A resource type is defined once (one message or one `google.api.resource_definition`) across a file and its imports.",
  rationale: "Two definitions of one type disagree sooner or later, and generators pick either.",
  needsTypes: true,
  check(file, problem, ctx) {
    // Types defined in the file: how often, and where each definition is reported.
    const here = new Map<string, (() => void)[]>();
    const add = (type: string, report: () => void) => {
      if (type !== "") here.set(type, [...(here.get(type) ?? []), report]);
    };
    for (const [i, r] of resourceDefinitions(file.options).entries())
      add(r.type, () => problem({ path: [FilePath.options, RESOURCE_DEFINITION, i] }, `Multiple definitions for resource "${r.type}".`));
    for (const e of elements(file)) {
      if (e.kind !== "message") continue;
      const type = resource(e.proto.options)?.type ?? "";
      add(type, () => problem(e, `Multiple definitions for resource "${type}".`, RESOURCE_OPTION));
    }
    if (here.size === 0) return;
    const elsewhere = new Set<string>();
    for (const dep of ctx.types.dependencies(file)) {
      const f = dep === file.name ? undefined : ctx.types.file(dep);
      if (!f) continue;
      for (const r of resourceDefinitions(f.options)) elsewhere.add(r.type);
      const walk = (m: DescriptorProto): void => {
        elsewhere.add(resource(m.options)?.type ?? "");
        m.nestedType.forEach(walk);
      };
      f.messages.forEach(walk);
    }
    for (const [type, reports] of here) if (reports.length > 1 || elsewhere.has(type)) for (const r of reports) r();
  },
});
