import { describe, expect, it } from 'vitest';
import { spaceBetweenScripts } from '../../src/render/facets.js';

describe('joining facet values in Japanese and Chinese', () => {
  it.each<[string[], string]>([
    [['RCPT TO', '或', '结束符之后'], 'RCPT TO 或结束符之后'],
    [['<code>MAIL FROM</code>', 'または', '終端のドットの後'], '<code>MAIL FROM</code> または終端のドットの後'],
    [['整封邮件', '或', '仅此收件人'], '整封邮件或仅此收件人'],
    [['RCPT TO', '、', 'DATA'], 'RCPT TO、DATA'],
    [['接続', 'または', '<code>EHLO</code>'], '接続または <code>EHLO</code>'],
  ])('%j → %s', (pieces, joined) => {
    expect(spaceBetweenScripts(pieces)).toBe(joined);
  });
});
