import { incomingLinks, outgoingLinks } from '../../model/cross-links.js';
import type { LocalizedPage } from '../../model/pages.js';
import type { FamilyData } from '../../model/types.js';
import type { PageLinks } from '../layout.js';
import { safe } from '../scope.js';
import { otherCodeAccessor, type ViewInput } from './support.js';

/**
 * A code page's links to codes of other families: the ones its linking fields name (SMTP 550 →
 * its enhanced status codes) and the ones that name it (X.1.1 → the reply codes it comes with).
 * A linking field whose family is not part of the build is shown as plain codes.
 */
export function crossFamilyLinks(input: ViewInput, links: PageLinks, family: FamilyData, page: Extract<LocalizedPage, { kind: 'code' }>) {
  const other = otherCodeAccessor(input);
  const href = (familyId: string, code: string) => links.to({ kind: 'code', lang: page.lang, family: familyId, code });
  const linked = family.links.enhanced !== undefined && input.site.families.some((f) => f.id === family.links.enhanced);
  const enhancedLinks = linked
    ? outgoingLinks(input.site.families, family, page.code, 'enhanced').map((link) => ({ written: link.written, title: other(link.family, link.code).code.title, href: href(link.family, link.code) }))
    : undefined;
  const incoming = incomingLinks(input.site.families, family.id, page.code);
  const groups = [...new Set(incoming.map((l) => l.family))].map((familyId) => {
    const source = input.site.families.find((f) => f.id === familyId)!;
    return {
      heading: safe(input.scope.label('code.linkedFrom', { family: source.name })),
      items: incoming.filter((l) => l.family === familyId).map((l) => ({ code: `${source.name} ${l.code}`, written: l.written, title: other(familyId, l.code).code.title, href: href(familyId, l.code) })),
    };
  });
  return { enhancedLinks, linkedFrom: groups };
}
