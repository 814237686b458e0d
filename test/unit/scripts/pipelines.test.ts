/**
 * The publishing pipelines an agglomeration copies (.gitlab-ci.yml,
 * .github/workflows/publier.yml): valid for their host (GitLab's JSON
 * Schema, GitHub's own workflow parser), running the project's commands,
 * with npm cached and the base path set; their shell steps are run against
 * stand-ins for npm, curl and gh.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse, parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { printFiles } from '../../../src/lib/print/documents.ts';
import { sitePath } from '../../../src/lib/site/base-path.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const GITLAB = '.gitlab-ci.yml';
const GITHUB = '.github/workflows/publier.yml';
const SCRIPTS = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
// The parsed YAML is checked key by key below.
const gitlab = parse(read(GITLAB)) as any;
const github = parse(read(GITHUB)) as any;

/** Every `npm …` command a pipeline runs. */
const npmCommands = (text: string) => [...text.matchAll(/\bnpm (run [\w:-]+|test|ci)\b/g)].map((m) => m[1]!);

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** Runs shell lines in a fresh folder with stand-ins for npm (it builds dist/), curl and gh that record their calls. */
function runShell(lines: string[], env: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'cahiers-pipeline-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const stub = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*${name === 'npm' ? ' [SITE_URL=$SITE_URL BASE_PATH=$BASE_PATH]' : ''}" >> "$CALLS"\n${body}`);
    chmodSync(join(bin, name), 0o755);
  };
  stub('npm', 'if [ "$1 $2" = "run build" ]; then mkdir -p dist/pdf; touch dist/index.html dist/pdf/cahier-1-diagnostic.pdf dist/pdf/evolutions.pdf; fi\n');
  stub('curl', '');
  stub('gh', 'if [ "$1 $2" = "release view" ]; then exit 1; fi\n');
  stub('git', '');
  const calls = join(dir, 'calls.txt');
  writeFileSync(calls, '');
  const work = join(dir, 'projet');
  mkdirSync(join(work, 'public'), { recursive: true });
  const r = spawnSync('bash', ['-e', '-c', lines.join('\n')], { cwd: work, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, CALLS: calls, HOME: dir, ...env } });
  return { code: r.status, stderr: r.stderr, calls: readFileSync(calls, 'utf8').trim().split('\n').filter(Boolean), work };
}

describe('both pipelines', () => {
  it.each([GITLAB, GITHUB])('%s is YAML without a warning, and every npm command it runs is one of package.json', (file) => {
    const doc = parseDocument(read(file));
    expect([...doc.errors, ...doc.warnings]).toEqual([]);
    const commands = npmCommands(read(file));
    expect(commands).toEqual(expect.arrayContaining(['run setup', 'run check', 'test', 'run build']));
    for (const c of commands) if (c.startsWith('run ')) expect(SCRIPTS, c).toContain(c.slice(4));
  });
});

describe('.gitlab-ci.yml', () => {
  it('passes GitLab’s JSON Schema of .gitlab-ci.yml', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/ci/gitlab-ci.schema.json'), 'utf8')));
    expect(validate(gitlab) ? [] : validate.errors).toEqual([]);
  });

  it('installs with the project’s setup in a Debian image with Node, npm’s cache kept by lock file', () => {
    expect(gitlab.image).toMatch(/^node:\d+-bookworm$/);
    expect(gitlab.default.before_script).toEqual(['npm run setup -- --no-build']);
    expect(gitlab.variables.npm_config_cache).toBe('$CI_PROJECT_DIR/.npm');
    expect(gitlab.cache).toEqual({ key: { files: ['package-lock.json'] }, paths: ['.npm/'] });
    expect(gitlab.variables.GIT_DEPTH).toBe('0');
  });

  it('checks and tests on every pipeline', () => {
    expect(gitlab.verifier.script).toEqual(['npm run check', 'npm test']);
    expect(gitlab.verifier.rules).toBeUndefined();
  });

  it('publishes the site to GitLab Pages from the default branch, built under the Pages address or SITE_URL', () => {
    const pages = gitlab.pages;
    expect(pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(pages.artifacts.paths).toEqual(['public']);
    const r = runShell(pages.script, { CI_PAGES_URL: 'https://agglo.gitlab.io/contrat-de-ville' });
    expect(r.calls).toEqual(['npm run build [SITE_URL=https://agglo.gitlab.io/contrat-de-ville/ BASE_PATH=]']);
    expect(sitePath({ SITE_URL: 'https://agglo.gitlab.io/contrat-de-ville/' }).base).toBe('/contrat-de-ville/');
    expect(existsSync(join(r.work, 'public/index.html'))).toBe(true);
    const custom = runShell(pages.script, { CI_PAGES_URL: 'https://agglo.gitlab.io/contrat-de-ville', SITE_URL: 'https://contrat.agglo.fr/' });
    expect(custom.calls).toEqual(['npm run build [SITE_URL=https://contrat.agglo.fr/ BASE_PATH=]']);
  });

  it('for a tag, uploads every PDF built to the package registry and links the three documents from the release', () => {
    expect(gitlab.pdf.rules).toEqual([{ if: '$CI_COMMIT_TAG' }]);
    const packageUrl = 'https://gitlab.example/api/v4/projects/7/packages/generic/contrat-de-ville/v1.1';
    expect(gitlab.variables.PDF_PACKAGE_URL.replace(/\$\{(\w+)\}/g, (_: string, v: string) => ({ CI_API_V4_URL: 'https://gitlab.example/api/v4', CI_PROJECT_ID: '7', CI_COMMIT_TAG: 'v1.1' })[v]!)).toBe(packageUrl);
    const r = runShell(gitlab.pdf.script, { CI_PAGES_URL: 'https://agglo.gitlab.io/contrat', CI_JOB_TOKEN: 'jeton', PDF_PACKAGE_URL: packageUrl });
    expect(r.calls).toEqual([
      'npm run build [SITE_URL=https://agglo.gitlab.io/contrat/ BASE_PATH=]',
      ...['cahier-1-diagnostic.pdf', 'evolutions.pdf'].map((f) => `curl --silent --show-error --fail --header JOB-TOKEN: jeton --upload-file dist/pdf/${f} ${packageUrl}/${f}`),
    ]);
    const release = gitlab.release;
    expect([release.stage, release.needs, release.rules, release.before_script]).toEqual(['release', ['pdf'], [{ if: '$CI_COMMIT_TAG' }], []]);
    expect(release.release.tag_name).toBe('$CI_COMMIT_TAG');
    expect(release.release.assets.links.map((l: { url: string }) => l.url)).toEqual(Object.values(printFiles).map((f) => `$PDF_PACKAGE_URL/${f}`));
  });
});

// GitHub's own parser (@actions/workflow-parser), a devDependency: an older node_modules may lack it until `npm ci`.
const parser = existsSync(join(ROOT, 'node_modules/@actions/workflow-parser')) ? await import('@actions/workflow-parser') : undefined;

describe('.github/workflows/publier.yml', () => {
  const job = github.jobs.construire;
  const step = (name: string) => job.steps.find((s: { name?: string; uses?: string }) => s.name === name || s.uses?.startsWith(name));

  it.skipIf(!parser)('passes GitHub’s own workflow parser: schema, permissions, expressions', async () => {
    const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = parser!;
    const parsed = parseWorkflow({ name: GITHUB, content: read(GITHUB) }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.map((j) => j.id.value)).toEqual(['construire', 'deployer', 'release']);
  });

  it('installs with the project’s setup in a Debian container with Node, npm’s cache kept by lock file, the whole history fetched', () => {
    expect(job.container).toMatch(/^node:\d+-bookworm$/);
    expect(step('actions/checkout').with['fetch-depth']).toBe(0);
    expect(step('actions/cache').with).toEqual({ path: '~/.npm', key: "npm-${{ hashFiles('package-lock.json') }}", 'restore-keys': 'npm-' });
    expect(job.steps.map((s: { run?: string }) => s.run?.trim().split('\n').at(-1)).filter(Boolean)).toEqual(['npm run setup -- --no-build', 'npm run check', 'npm test', 'npm run build']);
  });

  it('builds under the repository’s Pages address, or SITE_URL for a custom domain', () => {
    expect(step('Construire le site et les PDF').env.SITE_URL).toBe("${{ vars.SITE_URL || format('https://{0}.github.io/{1}/', github.repository_owner, github.event.repository.name) }}");
    expect(sitePath({ SITE_URL: 'https://agglo.github.io/contrat-de-ville/' }).base).toBe('/contrat-de-ville/');
    expect(step('actions/upload-pages-artifact').with.path).toBe('dist/');
  });

  it('deploys with actions/deploy-pages from the default branch only', () => {
    const deploy = github.jobs.deployer;
    expect(deploy.permissions).toEqual({ actions: 'read', pages: 'write', 'id-token': 'write' });
    expect(deploy.environment.name).toBe('github-pages');
    expect(deploy.if).toContain("github.ref == format('refs/heads/{0}', github.event.repository.default_branch)");
    expect(deploy.steps.map((s: { uses: string }) => s.uses)).toEqual(['actions/deploy-pages@v4']);
    expect(github.permissions).toEqual({ contents: 'read' });
  });

  it('for a tag, creates the release with every PDF built, or adds them to an existing one', () => {
    const release = github.jobs.release;
    expect(release.if).toBe("github.event_name == 'push' && startsWith(github.ref, 'refs/tags/v')");
    expect(release.permissions).toEqual({ contents: 'write' });
    expect(step('actions/upload-artifact').with).toEqual({ name: 'pdf', path: 'dist/pdf/*.pdf' });
    const run = release.steps.at(-1).run as string;
    const r = runShell(['mkdir -p pdf && touch pdf/cahier-1-diagnostic.pdf pdf/contrat-de-ville.pdf', run], { TAG: 'v1.1', GH_TOKEN: 'jeton', GH_REPO: 'agglo/contrat' });
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([
      'gh release view v1.1',
      expect.stringMatching(/^gh release create v1\.1 pdf\/cahier-1-diagnostic\.pdf pdf\/contrat-de-ville\.pdf --verify-tag --title Version v1\.1 --notes Les PDF de la version v1\.1 du contrat/),
    ]);
  });
});
