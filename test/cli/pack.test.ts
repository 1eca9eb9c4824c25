import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gitInit } from '../support/git.js';
import { makeTempDir, REPO } from '../support/site.js';

/**
 * The package as a user gets it: `npm pack` in a copy of this repository (so that packing, which
 * removes and compiles lib/, never touches the lib/ other tests run), installed offline from the
 * tarball into an empty folder, then driven with npx.
 */

/** What a checkout holds that is not source: never copied into the folder that is packed. */
const NOT_SOURCE = new Set(['node_modules', 'lib', 'dist', '.git', 'test-artifacts', 'bench-results', '.code-compare-cache', 'test-results.json']);

/** npm's own variables of the `npm test` that runs this file would steer the npm started here. */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
Object.assign(env, { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });

function exec(command: string, args: readonly string[], cwd: string, timeout = 180_000): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
}

/**
 * `npm ci` caches the dependencies' tarballs but not the registry's lists of their versions, which
 * `npm install --offline TARBALL` needs to resolve `^4.0.3` and the like. A lockfile holding this
 * repository's resolved production dependencies answers those questions from the cache instead.
 */
function seedLockfile(folder: string): void {
  const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const packages: Record<string, unknown> = { '': {} };
  for (const [key, entry] of Object.entries(lock.packages)) if (key.startsWith('node_modules/') && !entry.dev) packages[key] = entry;
  writeFileSync(path.join(folder, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, requires: true, packages }, null, 2));
}

interface Packed {
  readonly version: string;
  readonly files: readonly string[];
  readonly project: string;
}

let packed: Packed;
/** `--yes=false`: never fetch a package of that name from the registry, only run the installed one. */
const npx = (cwd: string, ...args: string[]) => exec('npx', ['--yes=false', 'code-compare', ...args], cwd, 60_000);

beforeAll(() => {
  const work = makeTempDir('code-compare-pack-');
  const source = path.join(work, 'source');
  mkdirSync(source);
  for (const entry of readdirSync(REPO)) if (!NOT_SOURCE.has(entry)) cpSync(path.join(REPO, entry), path.join(source, entry), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(source, 'node_modules'), 'dir');
  const tarballs = path.join(work, 'tarballs');
  mkdirSync(tarballs);
  const pack = exec('npm', ['pack', '--json', '--pack-destination', tarballs], source);
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const [result] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Array<{ filename: string; version: string; files: Array<{ path: string }> }>;

  const project = path.join(work, 'project');
  mkdirSync(project);
  seedLockfile(project);
  const install = exec('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(tarballs, result!.filename)], project);
  if (install.status !== 0) throw new Error(`npm install --offline failed:\n${install.stderr}`);
  packed = { version: result!.version, files: result!.files.map((f) => f.path), project };
}, 400_000);

describe('the npm package', () => {
  it('holds the compiled tool, its templates, labels and starter, and nothing a user does not need', () => {
    const { files } = packed;
    for (const needed of ['package.json', 'bin/code-compare.js', 'lib/cli/main.js', 'lib/write/render-worker.js', 'templates/layout.hbs', 'templates/pages/pair.hbs', 'templates/partials/breadcrumbs.hbs', 'templates/assets/site.css', 'templates/assets/social.png', 'locales/en.json', 'locales/vi.json', 'locales/ar.json', 'starter/codes/api/_family.md', 'starter/locales/en.json', 'docs/templates.md']) {
      expect(files, needed).toContain(needed);
    }
    const unwanted = files.filter((f) => /^(src|test|codes|reference|\.ci)\//.test(f) || /^locales\/[^/]+\//.test(f) || f.startsWith('lib/bench/') || f.endsWith('.map') || f.endsWith('.ts'));
    expect(unwanted).toEqual([]);
  });

  it('installs offline from the tarball and prints its version', () => {
    const result = npx(packed.project, '--version');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(packed.version);
  });

  it('init, check and build work in the folder it was installed into', () => {
    const { project } = packed;
    const init = npx(project, 'init');
    expect(init.status, init.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'));
    expect(pkg.dependencies['code-compare']).toMatch(/^file:/);
    expect(pkg.codeCompare.baseUrl).toBe('https://codes.example.com/');

    const check = npx(project, 'check');
    expect(check.stderr.trim()).toBe('0 errors, 0 warnings');
    expect(check.status).toBe(0);

    const build = npx(project, 'build');
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(build.stdout).toMatch(/^built 14 pages in 1 language .* 0 warnings/m);
    for (const page of ['index.html', '404.html', 'sitemap.xml', 'assets/site.css', 'en/index.html', 'en/api/index.html', 'en/api/401/index.html', 'en/api/401-vs-403/index.html']) {
      expect(existsSync(path.join(project, 'dist', page)), page).toBe(true);
    }
    const pair = readFileSync(path.join(project, 'dist/en/api/401-vs-403/index.html'), 'utf8');
    expect(pair).toContain('<link rel="canonical" href="https://codes.example.com/en/api/401-vs-403/">');
    expect(pair).toContain('Example API codes');
    expect(readFileSync(path.join(project, 'dist/assets/site.css'), 'utf8')).toBe(readFileSync(path.join(REPO, 'templates/assets/site.css'), 'utf8'));
    expect(readFileSync(path.join(project, 'dist/assets/social.png')).equals(readFileSync(path.join(REPO, 'templates/assets/social.png')))).toBe(true);
    expect(pair).toMatch(/<meta property="og:image" content="https:\/\/codes\.example\.com\/assets\/social\.png\?v/);
    // No repository around the project: no dates, and no complaint.
    expect(readFileSync(path.join(project, 'dist/sitemap.xml'), 'utf8')).not.toContain('<lastmod>');
    // Committed, the same project's pages carry the commit's date.
    gitInit(project, '2024-05-06T07:08:09Z');
    const dated = npx(project, 'build');
    expect(dated.stderr).toBe('');
    expect(readFileSync(path.join(project, 'dist/sitemap.xml'), 'utf8')).toContain('<loc>https://codes.example.com/en/api/401-vs-403/</loc><lastmod>2024-05-06T07:08:09Z</lastmod>');

    writeFileSync(path.join(project, 'codes/api/418.md'), '---\ncode: "418"\ntitle: I am a teapot\n---\n');
    const broken = npx(project, 'check');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^codes\/api\/418\.md:\d+:\d+: error: required field `description` is missing or empty \[missing-field\]$/m);
    const failed = npx(project, 'build');
    expect(failed.status).toBe(1);
    expect(existsSync(path.join(project, 'dist/en/api/401/index.html'))).toBe(true);
  });

  it('serve builds the project and serves it', async () => {
    // A project in a folder of the installing one, so that npx finds the installed tool.
    expect(npx(packed.project, 'init', 'preview').status).toBe(0);
    // Detached: npx starts the tool in a child process; the signal goes to the group this test made.
    const child = spawn('npx', ['--yes=false', 'code-compare', 'serve', '--root', 'preview', '--port', '0'], { cwd: packed.project, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let base = '';
    try {
      const deadline = Date.now() + 30_000;
      while (!/serving http:\/\/127\.0\.0\.1:\d+\//.test(stdout)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`serve did not start:\n${stdout}\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      base = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)![1]!;
      const response = await fetch(`${base}en/api/401/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Unauthorized');
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGINT');
    }
    await exited;
    // npm itself dies of the signal; the tool, which got it too, stops serving.
    const stopped = async () => fetch(base).then(() => false, () => true);
    const deadline = Date.now() + 10_000;
    while (!(await stopped()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await stopped()).toBe(true);
    expect(stderr).toBe('');
  });
});
