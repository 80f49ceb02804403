/** Options every command receives (commander's globals). */
export interface GlobalOptions {
  cwd?: string;
  config?: string;
  format: string;
  output?: string;
  color: boolean;
  /** False with --no-baseline: every finding is shown, the baseline file is not read. */
  baseline: boolean;
}

export function resolveCwd(opts: GlobalOptions): string {
  return opts.cwd ?? process.cwd();
}
