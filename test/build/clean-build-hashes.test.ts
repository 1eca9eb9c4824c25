import { describe, expect, it } from 'vitest';
import { InputHashes } from '../../src/model/inputs.js';
import { allPages } from '../../src/model/pages.js';
import { searchPages } from '../../src/model/search.js';
import { validateProject } from '../../src/project.js';
import { hashOutput, rendererHash } from '../../src/site-files.js';
import { readManifest } from '../../src/write/ownership.js';
import { SEARCH_FOLDER } from '../../src/write/search-index.js';
import { BASE, buildSite, makeSite } from '../support/site.js';

describe('a clean build, which hashes its pages while they render', () => {
  it('lists the hashes a build that plans before rendering compares, in page order, the search index last', async () => {
    const root = makeSite({ fixture: 'mini' });
    const { code, stderr, dist } = await buildSite(root);
    expect(code, stderr).toBe(0);
    const manifest = (await readManifest(dist))!;
    const site = (await validateProject({ root, baseUrl: BASE })).site!;
    const pages = allPages(site);
    const planned = await hashOutput(site, pages, new InputHashes(site, rendererHash(site)), searchPages(site, pages));

    const listed = Object.entries(manifest.files);
    const index = listed.findIndex(([file]) => file.startsWith(`${SEARCH_FOLDER}/`));
    expect(index).toBe(Object.keys(planned.files).length);
    expect(listed.slice(0, index)).toEqual(Object.entries(planned.files));
    expect(listed.slice(index).every(([file]) => file.startsWith(`${SEARCH_FOLDER}/`))).toBe(true);
    expect(manifest.build).toBe(planned.build);

    // And so the next build, with nothing changed, finds nothing to do.
    const again = await buildSite(root);
    expect(again.stdout).toContain('up to date, nothing rewritten');
  });
});
