import type { FamilyData } from './types.js';

/**
 * The code of `target` that a link written as `written` names: the code itself, else a code whose
 * components match it where they are not the family's wildcard ('5.1.1' → 'X.1.1').
 */
export function resolveLink(target: FamilyData, written: string): string | undefined {
  if (target.codes.some((c) => c.code === written)) return written;
  const wildcard = target.wildcard;
  if (wildcard === undefined) return undefined;
  const parts = written.split('.');
  return target.codes.find((c) => {
    const own = c.code.split('.');
    return own.length === parts.length && own.every((part, i) => part === parts[i] || part === wildcard);
  })?.code;
}

/** One code of another family that names this one in a linking field, and how it writes it. */
export interface IncomingLink {
  readonly family: string;
  readonly code: string;
  readonly written: string;
}

/** A value of a linking field, with the code it resolves to in the target family. */
export interface OutgoingLink {
  readonly family: string;
  readonly code: string;
  readonly written: string;
}

const incoming = new WeakMap<readonly FamilyData[], Map<string, IncomingLink[]>>();

/** The linking values of one code's `field`, resolved; values that resolve to nothing are left out. */
export function outgoingLinks(families: readonly FamilyData[], family: FamilyData, code: string, field: 'enhanced'): OutgoingLink[] {
  const targetId = family.links[field];
  const target = families.find((f) => f.id === targetId);
  const data = family.codes.find((c) => c.code === code);
  if (!target || !data) return [];
  return data[field].flatMap((written) => {
    const resolved = resolveLink(target, written);
    return resolved === undefined ? [] : [{ family: target.id, code: resolved, written }];
  });
}

/** Every code of other families that links to `code` of `familyId`, in family then code order. */
export function incomingLinks(families: readonly FamilyData[], familyId: string, code: string): readonly IncomingLink[] {
  let index = incoming.get(families);
  if (!index) {
    incoming.set(families, (index = new Map()));
    for (const source of families) {
      for (const field of Object.keys(source.links) as Array<'enhanced'>) {
        for (const c of source.codes) {
          for (const link of outgoingLinks(families, source, c.code, field)) {
            const key = `${link.family}\u0000${link.code}`;
            const list = index.get(key) ?? [];
            if (!list.some((l) => l.family === source.id && l.code === c.code)) list.push({ family: source.id, code: c.code, written: link.written });
            index.set(key, list);
          }
        }
      }
    }
  }
  return index.get(`${familyId}\u0000${code}`) ?? [];
}
