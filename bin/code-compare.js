#!/usr/bin/env node
import { main } from '../lib/cli/main.js';

// A reader that stops early (`code-compare status | head -3`) ends the output, not in a crash.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
