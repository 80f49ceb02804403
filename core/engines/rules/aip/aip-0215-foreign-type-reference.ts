/** AIP-215: fields do not use message types of another API version or package (api-linter core::0215::foreign-type-reference). */
import { defineFieldRule } from "./field-rules.js";

/** FieldDescriptorProto.Type.TYPE_MESSAGE. */
const TYPE_MESSAGE = 11;
const VERSIONED_PREFIX = /^.*\.v\d+(p\d+)?(alpha|beta|eap|test)?\d*/;
const COMMON = ["google.api", "google.protobuf", "google.rpc", "google.longrunning"];

/** The package up to its version segment (`google.cloud.foo.v1.sub` is `google.cloud.foo.v1`). */
function normalized(pkg: string): string {
  return VERSIONED_PREFIX.exec(pkg)?.[0] || pkg;
}

export default defineFieldRule({
  aip: 215,
  name: "foreign-type-reference",
  description: "Fields use message types of their own API (version), of common protos or of `*.type` packages only.",
  rationale: "Types shared across API versions or packages couple their release cycles: one cannot change without the other.",
  needsTypes: true,
  lint: (f) => {
    if (f.proto.type !== TYPE_MESSAGE) return undefined;
    const cur = normalized(f.file.package);
    const msg = f.types.message(f.proto.typeName);
    if (cur === "" || !msg) return undefined;
    const their = normalized(msg.pkg);
    if (their === "" || COMMON.some((p) => msg.pkg.startsWith(p)) || their.endsWith(".type")) return undefined;
    return cur !== their ? `foreign type referenced, current field in "${cur}" message in "${their}"` : undefined;
  },
});
