/**
 * Language package builders: what turns a target's generated files into
 * something its language's package manager installs. One entry per language;
 * a target whose language has none gets the plugins' files as they are
 * (TypeScript's npm package is built by npm-package.ts, the reference).
 */
import type { FileDescriptorSet } from "@bufbuild/protobuf/wkt";
import type { TargetConfig, TargetLanguage } from "../../../model/config/target-config.js";
import { buildComposerPackage } from "../composer-package.js";
import type { ReleaseInfo } from "../npm-package.js";
import type { FileMap } from "../run-plugins.js";
import { buildGoModule, goDescriptorSet, goModulePath, goPlugins, goShippedFiles } from "./go-module.js";

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

/** PHP runs protoc's own generator: nothing to install, the image as it is. */
const composerPackage: PackageBuilder = {
  language: "php",
  setup: async (target, set) => ({ target, set, executables: new Map(), key: "", exclude: new Set() }),
  build: async (target, generated, release) => buildComposerPackage(target, generated, release),
};

export const PACKAGE_BUILDERS: readonly PackageBuilder[] = [goModule, composerPackage];

export function packageBuilder(language: TargetLanguage): PackageBuilder | undefined {
  return PACKAGE_BUILDERS.find((b) => b.language === language);
}
