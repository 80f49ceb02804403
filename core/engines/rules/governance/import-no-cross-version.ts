/**
 * A versioned package must not import another major version of the same API
 * (acme.users.v2 importing acme.users.v1), nor use weak imports.
 *
 * Why: each major version has its own lifecycle; when v1 is retired, a v2
 * that imports it breaks or has to keep v1 alive (AIP-215 asks versions to be
 * self-contained, sharing only common packages). buf's IMPORT_NO_PUBLIC covers
 * `import public` and STABLE_PACKAGE_NO_IMPORT_UNSTABLE covers stability, but
 * nothing covers version coupling; weak imports are unsupported by most
 * generators (protoc-gen-es, Go) and silently drop fields.
 */
import { FilePath } from "../../../model/descriptors/source-paths.js";
import { defineRule } from "../rule.js";

const VERSION = /^v[1-9]\d*(?:p[1-9]\d*)?(?:alpha|beta|test)?\w*$/;

/** `acme.users.v1` -> { family: "acme.users", version: "v1" }. */
export function splitVersion(pkg: string): { family: string; version: string } | undefined {
  const parts = pkg.split(".");
  const last = parts.at(-1);
  if (!last || !VERSION.test(last) || parts.length < 2) return undefined;
  return { family: parts.slice(0, -1).join("."), version: last };
}

export default defineRule({
  id: "IMPORT_NO_CROSS_VERSION",
  category: "IMPORTS",
  defaultSeverity: "error",
  description: "Files do not import another version of their own API, and do not use weak imports.",
  rationale:
    "Importing another major version couples two lifecycles (AIP-215); weak imports are ignored by most code generators. buf's import rules cover neither.",
  create: () => {
    return {
      file(ctx) {
        const own = ctx.proto.package;
        for (const weak of ctx.proto.weakDependency) {
          const dep = ctx.proto.dependency[weak] ?? "";
          ctx.report(
            [FilePath.dependency, weak],
            `weak import of "${dep}"`,
            "use a regular import; weak imports are unsupported by most generators",
          );
        }
        const mine = splitVersion(own);
        if (!mine) return;
        ctx.proto.dependency.forEach((dep, i) => {
          const depPackage = ctx.packageOfImport(dep);
          const theirs = depPackage === undefined ? undefined : splitVersion(depPackage);
          if (theirs && theirs.family === mine.family && theirs.version !== mine.version) {
            ctx.report(
              [FilePath.dependency, i],
              `"${own}" imports "${dep}" from ${theirs.family}.${theirs.version}, another version of the same API`,
              "copy the shared definitions into this version, or move them to a common package both versions import",
            );
          }
        });
      },
    };
  },
});
