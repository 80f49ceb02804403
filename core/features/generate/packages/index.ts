/**
 * Language package builders: what turns a target's generated files into
 * something its language's package manager installs. One entry per language;
 * a target whose language has none gets the plugins' files as they are
 * (TypeScript's npm package is built by npm-package.ts, the reference).
 * Python and Java targets are packaged when their `python:` / `maven:`
 * section is set (without it, the plugins' files as before).
 */
import type { FileDescriptorSet } from "@bufbuild/protobuf/wkt";
import { cacheDir } from "../../../engines/cache/cache-dir.js";
import { ensureGrpcJavaPlugin } from "../../../engines/toolchains/java-plugins.js";
import { ensureGrpcPythonPlugin } from "../../../engines/toolchains/python-plugins.js";
import type { TargetConfig, TargetLanguage } from "../../../model/config/target-config.js";
import { buildComposerPackage } from "../composer-package.js";
import type { ReleaseInfo } from "../npm-package.js";
import type { FileMap } from "../run-plugins.js";
import { buildGoModule, goDescriptorSet, goModulePath, goPlugins, goShippedFiles } from "./go-module.js";
import { buildMavenProject } from "./maven-project.js";
import { buildPythonPackage } from "./python-package.js";

/** How the target's plugins run: the image they see, their options, executables protogov installed. */
export interface PluginSetup {
  target: TargetConfig;
  set: FileDescriptorSet;
  executables: ReadonlyMap<string, string>;
  /** Plugin output depends on the release only through this key (Go: the module path). */
  key: string;
  /** Files not to generate (Go: those a runtime module already ships). */
  exclude: ReadonlySet<string>;
}

export interface PackageBuilder {
  language: TargetLanguage;
  /** Whether this target is packaged (default: every target of the language). */
  appliesTo?(target: TargetConfig): boolean;
  setup(target: TargetConfig, set: FileDescriptorSet, release: ReleaseInfo | undefined): Promise<PluginSetup>;
  build(target: TargetConfig, generated: FileMap, release: ReleaseInfo | undefined): Promise<FileMap>;
}

const goModule: PackageBuilder = {
  language: "go",
  async setup(target, set, release) {
    const modulePath = goModulePath(target, release);
    const { target: adjusted, executables } = await goPlugins(target);
    return { target: adjusted, set: goDescriptorSet(set, modulePath), executables, key: modulePath, exclude: goShippedFiles(set) };
  },
  build: buildGoModule,
};

/** A plugin protogov installs itself (name in the target -> how to get its executable); the image and files as they are. */
function installedPlugin(name: string, ensure: (cacheRoot: string) => Promise<string>): PackageBuilder["setup"] {
  return async (target, set) => {
    const executables = new Map<string, string>();
    if (target.plugins.some((p) => p.name === name)) executables.set(name, await ensure(cacheDir()));
    return { target, set, executables, key: "", exclude: new Set() };
  };
}

/** PHP runs protoc's own generator: nothing to install, the image as it is. */
const composerPackage: PackageBuilder = {
  language: "php",
  setup: async (target, set) => ({ target, set, executables: new Map(), key: "", exclude: new Set() }),
  build: async (target, generated, release) => buildComposerPackage(target, generated, release),
};

const pythonPackage: PackageBuilder = {
  language: "python",
  appliesTo: (target) => target.python !== undefined,
  setup: installedPlugin("grpc_python", ensureGrpcPythonPlugin),
  build: async (target, generated, release) => buildPythonPackage(target, generated, release),
};

const mavenProject: PackageBuilder = {
  language: "java",
  appliesTo: (target) => target.maven !== undefined,
  setup: installedPlugin("grpc-java", ensureGrpcJavaPlugin),
  build: async (target, generated, release) => buildMavenProject(target, generated, release),
};

export const PACKAGE_BUILDERS: readonly PackageBuilder[] = [goModule, pythonPackage, mavenProject, composerPackage];

export function packageBuilder(target: TargetConfig): PackageBuilder | undefined {
  return PACKAGE_BUILDERS.find((b) => b.language === target.language && (b.appliesTo?.(target) ?? true));
}
