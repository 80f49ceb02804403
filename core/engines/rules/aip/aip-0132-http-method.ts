/** AIP-132: List methods use HTTP GET (api-linter core::0132::http-method). */
import { httpVerbRule } from "./standard-method-lints.js";

export default httpVerbRule(132, "List", "GET");
