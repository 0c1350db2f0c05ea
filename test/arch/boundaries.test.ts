import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const cruise = (targets: string[]) => {
  try {
    const out = execFileSync(
      process.execPath,
      ['node_modules/dependency-cruiser/bin/dependency-cruise.mjs', ...targets, '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { ok: true, out };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
};

describe('architecture boundaries (dependency-cruiser)', function () {
  this.timeout(120_000);

  it('holds for src and plugins', () => {
    const result = cruise(['src', 'plugins']);
    expect(result.out, result.out).not.to.match(/error /);
    expect(result.ok, result.out).to.equal(true);
  });

  it('fails when the domain imports a framework, even type-only, or node I/O', () => {
    const dir = mkdtempSync(path.join('src', 'domain', 'zz-arch-probe-'));
    try {
      writeFileSync(
        path.join(dir, 'probe.ts'),
        "import type Koa from 'koa';\nimport { readFileSync } from 'node:fs';\nexport type K = Koa;\nexport const read = readFileSync;\n",
      );
      const result = cruise([dir]);
      expect(result.ok).to.equal(false);
      expect(result.out).to.match(/domain-is-pure: .*probe\.ts → node_modules\/koa/);
      expect(result.out).to.match(/domain-is-pure: .*probe\.ts → (node:)?fs/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
