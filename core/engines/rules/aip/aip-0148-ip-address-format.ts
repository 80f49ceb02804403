/** AIP-148: IP address fields declare an IP format (api-linter core::0148::ip-address-format). */
import { fieldFormat } from "../../../model/descriptors/google-api-options.js";
import { defineFieldRule } from "./field-rules.js";
import { FieldType } from "./message-rules.js";

const IP_FORMATS = new Set(["IPV4", "IPV6", "IPV4_OR_IPV6"]);

export default defineFieldRule({
  aip: 148,
  name: "ip-address-format",
  description: "String fields named `ip_address` or `*_ip_address` declare `(google.api.field_info).format` IPV4, IPV6 or IPV4_OR_IPV6.",
  rationale: "The format tells clients and validators which address family the field holds.",
  lint: (f) =>
    f.proto.type === FieldType.string &&
    (f.proto.name === "ip_address" || f.proto.name.endsWith("_ip_address")) &&
    !IP_FORMATS.has(fieldFormat(f.proto.options))
      ? "IP Address fields must specify one of the `(google.api.field_info).format` values `IPV4`, `IPV6`, or `IPV4_OR_IPV6`"
      : undefined,
});
