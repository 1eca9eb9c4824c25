import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadProject } from '../../src/load/project.js';
import { validateFamilies } from '../../src/validate/codes.js';
import { REPO } from '../support/site.js';

// The `example` transcripts of the SMTP pages: well-formed, in a plausible order, and using only
// documentation domains and addresses. Each checker returns the problems it finds (none: []).

type Checker = (lines: readonly string[], code: string) => string[];

const VERBS = new Set(['EHLO', 'HELO', 'MAIL', 'RCPT', 'DATA', 'RSET', 'VRFY', 'EXPN', 'HELP', 'NOOP', 'QUIT', 'STARTTLS', 'AUTH', 'ETRN', 'ATRN', 'BDAT']);
const GREETINGS = new Set(['220', '421', '521', '554']);
const EXAMPLE_DOMAIN = /(?:^|\.)example\.(?:com|net|org)$/i;
const DOC_NETS = ['192.0.2.', '198.51.100.', '203.0.113.'];
/** A host or domain name: dotted labels ending in a label that starts with a letter. */
const DOMAIN = /(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9](?![\w-])/giu;
const IPV4 = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d])/g;

const linesOf = (example: string) => example.split(/\r?\n/).filter((l) => l.trim() !== '');
const replyCode = (line: string | undefined) => /^S: (\d{3})(?:[ -]|$)/.exec(line ?? '')?.[1];
const isBase64 = (s: string) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s) && Buffer.from(s, 'base64').toString('base64') === s;

const lineFormat: Checker = (lines) => lines.filter((l) => !/^(C|S): /.test(l)).map((l) => `not a "C: " or "S: " line: ${l}`);

const finalReply: Checker = (lines, code) =>
  new RegExp(`^S: ${code}( |$)`).test(lines.at(-1) ?? '') ? [] : [`the last line is not a final ${code} reply: ${lines.at(-1)}`];

const continuations: Checker = (lines) =>
  lines.flatMap((line, i) => {
    const code = /^S: (\d{3})-/.exec(line)?.[1];
    return code && replyCode(lines[i + 1]) !== code ? [`"${line}" is not continued by another ${code} line`] : [];
  });

const greeting: Checker = (lines) => {
  const code = replyCode(lines[0]);
  return code && GREETINGS.has(code) ? [] : [`does not open with a server greeting (220, 421, 521 or 554): ${lines[0]}`];
};

/** Command order and vocabulary; message content (after 354, up to `C: .`) is skipped. */
const ordering: Checker = (lines) => {
  const problems: string[] = [];
  let helo = false, mail = false, inData = false, needEhlo = false, lastVerb = '';
  lines.forEach((line, i) => {
    const reply = replyCode(line);
    if (reply) {
      if (lastVerb === 'DATA' && reply === '354') inData = true;
      if (lastVerb === 'STARTTLS' && reply === '220') needEhlo = true;
      return;
    }
    if (!line.startsWith('C: ')) return;
    const command = line.slice(3);
    if (inData) {
      if (command === '.') [inData, mail] = [false, false];
      return;
    }
    if (replyCode(lines[i - 1]) === '334') {
      if (command !== '*' && !isBase64(command)) problems.push(`AUTH continuation is neither base64 nor "*": ${line}`);
      lastVerb = '';
      return;
    }
    const verb = command.split(' ')[0]!;
    if (needEhlo && verb !== 'EHLO') problems.push(`after STARTTLS the client must send EHLO first, not: ${line}`);
    needEhlo = false;
    if (!VERBS.has(verb)) {
      // An unknown verb is allowed only where it is the point: the server answers it with 500.
      const answer = replyCode(lines.slice(i + 1).find((l) => l.startsWith('S: ')));
      if (answer !== '500') problems.push(`unknown SMTP command: ${line}`);
    }
    if (verb === 'EHLO' || verb === 'HELO') helo = true;
    if (verb === 'RSET') mail = false;
    if (command.startsWith('MAIL FROM:')) {
      if (!helo) problems.push(`MAIL FROM before EHLO/HELO: ${line}`);
      mail = true;
    }
    if (command.startsWith('RCPT TO:') && !mail) problems.push(`RCPT TO before MAIL FROM: ${line}`);
    lastVerb = verb;
  });
  return problems;
};

/** The AUTH PLAIN responses: the initial response, or the line answering a 334 after a bare `AUTH PLAIN`. */
function plainResponses(lines: readonly string[]): string[] {
  return lines.flatMap((line, i) => {
    const match = /^C: AUTH PLAIN(?: (\S+))?$/i.exec(line);
    if (!match) return [];
    if (match[1]) return [match[1]];
    const answer = lines[i + 2];
    return replyCode(lines[i + 1]) === '334' && answer?.startsWith('C: ') ? [answer.slice(3)] : [];
  });
}

const authPlain: Checker = (lines) =>
  plainResponses(lines).flatMap((response) => {
    if (response === '*') return [];
    if (!isBase64(response)) return [`AUTH PLAIN response is not base64: ${response}`];
    const parts = Buffer.from(response, 'base64').toString('utf8').split('\0');
    return parts.length === 3 && parts[1] && parts[2] ? [] : [`AUTH PLAIN response does not decode to "\\0user\\0pass": ${response}`];
  });

/** The transcript's text plus any base64 that decodes to printable text (AUTH data may hide addresses). */
function visibleText(lines: readonly string[]): string {
  const decoded = lines.flatMap((line) =>
    line.split(/\s+/).filter((t) => t.length >= 8 && isBase64(t)).map((t) => Buffer.from(t, 'base64').toString('utf8'))
      .filter((t) => /^[\0\x20-\x7e]*$/.test(t)).map((t) => t.replaceAll('\0', ' ')));
  return [...lines, ...decoded].join('\n');
}

const exampleHosts: Checker = (lines) => {
  const text = visibleText(lines);
  const domains = [...text.matchAll(DOMAIN)].map((m) => m[0]).filter((d) => !EXAMPLE_DOMAIN.test(d));
  const addresses = [...text.matchAll(IPV4)].map((m) => m[0])
    .filter((ip) => !DOC_NETS.some((net) => ip.startsWith(net)) || ip.split('.').some((o) => Number(o) > 255));
  return [...domains.map((d) => `not an example domain: ${d}`), ...addresses.map((a) => `not a documentation IPv4 address: ${a}`)];
};

const CHECKERS: ReadonlyArray<[string, Checker]> = [
  ['has only "C: " and "S: " lines', lineFormat],
  ['ends with the final reply of its own code', finalReply],
  ['continues every multi-line reply with the same code', continuations],
  ['opens with a server greeting', greeting],
  ['sends known commands in a valid order', ordering],
  ['sends AUTH PLAIN responses of the form \\0user\\0pass', authPlain],
  ['uses only example domains and documentation IPv4 addresses', exampleHosts],
];

const diagnostics: Diagnostic[] = [];
const smtp = validateFamilies((await loadProject(REPO, { families: ['smtp'] })).families, diagnostics, true).find((f) => f.id === 'smtp');
const examples = (smtp?.codes ?? []).flatMap((c) => (c.example ? [[c.code, linesOf(c.example)] as const] : []));

describe('the example transcripts', () => {
  it('exist for the SMTP codes', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  describe.each(examples)('of codes/smtp/%s.md', (code, lines) => {
    it.each(CHECKERS)('%s', (_name, check) => {
      expect(check(lines, code)).toEqual([]);
    });
  });
});

const GOOD = [
  'S: 220 mx.example.com ESMTP ready',
  'C: EHLO client.example.org',
  'S: 250-mx.example.com',
  'S: 250-STARTTLS',
  'S: 250 AUTH PLAIN',
  'C: STARTTLS',
  'S: 220 Ready to start TLS',
  'C: EHLO [192.0.2.10]',
  'S: 250 mx.example.com',
  `C: AUTH PLAIN ${Buffer.from('\0alice@example.org\0secret').toString('base64')}`,
  'S: 235 2.7.0 Authentication succeeded',
  'C: MAIL FROM:<alice@example.org>',
  'S: 250 OK',
  'C: RCPT TO:<bob@mx.example.net>',
  'S: 250 OK',
  'C: DATA',
  'S: 354 Go ahead',
  'C: Subject: anything goes here, even FOO BAR',
  'C: .',
  'S: 550 5.7.1 Rejected',
];

describe('the transcript checkers', () => {
  it('accept a well-formed transcript', () => {
    for (const [, check] of CHECKERS) expect(check(GOOD, '550')).toEqual([]);
  });

  const replace = (index: number, line: string) => GOOD.map((l, i) => (i === index ? line : l));
  const insert = (index: number, ...lines: string[]) => [...GOOD.slice(0, index), ...lines, ...GOOD.slice(index)];
  const b64 = (s: string) => Buffer.from(s).toString('base64');

  it.each<[string, Checker, readonly string[], string, RegExp]>([
    ['a line without a speaker', lineFormat, replace(4, 'S:250 AUTH PLAIN'), '550', /not a "C: "/],
    ['a transcript ending in the wrong code', finalReply, GOOD, '553', /final 553/],
    ['a transcript ending in a continuation line', finalReply, [...GOOD.slice(0, -1), 'S: 550-5.7.1 Rejected'], '550', /final 550/],
    ['a transcript ending with the client', finalReply, GOOD.slice(0, -1), '550', /final 550/],
    ['a continuation followed by the client', continuations, replace(4, 'C: NOOP'), '550', /not continued/],
    ['a continuation followed by another code', continuations, replace(4, 'S: 251 AUTH PLAIN'), '550', /not continued by another 250/],
    ['a client that speaks first', greeting, GOOD.slice(1), '550', /greeting/],
    ['an opening 250', greeting, replace(0, 'S: 250 mx.example.com'), '550', /greeting/],
    ['a RCPT before MAIL', ordering, replace(11, 'C: NOOP'), '550', /RCPT TO before MAIL FROM/],
    ['a MAIL before EHLO', ordering, ['S: 220 mx.example.com', 'C: MAIL FROM:<a@example.org>', 'S: 250 OK'], '250', /MAIL FROM before EHLO/],
    ['a MAIL straight after STARTTLS', ordering, replace(7, 'C: MAIL FROM:<alice@example.org>'), '550', /must send EHLO first/],
    ['an unknown command', ordering, insert(11, 'C: XCLIENT NAME=client.example.org', 'S: 250 OK'), '550', /unknown SMTP command: C: XCLIENT/],
    ['an AUTH continuation that is not base64', ordering, ['S: 220 x.example.com', 'C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6', 'C: alice', 'S: 535 No'], '535', /neither base64/],
    ['an AUTH PLAIN response with one NUL', authPlain, replace(9, `C: AUTH PLAIN ${b64('alice\0secret')}`), '550', /does not decode/],
    ['an AUTH PLAIN response after 334 that is user:pass', authPlain, ['C: AUTH PLAIN', 'S: 334 ', `C: ${b64('alice:secret')}`], '535', /does not decode/],
    ['an AUTH PLAIN response that is not base64', authPlain, replace(9, 'C: AUTH PLAIN alice'), '550', /not base64/],
    ['a gmail.com address', exampleHosts, replace(13, 'C: RCPT TO:<bob@gmail.com>'), '550', /gmail\.com/],
    ['a look-alike example domain', exampleHosts, replace(1, 'C: EHLO client.example.co.uk'), '550', /client\.example\.co\.uk/],
    ['a real domain hidden in AUTH data', exampleHosts, replace(9, `C: AUTH PLAIN ${b64('\0alice@gmail.com\0secret')}`), '550', /gmail\.com/],
    ['a public IPv4 address', exampleHosts, replace(7, 'C: EHLO [8.8.8.8]'), '550', /8\.8\.8\.8/],
    ['an address outside the documentation nets', exampleHosts, replace(7, 'C: EHLO [192.0.3.1]'), '550', /192\.0\.3\.1/],
  ])('reject %s', (_name, check, lines, code, message) => {
    const problems = check(lines, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('allow an unknown command that the server answers with 500', () => {
    expect(ordering(insert(11, 'C: MALE FROM:<alice@example.org>', 'S: 500 5.5.1 Unknown command'), '550')).toEqual([]);
  });
});
