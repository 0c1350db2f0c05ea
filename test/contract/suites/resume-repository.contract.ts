import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { emptyParsedResume } from '../../../src/domain/resumes/parsed-resume.js';
import { toStoredParse } from '../../../src/domain/resumes/resume.js';
import type { UnitOfWork } from '../../../src/ports/unit-of-work.js';
import { aResume, insertCandidate } from '../../support/builders.js';

const t0 = new Date('2026-06-01T12:00:00.000Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

/** The ResumeRepository contract, run through each adapter's UnitOfWork. */
export function resumeRepositoryContract(label: string, open: () => Promise<UnitOfWork>): void {
  describe(`ResumeRepository contract: ${label}`, () => {
    let uow: UnitOfWork;
    before(async () => {
      uow = await open();
    });
    const candidate = () => insertCandidate(uow);

    it('round-trips a resume and keeps one active per candidate, newest first', async () => {
      const me = await candidate();
      const a = aResume(me, { uploadedAt: at(1), fileName: 'first résumé.pdf' });
      const b = aResume(me, { uploadedAt: at(2), type: 'docx', storageKey: `resumes/${me}/x.docx` });
      await uow.repositories.resumes.insertActive(a);
      await uow.repositories.resumes.insertActive(b);
      expect(await uow.repositories.resumes.find(a.id)).to.deep.equal({ ...a, isActive: false });
      expect(await uow.repositories.resumes.findActive(me)).to.deep.equal(b);
      expect((await uow.repositories.resumes.listOwned(me)).map((r) => r.id)).to.deep.equal([b.id, a.id]);
      expect(await uow.repositories.resumes.countOwned(me)).to.equal(2);
      const known = await uow.repositories.resumes.knownStorageKeys([a.storageKey, `resumes/${me}/orphan.pdf`, b.storageKey]);
      expect([...known].sort()).to.deep.equal([a.storageKey, b.storageKey].sort());
      expect(await uow.repositories.resumes.knownStorageKeys([])).to.deep.equal(new Set());
    });

    it('hides another candidate\'s resume and refuses to activate it', async () => {
      const me = await candidate();
      const other = await candidate();
      const theirs = aResume(other);
      await uow.repositories.resumes.insertActive(theirs);
      expect(await uow.repositories.resumes.findOwned(me, theirs.id)).to.equal(undefined);
      expect(await uow.repositories.resumes.activate(me, theirs.id)).to.equal(false);
      expect(await uow.repositories.resumes.listOwned(me)).to.deep.equal([]);
      expect((await uow.repositories.resumes.findOwned(other, theirs.id))?.id).to.equal(theirs.id);
    });

    it('activates one resume and deactivates the rest', async () => {
      const me = await candidate();
      const a = aResume(me, { uploadedAt: at(1) });
      const b = aResume(me, { uploadedAt: at(2) });
      await uow.repositories.resumes.insertActive(a);
      await uow.repositories.resumes.insertActive(b);
      expect(await uow.repositories.resumes.activate(me, a.id)).to.equal(true);
      const list = await uow.repositories.resumes.listOwned(me);
      expect(list.map((r) => [r.id, r.isActive])).to.deep.equal([[b.id, false], [a.id, true]]);
    });

    it('never leaves two active resumes when uploads race', async () => {
      const me = await candidate();
      await Promise.all(Array.from({ length: 4 }, (_, i) =>
        uow.transaction((repos) => repos.resumes.insertActive(aResume(me, { uploadedAt: at(i) })))));
      const active = (await uow.repositories.resumes.listOwned(me)).filter((r) => r.isActive);
      expect(active).to.have.length(1);
    });

    it('records parsing outcomes and serves the latest analysis; delete removes both', async () => {
      const me = await candidate();
      const other = await candidate();
      const r = aResume(me);
      await uow.repositories.resumes.insertActive(r);
      await uow.repositories.resumes.setParsing(r.id, { status: 'processing' });
      expect((await uow.repositories.resumes.find(r.id))?.parsingStatus).to.equal('processing');
      const parsed = toStoredParse(
        { ...emptyParsedResume(), totalYears: 3.5, skills: [{ name: 'react', matched: 'React', section: 'skills' }] },
        { provider: 'offline', model: 'rules-v1' },
      );
      expect(await uow.repositories.resumes.extractedText(r.id)).to.equal(undefined);
      await uow.repositories.resumes.setParsing(r.id, { status: 'completed', parsed, errorMessage: null, parsedAt: at(5), extractedText: 'Jane Doe\nReact' });
      expect(await uow.repositories.resumes.extractedText(r.id)).to.equal('Jane Doe\nReact');
      const done = await uow.repositories.resumes.find(r.id);
      expect(done).to.deep.include({ parsingStatus: 'completed', parsed, parsedAt: at(5), errorMessage: null });
      expect(done?.parsed?.skills).to.deep.equal(['react']);
      expect(done?.parsed?.experienceYears).to.equal(3);

      expect(await uow.repositories.resumes.latestAnalysis(r.id)).to.equal(undefined);
      const analysis = {
        id: randomUUID(), resumeId: r.id, overallScore: 71, strengths: ['a'], weaknesses: ['b'], suggestions: ['c'],
        keywordsMissing: ['docker'], breakdown: { clarity: 20 }, analysisModel: 'offline/rules', tokensUsed: 0, analyzedAt: at(6),
      };
      await uow.repositories.resumes.addAnalysis(analysis);
      const newer = { ...analysis, id: randomUUID(), overallScore: 80, analyzedAt: at(7), breakdown: null };
      await uow.repositories.resumes.addAnalysis(newer);
      expect(await uow.repositories.resumes.latestAnalysis(r.id)).to.deep.equal(newer);

      await uow.repositories.resumes.delete(other, r.id);
      expect(await uow.repositories.resumes.countOwned(me), "another candidate cannot delete it").to.equal(1);
      await uow.repositories.resumes.delete(me, r.id);
      expect(await uow.repositories.resumes.find(r.id)).to.equal(undefined);
      expect(await uow.repositories.resumes.latestAnalysis(r.id)).to.equal(undefined);
      expect(await uow.repositories.resumes.extractedText(r.id)).to.equal(undefined);
      expect(await uow.repositories.resumes.countOwned(me)).to.equal(0);
    });

    it('records a failure with its message', async () => {
      const me = await candidate();
      const r = aResume(me);
      await uow.repositories.resumes.insertActive(r);
      await uow.repositories.resumes.setParsing(r.id, { status: 'failed', parsed: null, errorMessage: 'no text layer', parsedAt: at(3) });
      expect(await uow.repositories.resumes.find(r.id)).to.deep.include({ parsingStatus: 'failed', errorMessage: 'no text layer', parsed: null });
    });
  });
}
