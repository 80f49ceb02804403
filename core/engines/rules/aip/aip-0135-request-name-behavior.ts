/** AIP-135: the `name` field of a Delete request is REQUIRED (api-linter core::0135::request-name-behavior). */
import { requestFieldBehaviorRule } from "./request-fields.js";

export default requestFieldBehaviorRule(135, "Delete", "name");
