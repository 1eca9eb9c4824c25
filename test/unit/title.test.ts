import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { fitTitle, TITLE_LIMIT } from '../../src/render/pages/support.js';

const written = (title: string) => [...Handlebars.Utils.escapeExpression(title)].length;

describe('a page title', () => {
  it('is the first candidate whose escaped form fits: an apostrophe counts as the six characters the source holds', () => {
    const long = "SMTP X.1.8 vs X.3.1: Bad sender's system address or Mail system full";
    expect([...long].length).toBeLessThanOrEqual(TITLE_LIMIT);
    expect(written(long)).toBeGreaterThan(TITLE_LIMIT);
    expect(fitTitle([long, 'SMTP X.1.8 vs X.3.1'])).toBe('SMTP X.1.8 vs X.3.1');
  });

  it('keeps a candidate of exactly the limit', () => {
    const exact = 'a'.repeat(TITLE_LIMIT);
    expect(fitTitle([exact])).toBe(exact);
  });

  it('cuts the last candidate at a word so that its escaped form fits, ending with an ellipsis', () => {
    const title = fitTitle([`${"Don't & won't ".repeat(8)}end`]);
    expect(written(title)).toBeLessThanOrEqual(TITLE_LIMIT);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/\s…$/);
  });
});
