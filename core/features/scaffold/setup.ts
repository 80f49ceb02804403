/**
 * What the scaffolds need to compile and run, written next to them so a fresh
 * checkout needs only `npm install` and one script:
 *
 * - `<out>/tsconfig.json` (only when missing): strict NodeNext, compiling the
 *   tests and what they import into `<out>/dist`;
 * - `<out>/package.json` (only when missing): `"type": "module"`, so the
 *   compiled tests are ES modules whatever the project's own package.json says;
 * - the project's package.json (created when missing): the packages the
 *   generated code imports, at the versions protogov generates for, added to
 *   devDependencies when not listed at all (a version the user chose stays),
 *   and a `test:<out name>` script unless one exists.
 *
 * The files are returned, not written: scaffold.ts writes them with the tests
 * in one all-or-nothing step.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { InputError } from "../../model/errors.js";
import { installedPackage } from "../generate/compile-ts.js";

export interface SetupChange {
  /** Absolute path. */
  path: string;
  content: string;
  /** For the report: "created" or what was added. */
  note: string;
}

/** The packages generated tests import, with the versions protogov itself builds and tests with. */
function requiredPackages(runner: "node" | "vitest"): Record<string, string> {
  const own = JSON.parse(readFileSync(new URL("../../../../package.json", import.meta.url), "utf8")) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const pinned = (name: string): string => {
    const version = own.dependencies[name] ?? own.devDependencies[name];
    if (!version) throw new Error(`protogov's package.json does not pin ${name}`);
    return version;
  };
  return {
    "@bufbuild/protobuf": pinned("@bufbuild/protobuf"),
    "@connectrpc/connect": pinned("@connectrpc/connect"),
    "@protogov/errors-runtime": installedPackage("@protogov/errors-runtime").version,
    typescript: pinned("typescript"),
    // node:test's types (the vitest runner brings its own).
    ...(runner === "node" ? { "@types/node": pinned("@types/node") } : {}),
  };
}

export function scaffoldSetup(cwd: string, outDir: string, runner: "node" | "vitest"): SetupChange[] {
  const changes: SetupChange[] = [];
  const rootFromOut = toPosix(relative(outDir, cwd)) || ".";
  const tsconfig = join(outDir, "tsconfig.json");
  if (!existsSync(tsconfig)) {
    const config = {
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        skipLibCheck: true,
        types: runner === "node" ? ["node"] : [],
        // The tests import the implementation and the stubs from anywhere in the project.
        rootDir: rootFromOut,
        outDir: "dist",
      },
      include: ["**/*.ts"],
      exclude: ["dist"],
    };
    changes.push({ path: tsconfig, content: `${JSON.stringify(config, null, 2)}\n`, note: "created" });
  }
  const outPackage = join(outDir, "package.json");
  if (!existsSync(outPackage)) {
    changes.push({ path: outPackage, content: `${JSON.stringify({ private: true, type: "module" }, null, 2)}\n`, note: "created" });
  }
  const project = join(cwd, "package.json");
  const manifest = readManifest(project);
  const listed = { ...(manifest["dependencies"] as object), ...(manifest["devDependencies"] as object) };
  const missing = Object.entries(requiredPackages(runner)).filter(([name]) => !(name in listed));
  const script = `test:${basename(outDir)}`;
  const outRel = toPosix(relative(cwd, outDir));
  const scripts = (manifest["scripts"] ?? {}) as Record<string, string>;
  const addScript = runner === "node" && !(script in scripts);
  if (missing.length > 0 || addScript || !existsSync(project)) {
    const devDependencies = { ...((manifest["devDependencies"] ?? {}) as Record<string, string>), ...Object.fromEntries(missing) };
    const next = {
      ...manifest,
      ...(addScript ? { scripts: { ...scripts, [script]: `tsc -p ${outRel} && node --test ${outRel}/dist/` } } : {}),
      devDependencies: Object.fromEntries(Object.entries(devDependencies).sort(([a], [b]) => (a < b ? -1 : 1))),
    };
    const added = [...missing.map(([name, version]) => `${name}@${version}`), ...(addScript ? [`script ${script}`] : [])];
    changes.push({
      path: project,
      content: `${JSON.stringify(next, null, 2)}\n`,
      note: existsSync(project) ? `added ${added.join(", ")}` : "created",
    });
  }
  return changes;
}

function readManifest(path: string): Record<string, unknown> {
  if (!existsSync(path)) return { private: true, type: "module" };
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as unknown;
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new InputError(`${path} is not a JSON object; scaffold adds the packages its tests need there`, {
    hint: "fix package.json, or pass --no-setup and install the packages yourself (see docs/test-scaffolds.md)",
  });
}

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}
