/**
 * protogov's version as the plugins report it (`--version`, generated file
 * headers). A constant rather than a read of package.json so the plugin cores
 * stay free of IO; test/errors/plugin-options.test.ts fails when it drifts from
 * package.json.
 */
export const PROTOGOV_VERSION = "0.1.0";
