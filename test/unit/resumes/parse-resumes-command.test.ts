import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentResumeTextExtractor } from '../../../src/adapters/documents/resume-text-extractor.unpdf.js';
import { OfflineResumeParser } from '../../../src/adapters/offline/resume-parser.offline.js';
import { OfflineResumeReviewer } from '../../../src/adapters/offline/resume-reviewer.offline.js';
import { parseResumeFolder, renderProgressBar } from '../../../src/app/commands/parse-resumes.js';
import { AS_OF, imageOnlyPdf, renamedExe, resumeDocx, singleColumnPdf, twoColumnPdf } from '../../support/fixtures/resumes.js';

describe('parse-resumes command', function () {
  this.timeout(30_000);
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'resumes-'));
    await writeFile(join(dir, 'a-jane.pdf'), await singleColumnPdf());
    await writeFile(join(dir, 'b-maria.pdf'), await twoColumnPdf());
    await writeFile(join(dir, 'c-ahmed.docx'), await resumeDocx());
    // A DOCX named .pdf is read as what it is.
    await writeFile(join(dir, 'd-misnamed.pdf'), await resumeDocx());
    await writeFile(join(dir, 'e-scan.pdf'), await imageOnlyPdf());
    await writeFile(join(dir, 'f-setup.pdf'), renamedExe());
    await writeFile(join(dir, 'g-notes.txt'), 'just some notes');
    await writeFile(join(dir, '.DS_Store'), 'ignored');
    await mkdir(join(dir, 'nested'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one JSON line per file, reports bad files by name and carries on', async () => {
    const lines: string[] = [];
    const progress: Array<[number, number, string]> = [];
    const summary = await parseResumeFolder(
      dir,
      { extractor: new DocumentResumeTextExtractor(), parser: new OfflineResumeParser(), reviewer: new OfflineResumeReviewer(), asOf: AS_OF },
      { line: (s) => lines.push(s), progress: (done, total, file) => progress.push([done, total, file]) },
    );
    expect(summary).to.deep.equal({ total: 7, parsed: 4, failed: 3 });
    const out = lines.map((l) => JSON.parse(l));
    expect(out.map((o) => [o.file, o.status])).to.deep.equal([
      ['a-jane.pdf', 'completed'], ['b-maria.pdf', 'completed'], ['c-ahmed.docx', 'completed'], ['d-misnamed.pdf', 'completed'],
      ['e-scan.pdf', 'failed'], ['f-setup.pdf', 'failed'], ['g-notes.txt', 'failed'],
    ]);
    expect(out[0].parsed.contact.name).to.equal('Jane Doe');
    expect(out[0].review.overallScore).to.be.within(0, 100);
    expect(out[3].type).to.equal('docx');
    expect(out[4]).to.deep.include({ code: 'resumes.no_text_layer' });
    expect(out[4].error).to.match(/no text layer/);
    expect(out[5].error).to.match(/Not a PDF or DOCX/);
    expect(out[6].parsed).to.equal(undefined);
    expect(progress.map(([d, t]) => `${d}/${t}`)).to.deep.equal(['1/7', '2/7', '3/7', '4/7', '5/7', '6/7', '7/7']);
    expect(progress[0]![2]).to.equal('a-jane.pdf');
  });

  it('parses without reviewing when no reviewer is given', async () => {
    const lines: string[] = [];
    await parseResumeFolder(dir, { extractor: new DocumentResumeTextExtractor(), parser: new OfflineResumeParser(), asOf: AS_OF },
      { line: (s) => lines.push(s), progress: () => undefined });
    expect(JSON.parse(lines[0]!)).not.to.have.property('review');
  });

  it('draws a progress bar', () => {
    expect(renderProgressBar(5, 10, 10)).to.equal('[#####-----] 5/10');
    expect(renderProgressBar(0, 3, 6)).to.equal('[------] 0/3');
    expect(renderProgressBar(3, 3, 6)).to.equal('[######] 3/3');
    expect(renderProgressBar(0, 0, 4)).to.equal('[----] 0/0');
    expect(renderProgressBar(12, 10, 4)).to.equal('[####] 12/10');
  });

  it('runs as `npm run cli -- parse-resumes <dir>`: lines to --out, progress and a summary on stderr', async () => {
    const out = join(dir, '..', `${Date.now()}-out.jsonl`);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/cli.ts', 'parse-resumes', dir, '--out', out, '--no-review'], {
      env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code, stderr).to.equal(0);
    const lines = (await readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.status)).to.deep.equal(['completed', 'completed', 'completed', 'completed', 'failed', 'failed', 'failed']);
    expect(stderr).to.contain('[####################] 7/7 g-notes.txt');
    expect(stderr).to.contain('parsed 4 of 7 file(s), 3 failed');
    await rm(out, { force: true });
  });
});
