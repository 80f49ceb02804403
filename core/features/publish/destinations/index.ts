/**
 * Every publish destination, in the order a release goes out: package
 * registries before git, since a git tag announces a version that must
 * already be installable. The first destination of a target that records
 * releases decides its last release. One file per destination (see
 * destination.ts).
 */
import type { PublishDestination } from "./destination.js";
import { gitDestination } from "./git.js";
import { npmDestination } from "./npm.js";

export const DESTINATIONS: readonly PublishDestination[] = [npmDestination, gitDestination];
