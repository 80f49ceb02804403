/** AIP-131: the `name` field of a Get request is REQUIRED (api-linter core::0131::request-name-behavior). */
import { requestFieldBehaviorRule } from "./request-fields.js";

export default requestFieldBehaviorRule(131, "Get", "name");
