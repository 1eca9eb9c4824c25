import { setFlagsFromString } from 'node:v8';

// V8 inlines up to 920 bytes of bytecode into a function it optimizes; the renderer's large functions
// (a page's view, a compiled template, the layout) then took 30–95 ms each to optimize, again after
// each deoptimization and in every thread (about 12 % of a clean build's CPU samples, some 3 s). At 300, a clean
// build of the benchmark corpus took 0.6 s less (six alternating pairs, each one faster or equal) and
// optimizing took a quarter less time, with pages rendered no slower once optimized. Flags are the
// process's: the render threads started later share it. Imported first by the command line.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
