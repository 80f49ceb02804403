/**
 * AIP-132: List requests of resources that can be undeleted have
 * `show_deleted` (api-linter core::0132::request-show-deleted-required). A
 * resource can be undeleted when an `Undelete<Resource>` method is declared in
 * the file or its same-package imports; the resource is the message type of
 * the `List<X>Response` field named after X.
 */
import type { ServiceDescriptorProto } from "@bufbuild/protobuf/wkt";
import type { TypeIndex } from "../../../model/descriptors/type-index.js";
import { defineMessageRule } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";
import { simpleName } from "./standard-methods.js";
import { snakeCase } from "./strcase.js";

export default defineMessageRule({
  aip: 132,
  name: "request-show-deleted-required",
  description: "List requests of resources with an `Undelete` method have a `bool show_deleted` field.",
  rationale: "Soft-deleted resources stay listable only through `show_deleted`; without it clients cannot find what to undelete.",
  needsTypes: true,
  only: (m) => isRequestMessage("List", m),
  lint: (c) => {
    if (c.field("show_deleted")) return;
    const plural = c.proto.name.replace(/Request$/, "").replace(/^List/, "");
    const response = c.types.findInOption(`List${plural}Response`, c.file.package);
    const paged = response?.proto.field.find((f) => f.name === snakeCase(plural));
    if (!paged?.typeName || !c.types.message(paged.typeName)) return;
    const undelete = `Undelete${simpleName(paged.typeName)}`;
    if (services(c.file, c.types).some((s) => s.method.some((m) => m.name === undelete)))
      c.problem(c.message, "List requests for resources supporting soft delete must have a `bool show_deleted` field.", []);
  },
});

/** utils.getServices: the file's services and those of its same-package imports, recursively. */
function services(file: { package: string; service: readonly ServiceDescriptorProto[]; dependency: readonly string[] }, types: TypeIndex) {
  const out = [...file.service];
  for (const dep of file.dependency) {
    const f = types.file(dep);
    if (f && f.pkg === file.package) out.push(...services({ package: f.pkg, service: f.services, dependency: f.dependency }, types));
  }
  return out;
}
