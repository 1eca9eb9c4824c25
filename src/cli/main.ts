import './compiler-flags.js';
import { Command, CommanderError, Option } from 'commander';
import { toolVersion } from '../package.js';
import { commaList, positiveInteger, shardOption, UsageError } from './options.js';
import { processOutput, type Output } from './report.js';

// Each command loads its own modules when it runs, so `check` does not pay for the preview server.
const buildCommand: typeof import('./build.js').buildCommand = async (...a) => (await import('./build.js')).buildCommand(...a);
const confirmCommand: typeof import('./confirm.js').confirmCommand = async (...a) => (await import('./confirm.js')).confirmCommand(...a);
const checkCommand: typeof import('./check.js').checkCommand = async (...a) => (await import('./check.js')).checkCommand(...a);
const initCommand: typeof import('./init.js').initCommand = async (...a) => (await import('./init.js')).initCommand(...a);
const exportCommand: typeof import('./export.js').exportCommand = async (...a) => (await import('./export.js')).exportCommand(...a);
const importCommand: typeof import('./import.js').importCommand = async (...a) => (await import('./import.js')).importCommand(...a);
const hashCommand: typeof import('./hash.js').hashCommand = async (...a) => (await import('./hash.js')).hashCommand(...a);
const newLocaleCommand: typeof import('./new-locale.js').newLocaleCommand = async (...a) => (await import('./new-locale.js')).newLocaleCommand(...a);
const serveCommand: typeof import('./serve.js').serveCommand = async (...a) => (await import('./serve.js')).serveCommand(...a);
const statusCommand: typeof import('./status.js').statusCommand = async (...a) => (await import('./status.js')).statusCommand(...a);

function common(command: Command): Command {
  return command
    .option('--root <dir>', 'folder holding codes/, locales/ and templates/', '.')
    .option('--lang <tags>', 'only these languages, comma-separated (e.g. vi,pt-BR)', commaList)
    .option('--family <ids>', 'only these code families, comma-separated (e.g. smtp)', commaList);
}

/** Where a build writes and for which URL, and how strict it is: `build`'s and `merge`'s. */
function outputOptions(command: Command, baseUrlNote = ''): Command {
  return command
    .option('--out <dir>', 'output folder (default: ROOT/dist)')
    .option('--base-url <url>', `absolute URL the site is published at${baseUrlNote} (default: codeCompare.baseUrl in package.json)`)
    .option('--strict', 'treat warnings as errors');
}

/** `--search` and `--no-search`, left undefined unless given, so `codeCompare.search` decides. */
function searchOptions(command: Command): Command {
  return command
    .option('--search', 'a search box on every page and a search index in pagefind/ (the default, unless codeCompare.search is false)')
    .option('--no-search', 'no search box and no search index');
}

function program(output: Output, setExit: (code: number) => void): Command {
  const run = (action: () => Promise<number>) => async () => setExit(await action());
  const cli = new Command('code-compare')
    .description('Publishes multilingual reference pages about protocol codes and their comparisons.')
    .version(toolVersion(), '-V, --version', 'print the version of code-compare')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => output.out(s.trimEnd()), writeErr: (s) => output.err(s.trimEnd()) })
    .exitOverride();

  const build = outputOptions(common(cli.command('build').description('validate, then render every page into the output folder')))
    .addOption(new Option('--jobs <n>', 'worker threads for rendering 20,000 pages or more (default: one per core; fewer render in the build thread)').argParser(positiveInteger))
    .addOption(new Option('--shard <k/n>', 'render only share K of N of the pages into --out, for `merge` to join (e.g. 2/4)').argParser(shardOption));
  searchOptions(build);
  build.action((_opts: unknown, cmd: Command) => run(() => buildCommand(cmd.opts(), output))());

  // Shards are shares of the whole site: no --lang or --family.
  const merge = cli.command('merge').description('join the outputs of `build --shard K/N` (every K of one N) into the site one build makes').argument('<shards...>', 'the folders the shards were built into (relative to --root, as --out is)')
    .option('--root <dir>', 'folder holding codes/, locales/ and templates/', '.');
  outputOptions(merge, ', as the shards were built with').addOption(new Option('--jobs <n>', 'worker threads (default: one per core)').argParser(positiveInteger));
  searchOptions(merge);
  merge.action((shards: string[], _opts: unknown, cmd: Command) => run(() => buildCommand(cmd.opts(), output, shards))());

  const init = cli.command('init').description('write a small working project into DIR (default: the current folder), which must be empty')
    .argument('[dir]', 'folder for the new project')
    .option('--base-url <url>', 'absolute URL the site will be published at (default: https://codes.example.com/)');
  init.action((dir: string | undefined, _opts: unknown, cmd: Command) => run(() => initCommand(dir, cmd.opts(), output))());

  const check = common(cli.command('check').description('validate codes/, locales/ and templates/; print diagnostics')).option('--json', 'print diagnostics as JSON');
  check.action((_opts: unknown, cmd: Command) => run(() => checkCommand(cmd.opts(), output))());

  const status = common(cli.command('status').description('translation coverage per language'))
    .option('--json', 'print as JSON')
    .option('--html <dir>', 'write a translation dashboard to DIR/index.html')
    .option('--site-base <url>', 'where the dashboard links pages: the built site as a URL or a path relative to DIR (default: ROOT/dist)');
  status.action((_opts: unknown, cmd: Command) => run(() => statusCommand(cmd.opts(), output))());

  const serve = common(cli.command('serve').description('preview on 127.0.0.1 with rebuild on save and live reload'))
    .option('--port <n>', 'port to listen on (0: any free port)', (v) => (v === '0' ? 0 : positiveInteger(v)), 8080)
    .option('--base-url <url>', 'base URL used for canonical links in the preview');
  searchOptions(serve);
  serve.action((_opts: unknown, cmd: Command) => run(() => serveCommand(cmd.opts(), output))());

  const newLocale = common(cli.command('new-locale').description('scaffold locales/TAG.json for a new language').argument('<tag>', 'BCP 47 language tag, e.g. pt-BR'));
  newLocale.action((tag: string, _opts: unknown, cmd: Command) => run(() => newLocaleCommand(tag, cmd.opts(), output))());

  const hash = common(cli.command('hash').description('print the source_hash of English code files, for translations').argument('<files...>', 'codes/<family>/<code>.md files'));
  hash.action((files: string[], _opts: unknown, cmd: Command) => run(() => hashCommand(files, cmd.opts(), output))());

  const exportCmd = cli.command('export').description('write every translatable string of a language, with its English and state, for translation tools')
    .option('--root <dir>', 'folder holding codes/, locales/ and templates/', '.')
    .requiredOption('--lang <tag>', 'the language to export, e.g. pt-BR')
    .option('--family <ids>', 'only these code families, comma-separated (labels are always exported)', commaList)
    .addOption(new Option('--format <format>', 'exchange format (default: from the --out file name)').choices(['po', 'xliff']))
    .option('--out <file>', 'file to write (default: standard output)');
  exportCmd.action((_opts: unknown, cmd: Command) => run(() => exportCommand(cmd.opts(), output))());

  const importCmd = cli.command('import').description('write the translations of a PO or XLIFF file back into locales/').argument('<file>', 'a file made by `code-compare export`, translated')
    .option('--root <dir>', 'folder holding codes/, locales/ and templates/', '.')
    .option('--dry-run', 'report what would change; write nothing');
  importCmd.action((file: string, _opts: unknown, cmd: Command) => run(() => importCommand(file, cmd.opts(), output))());

  const confirm = cli
    .command('confirm')
    .description('record that translations were reviewed against the English now, so they are no longer stale')
    .argument('[items...]', 'label keys (site.home), content ids (smtp/553) or files (locales/de/smtp/553.md, codes/smtp/553.md); none: record the English of every current translation that has none recorded')
    .option('--root <dir>', 'folder holding codes/, locales/ and templates/', '.')
    .option('--lang <tags>', 'the languages whose translations are confirmed, comma-separated (e.g. de,fr)', commaList);
  confirm.action((items: string[], _opts: unknown, cmd: Command) => run(() => confirmCommand(items, cmd.opts(), output))());
  return cli;
}

/** Runs the CLI and returns the exit status: 0 success, 1 bad input, 2 bad usage. */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  let exitCode = 0;
  const cli = program(output, (code) => (exitCode = code));
  if (argv.length === 0) {
    cli.outputHelp({ error: true });
    return 2;
  }
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    if (error instanceof UsageError) {
      output.err(`error: ${error.message}`);
      return 2;
    }
    // A file the system refused (permissions, a full disk) is the operator's to fix, not a bug.
    if (error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string') {
      output.err(`error: ${error.message}`);
      return 1;
    }
    output.err(`code-compare: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 70;
  }
}
