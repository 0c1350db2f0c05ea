import { expect } from 'chai';
import {
  emptyPreferences, mergeResumeIntoProfile, newProfile, profileCompleteness, type CompletenessInput,
} from '../../../src/domain/candidates/index.js';

const bare: CompletenessInput = {
  email: null, fullName: null, phone: null, skills: [], experienceYears: null, preferences: emptyPreferences(), resumeCount: 0,
};
const prefs = (p: Partial<ReturnType<typeof emptyPreferences>>) => ({ ...emptyPreferences(), ...p });

describe('profile completeness (the reference weights)', () => {
  const cases: Array<[string, Partial<CompletenessInput>, number]> = [
    ['nothing', {}, 0],
    ['email', { email: 'a@b.co' }, 10],
    ['full name', { fullName: 'Ada' }, 10],
    ['a blank name counts as none', { fullName: '   ' }, 0],
    ['phone', { phone: '+61 4' }, 10],
    ['one skill', { skills: ['go'] }, 10],
    ['three skills', { skills: ['go', 'sql', 'react'] }, 10],
    ['four skills', { skills: ['go', 'sql', 'react', 'aws'] }, 20],
    ['experience, even zero years', { experienceYears: 0 }, 15],
    ['employment types', { preferences: prefs({ employmentTypes: ['full-time'] }) }, 7],
    ['work setups', { preferences: prefs({ workSetups: ['remote'] }) }, 7],
    ['salary min alone', { preferences: prefs({ salaryMin: 10 }) }, 0],
    ['salary min and max', { preferences: prefs({ salaryMin: 10, salaryMax: 20 }) }, 6],
    ['a resume', { resumeCount: 1 }, 15],
    ['two resumes count once', { resumeCount: 2 }, 15],
  ];
  for (const [name, input, score] of cases) {
    it(`${name} → ${score}`, () => expect(profileCompleteness({ ...bare, ...input })).to.equal(score));
  }
  it('everything → 100', () => {
    expect(profileCompleteness({
      email: 'a@b.co', fullName: 'Ada', phone: '1', skills: ['a', 'b', 'c', 'd'], experienceYears: 3, resumeCount: 1,
      preferences: prefs({ employmentTypes: ['contract'], workSetups: ['any'], salaryMin: 1, salaryMax: 2 }),
    })).to.equal(100);
  });
});

describe('merging a parsed resume into a profile', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  it('takes the union of skills, normalised and sorted', () => {
    const merged = mergeResumeIntoProfile({ ...newProfile('c', at), skills: ['rust', 'go'] }, { skills: ['Go', 'JS', 'k8s'], experienceYears: 4 });
    expect(merged.skills).to.deep.equal(['go', 'javascript', 'kubernetes', 'rust']);
  });
  it('fills experience only when the profile has none and the resume shows some', () => {
    expect(mergeResumeIntoProfile(newProfile('c', at), { skills: [], experienceYears: 6.9 }).experienceYears).to.equal(6);
    expect(mergeResumeIntoProfile(newProfile('c', at), { skills: [], experienceYears: 0 }).experienceYears).to.equal(null);
    expect(mergeResumeIntoProfile({ ...newProfile('c', at), experienceYears: 2 }, { skills: [], experienceYears: 9 }).experienceYears).to.equal(2);
    expect(mergeResumeIntoProfile({ ...newProfile('c', at), experienceYears: 0 }, { skills: [], experienceYears: 9 }).experienceYears).to.equal(0);
  });
  it('never grows past 50 skills, keeping every skill the candidate entered', () => {
    const own = Array.from({ length: 48 }, (_, i) => `own skill ${String(i).padStart(2, '0')}`);
    const merged = mergeResumeIntoProfile({ ...newProfile('c', at), skills: own }, { skills: ['aaa', 'bbb', 'ccc', 'ddd'], experienceYears: 0 });
    expect(merged.skills).to.have.length(50);
    expect(merged.skills).to.include.members(own);
    expect(merged.skills).to.deep.equal([...merged.skills].sort());
  });
});
