/** Options every command receives (commander's globals). */
export interface GlobalOptions {
  cwd?: string;
  config?: string;
  format: string;
  output?: string;
  color: boolean;
}

export function resolveCwd(opts: GlobalOptions): string {
  return opts.cwd ?? process.cwd();
}
