import { existsSync } from 'node:fs';
import path from 'node:path';
import { readSource } from '../load/files.js';
import { parseFrontMatter } from '../load/front-matter.js';
import { validateFamilies } from '../validate/codes.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { Output } from './report.js';
import { loadProject } from '../load/project.js';
import { resolveCommon, type CommonOptions } from './options.js';

/** Prints the source_hash a translation of each given English file (codes/<family>/<code>.md, _family.md or pairs/<a>-vs-<b>.md; relative to the root) should carry. */
export async function hashCommand(files: readonly string[], options: CommonOptions, output: Output): Promise<number> {
  const { root } = resolveCommon(options);
  const diagnostics: Diagnostic[] = [];
  const families = validateFamilies((await loadProject(root)).families, diagnostics);
  let status = 0;
  for (const file of files) {
    const abs = path.resolve(root, file);
    const rel = path.relative(root, abs).split(path.sep).join('/');
    if (!existsSync(abs)) {
      output.err(`error: no such file: ${rel} (paths are relative to --root, ${root})`);
      status = 1;
      continue;
    }
    const [, familyId, pairs, name] = /^codes\/([^/]+)\/(pairs\/)?([^/]+)\.md$/.exec(rel) ?? [];
    const family = families.find((f) => f.id === familyId);
    const hash = pairs
      ? family?.pairs.find((p) => `${p.a}-vs-${p.b}` === name)?.sourceHash
      : name === '_family'
        ? family?.sourceHash
        : family?.codes.find((c) => c.code === name)?.sourceHash;
    if (!hash) {
      const read = await readSource(root, abs).catch(() => undefined);
      const problems = read?.file ? parseFrontMatter(read.file).diagnostics : [];
      for (const d of [...problems, ...diagnostics.filter((d) => d.file === rel)]) output.err(formatDiagnostic(d));
      output.err(`${rel}: not a valid code, family or pair file under codes/`);
      status = 1;
      continue;
    }
    output.out(`${hash}  ${rel}`);
  }
  return status;
}
