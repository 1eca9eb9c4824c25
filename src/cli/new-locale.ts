import type { Output } from './report.js';
import type { CommonOptions } from './options.js';
export async function newLocaleCommand(tag: string, options: CommonOptions, output: Output): Promise<number> {
  void tag; void options; output.err('not yet'); return 1;
}
