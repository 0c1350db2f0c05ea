import { expect } from 'chai';
import { newProfile } from '../../../src/domain/candidates/profile.js';
import { VersionConflict } from '../../../src/domain/shared/domain-error.js';
import type { UnitOfWork } from '../../../src/ports/unit-of-work.js';
import { insertCandidate } from '../../support/builders.js';

const t0 = new Date('2026-06-01T12:00:00.000Z');

/** The CandidateProfileRepository contract, run through each adapter's UnitOfWork. */
export function candidateProfileRepositoryContract(label: string, open: () => Promise<UnitOfWork>): void {
  describe(`CandidateProfileRepository contract: ${label}`, () => {
    let uow: UnitOfWork;
    before(async () => {
      uow = await open();
    });
    const candidate = () => insertCandidate(uow);

    it('finds nothing for a candidate whose profile was never saved', async () => {
      expect(await uow.repositories.profiles.find(await candidate())).to.equal(undefined);
    });

    it('inserts at version 0, then updates optimistically, round-tripping every field', async () => {
      const id = await candidate();
      const first = await uow.repositories.profiles.save({ ...newProfile(id, t0), skills: ['go', 'react'], completenessScore: 30 });
      expect(first.version).to.equal(1);
      const edited = {
        ...first,
        experienceYears: 7,
        completenessScore: 62.5,
        updatedAt: new Date(t0.getTime() + 1000),
        preferences: {
          employmentTypes: ['full-time'], locations: ['Sydney', 'Remote'], workSetups: ['hybrid' as const],
          salaryMin: 90000, salaryMax: 120000.5, salaryCurrency: 'AUD', salaryPeriod: 'annually',
        },
      };
      const second = await uow.repositories.profiles.save(edited);
      expect(second).to.deep.equal({ ...edited, version: 2 });
      expect(await uow.repositories.profiles.find(id)).to.deep.equal(second);
    });

    it('refuses a stale version and a second insert with VersionConflict', async () => {
      const id = await candidate();
      const saved = await uow.repositories.profiles.save(newProfile(id, t0));
      await uow.repositories.profiles.save({ ...saved, skills: ['sql'] });
      let error: unknown;
      try {
        await uow.repositories.profiles.save({ ...saved, skills: ['java'] });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(VersionConflict);
      error = undefined;
      try {
        await uow.repositories.profiles.save(newProfile(id, t0));
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(VersionConflict);
      expect((await uow.repositories.profiles.find(id))?.skills).to.deep.equal(['sql']);
    });

    it('queues concurrent locked edits instead of letting them conflict', async () => {
      const id = await candidate();
      await uow.repositories.profiles.save(newProfile(id, t0));
      const addSkill = (skill: string) => uow.transaction(async (repos) => {
        await repos.profiles.lock(id);
        const current = (await repos.profiles.find(id))!;
        return repos.profiles.save({ ...current, skills: [...current.skills, skill].sort() });
      });
      await Promise.all(['a', 'b', 'c', 'd', 'e'].map(addSkill));
      const final = await uow.repositories.profiles.find(id);
      expect(final?.skills).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
      expect(final?.version).to.equal(6);
    });

    it('rolls a save back with its transaction', async () => {
      const id = await candidate();
      await uow.transaction(async (repos) => {
        await repos.profiles.save(newProfile(id, t0));
        throw new Error('abort');
      }).catch(() => undefined);
      expect(await uow.repositories.profiles.find(id)).to.equal(undefined);
    });
  });
}
