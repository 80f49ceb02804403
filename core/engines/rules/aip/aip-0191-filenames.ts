/** AIP-191: file names are not a version and use lower_snake_case characters (api-linter core::0191::filenames). */
import { baseName, defineFileRule, PACKAGE_STATEMENT } from "./file-rules.js";

const VERSION = /^v[0-9]+(p[0-9]+)?((alpha|beta)[0-9]*)?$/;
const VALID = /^[a-z0-9\\_\\/]*$/;

export default defineFileRule({
  name: "filenames",
  description: "File names are not the version (`v1.proto`) and use only lowercase letters, digits and underscores.",
  rationale: "File names become module and class names in several languages; a version as a name says nothing.",
  lint: (file) => {
    const fn = baseName(file).replaceAll(".proto", "");
    if (VERSION.test(fn)) return { at: PACKAGE_STATEMENT, message: "The proto version must not be used as the filename." };
    if (!VALID.test(fn)) return { at: PACKAGE_STATEMENT, message: "The filename has invalid characters." };
    return undefined;
  },
});
