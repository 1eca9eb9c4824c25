import type { Diagnostic } from '../diagnostics.js';
import type { FrontMatterFile } from '../load/front-matter.js';
import { resolveLink } from '../model/cross-links.js';
import type { CodeData, FamilyData } from '../model/types.js';
import { FieldReader } from './fields.js';

export interface ReadFamily {
  readonly data: FamilyData;
  readonly file: FrontMatterFile;
  readonly codes: ReadonlyArray<{ readonly data: CodeData; readonly file: FrontMatterFile }>;
}

/**
 * A family's `links` name another family, and each value of a linking field (`enhanced: ["5.1.1"]`)
 * must be a code of it, written as it is or with the class filled in for the family's wildcard.
 * `partial`: only some of the project's families were read.
 */
export function checkCrossFamilyLinks(families: readonly ReadFamily[], diagnostics: Diagnostic[], partial = false): void {
  for (const { data, file, codes } of families) {
    for (const [field, targetId] of Object.entries(data.links) as Array<['enhanced', string]>) {
      const target = families.find((f) => f.data.id === targetId)?.data;
      // A build limited by --family reads only some families; the others are checked by a full build.
      if (!target && partial) continue;
      if (!target) {
        const known = families.map((f) => f.data.id).filter((id) => id !== data.id);
        new FieldReader(file, diagnostics).error(['links', field], 'unknown-family', `\`links.${field}\` names family "${targetId}", which the project does not have${known.length ? ` (families: ${known.join(', ')})` : ''}`);
        continue;
      }
      for (const code of codes) {
        const reader = new FieldReader(code.file, diagnostics);
        code.data[field].forEach((written, index) => {
          if (resolveLink(target, written) === undefined) {
            reader.error([field, index], 'unknown-linked-code', `\`${field}\` names "${written}", which family ${target.id} does not have${target.wildcard ? ` (its codes write a component that any value fills as ${target.wildcard})` : ''}`);
          }
        });
      }
    }
  }
}
