import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sourceHash } from '../model/hash.js';
import { LABEL_SOURCES_SUFFIX } from '../i18n/source-paths.js';

export interface CorpusShape {
  readonly codes: number;
  readonly languages: number;
  readonly families: number;
  /** Share of codes with a content translation in each language other than English. */
  readonly translated: number;
}

/** Extra tags for shapes with more languages than the project ships: labels cloned from English. */
const EXTRA_TAGS = ['it', 'nl', 'pl', 'sv', 'tr', 'uk', 'ko', 'he', 'hi', 'id', 'cs', 'da', 'fi', 'el', 'hu', 'ro', 'th', 'nb', 'sk', 'bg'];

const WORDS = 'server client mailbox message address domain relay queue policy session command reply transaction recipient sender storage limit retry connection certificate'.split(' ');

/** Deterministic filler text of about `words` words, so runs of the benchmark are comparable. */
function prose(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const word = WORDS[(seed * 7 + i * 13) % WORDS.length]!;
    out.push(i % 12 === 0 ? word[0]!.toUpperCase() + word.slice(1) : word);
    if (i % 12 === 11) out[out.length - 1] += '.';
  }
  return `${out.join(' ')}.`;
}

function codeFile(code: number, all: readonly number[], index: number): string {
  const related = [1, 2, 3].map((d) => all[(index + d) % all.length]!).filter((c) => c !== code);
  return [
    '---',
    `code: "${code}"`,
    `title: ${prose(code, 5).replace(/\.$/, '')}`,
    `description: >-\n  ${prose(code + 1, 40)}`,
    `when: >-\n  The server sends ${code} when ${prose(code + 2, 40).toLowerCase()}`,
    `fix: >-\n  ${prose(code + 3, 50)}`,
    `fix_admin: >-\n  ${prose(code + 4, 40)}`,
    'actor: both',
    'references:\n  - rfc: 5321\n    section: "4.2.2"\n  - rfc: 3463',
    `related: [${related.map((r) => `"${r}"`).join(', ')}]`,
    `enhanced: ["${String(code)[0]}.1.1", "${String(code)[0]}.7.1"]`,
    `example: |\n  S: 220 mx.example.com ESMTP\n  C: EHLO client.example.org\n  S: 250-mx.example.com\n  S: 250 SIZE 10240000\n  C: MAIL FROM:<alice@example.org>\n  S: 250 2.1.0 OK\n  C: RCPT TO:<bob@example.com>\n  S: ${code} ${prose(code, 4)}`,
    '---',
    `${prose(code + 5, 60)}\n\n${prose(code + 6, 60)}\n`,
  ].join('\n');
}

function translation(english: string, tag: string): string {
  const front = english.split('\n---\n')[0]!.replace(/^---\n/, '');
  const field = (name: string) => new RegExp(`^${name}: (?:>-\\n  )?(.*)$`, 'm').exec(front)?.[1] ?? '';
  const body = english.split('\n---\n')[1]!.trim();
  const text = { title: field('title'), description: field('description'), when: field('when'), fix: field('fix'), fix_admin: field('fix_admin'), body };
  const t = (s: string) => `[${tag}] ${s}`;
  return [
    '---',
    `source_hash: "${sourceHash(text)}"`,
    `title: ${JSON.stringify(t(text.title))}`,
    `description: ${JSON.stringify(t(text.description))}`,
    `when: ${JSON.stringify(t(text.when))}`,
    `fix: ${JSON.stringify(t(text.fix))}`,
    '---',
    t(body),
    '',
  ].join('\n');
}

/** Writes a synthetic project of the given shape under `dir`, using the project's own templates and labels. */
/** Puts `text` before the English description of a code file the corpus wrote: an edit of one code. */
export function prependToDescription(file: string, text: string): void {
  writeFileSync(file, readFileSync(file, 'utf8').replace('description: >-\n  ', `description: >-\n  ${text} `));
}

export function writeCorpus(dir: string, repo: string, shape: CorpusShape): { languages: string[] } {
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  cpSync(path.join(repo, 'templates'), path.join(dir, 'templates'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, codeCompare: { baseUrl: 'https://codes.example.com/' } }, null, 2));
  const shipped = readdirSync(path.join(repo, 'locales')).filter((f) => f.endsWith('.json') && !f.endsWith(LABEL_SOURCES_SUFFIX)).map((f) => f.replace(/\.json$/, ''));
  const ordered = ['en', ...shipped.filter((t) => t !== 'en').sort(), ...EXTRA_TAGS];
  const languages = ordered.slice(0, shape.languages);
  const english = readFileSync(path.join(repo, 'locales/en.json'), 'utf8');
  for (const tag of languages) {
    const source = shipped.includes(tag) ? readFileSync(path.join(repo, 'locales', `${tag}.json`), 'utf8') : english;
    writeFileSync(path.join(dir, 'locales', `${tag}.json`), source);
  }
  const codes = Array.from({ length: shape.codes }, (_, i) => 200 + Math.floor((i * 300) / shape.codes));
  const unique = [...new Set(codes)];
  for (let f = 0; f < shape.families; f++) {
    const family = `family${f + 1}`;
    const familyDir = path.join(dir, 'codes', family);
    mkdirSync(familyDir, { recursive: true });
    writeFileSync(path.join(familyDir, '_family.md'), `---\nname: FAM${f + 1}\ntitle: Family ${f + 1} reply codes\npattern: "^[2-5][0-9]{2}$"\nclasses:\n  "2": Positive Completion\n  "3": Positive Intermediate\n  "4": Transient Negative Completion\n  "5": Permanent Negative Completion\noutcomes:\n  "2": success\n  "3": intermediate\n  "4": temporary\n  "5": permanent\n---\n${prose(f, 80)}\n`);
    unique.forEach((code, index) => {
      const text = codeFile(code, unique, index);
      writeFileSync(path.join(familyDir, `${code}.md`), text);
      for (const tag of languages.slice(1)) {
        if ((index * 7 + tag.length) % 100 >= shape.translated * 100) continue;
        const target = path.join(dir, 'locales', tag, family);
        mkdirSync(target, { recursive: true });
        writeFileSync(path.join(target, `${code}.md`), translation(text, tag));
      }
    });
  }
  return { languages };
}
