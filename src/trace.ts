/**
 * Phase timings on stderr when CODE_COMPARE_TRACE=1, for finding where a build spends its time:
 * `trace: render 812 ms` is the time since the previous phase ended.
 */
const enabled = process.env.CODE_COMPARE_TRACE === '1';
let last = performance.now();

export function trace(phase: string): void {
  if (!enabled) return;
  const now = performance.now();
  const memory = process.memoryUsage();
  process.stderr.write(`trace: ${phase} ${Math.round(now - last)} ms (heap ${Math.round(memory.heapUsed / 2 ** 20)} of ${Math.round(memory.heapTotal / 2 ** 20)} MB, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`);
  last = now;
}
