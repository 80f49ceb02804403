/** AIP-135: Delete requests hold only name, force, allow_missing, etag, request_id, validate_only and views (api-linter core::0135::request-unknown-fields). */
import { requestUnknownFieldsRule } from "./request-fields.js";

const ALLOWED = ["name", "force", "allow_missing", "etag", "request_id", "validate_only", "view"];

export default requestUnknownFieldsRule(135, "Delete", () => ALLOWED, true);
