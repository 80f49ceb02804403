/**
 * Go garbage-collector settings for the buf runs that dominate a large check:
 * `buf build`, `buf lint` on the image, and `buf lint` from the sources with
 * protogov's rules plugin. By default Go collects each time the heap doubles;
 * on googleapis that is a third of buf's CPU. With GOGC=off and a soft
 * GOMEMLIMIT, Go collects only when the heap reaches the limit, so a limit
 * sized to the input trades idle headroom for CPU, and it also caps the peak
 * (what the memory target compares). The ratios are
 * measured (GODEBUG=gctrace=1, googleapis) and explained where they are used.
 * Small inputs keep Go's defaults: a floor-sized limit would only make their
 * heaps grow. A user's own GOGC or GOMEMLIMIT always wins.
 */

/** Below this input size Go's defaults cost little (the pre-commit hook, a few packages). */
const LARGE_INPUT_BYTES = 16 * 1024 * 1024;

/** `small`: the settings for inputs below LARGE_INPUT_BYTES (callers pass 0 when the size is unknown). */
export function goMemoryEnv(inputBytes: number, ratio: number, small: Record<string, string> = {}): Record<string, string> {
  if (process.env["GOMEMLIMIT"] || process.env["GOGC"]) return {};
  if (inputBytes < LARGE_INPUT_BYTES) return small;
  const mib = Math.ceil((inputBytes * ratio) / (1024 * 1024));
  return { GOGC: "off", GOMEMLIMIT: `${mib}MiB` };
}
