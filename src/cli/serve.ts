import type { Output } from './report.js';
import type { CommonOptions } from './options.js';
export async function serveCommand(options: CommonOptions, output: Output): Promise<number> {
  void options; output.err('not yet'); return 1;
}
