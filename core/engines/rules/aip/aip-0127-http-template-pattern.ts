/**
 * AIP-127: the path template of an HTTP URI variable bound to a resource
 * reference matches one of the resource's patterns (api-linter
 * core::0127::http-template-pattern). The resource is looked up as api-linter
 * does, among the method's file and its direct imports.
 */

import type { FieldDescriptorProto } from "@bufbuild/protobuf/wkt";
import { resourceReference } from "../../../model/descriptors/google-api-options.js";
import type { IndexedMessage } from "../../../model/descriptors/type-index.js";
import { uriVariables } from "./http-uri.js";
import { defineMethodRule, type MethodView } from "./method-rules.js";
import { findResource } from "./resources.js";

export default defineMethodRule({
  aip: 127,
  name: "http-template-pattern",
  description: "The path template of an HTTP URI variable that names a resource matches one of the resource's patterns.",
  rationale: "A template that matches no pattern of the resource routes requests for names the resource cannot have.",
  lint: (m) => {
    for (const rule of m.http) {
      for (const [fieldPath, template] of uriVariables(rule)) {
        const ref = resourceReference(fieldByPath(m, m.input, fieldPath)?.options);
        // A child_type reference may have several parents: api-linter does not check those.
        if (ref?.childType !== "") continue;
        const res = findResource(ref.type, m.file, m.types);
        const regex = res && templateRegex(template);
        if (res && regex && !res.pattern.some((p) => regex.test(p)))
          return { message: `The HTTP pattern "${template}" does not match any of the patterns for resource "${ref.type}"`, at: "http" };
      }
    }
    return undefined;
  },
});

/** utils.FindFieldDotNotation: `book.name` is field `name` of the message of field `book`. */
function fieldByPath(m: MethodView, msg: IndexedMessage, path: string): FieldDescriptorProto | undefined {
  const segs = path.split(".");
  let current = msg;
  for (const [i, seg] of segs.entries()) {
    const field = current.proto.field.find((f) => f.name === seg);
    if (!field) return undefined;
    const next = field.typeName ? m.types.message(field.typeName) : undefined;
    if (next && i !== segs.length - 1) {
      current = next;
      continue;
    }
    return field;
  }
  return undefined;
}

/** `**` is any number of segments, `*` one; the rest of the template is a regular expression as in Go (RE2). */
function templateRegex(template: string): RegExp | undefined {
  const source = template.replace(/\*\*|\*/g, (t) => (t === "**" ? "(([^/]+/)*[^/]+)?" : "[^/]+"));
  try {
    return new RegExp(`^${source}$`);
  } catch {
    return undefined;
  }
}
