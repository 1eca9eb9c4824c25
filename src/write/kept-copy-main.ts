/** `node kept-copy-main.js OUT FOLDER`: makes the kept copy of OUT in FOLDER (see kept-copy.ts), in a process of its own. */
import { copyOutput } from './kept-copy.js';

const [out, folder] = process.argv.slice(2);
if (out && folder) await copyOutput(out, folder);
