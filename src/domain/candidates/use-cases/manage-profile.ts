import { plainText } from '../../shared/text.js';
import { type Account, visibleName } from '../../accounts/account.js';
import { AccountNotFound } from '../../accounts/errors.js';
import { retryOnConflict } from '../../shared/retry.js';
import type { Clock } from '../../../ports/clock.js';
import type { Repositories, UnitOfWork } from '../../../ports/unit-of-work.js';
import { InvalidSalaryRange, TooManySkills } from '../errors.js';
import {
  type CandidateProfile, cleanList, type JobPreferences, MAX_PROFILE_SKILLS, newProfile, normaliseProfileSkills,
  profileCompleteness, type WorkSetup,
} from '../profile.js';

/** A profile as the candidate sees it: the account's contact fields, the profile, the active resume. */
export interface ProfileView {
  account: Account;
  profile: CandidateProfile;
  activeResumeId: string | null;
}

export interface BasicInfoChange {
  fullName?: string;
  phone?: string | null;
  experienceYears?: number | null;
}

export interface PreferencesChange {
  employmentTypes: string[];
  locations: string[];
  workSetup: WorkSetup;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string;
  salaryPeriod: string;
}

export interface ProfileEdit {
  account?: (account: Account) => Account;
  profile?: (profile: CandidateProfile) => CandidateProfile;
}

/**
 * Applies an edit to a candidate's account and profile in one transaction and recomputes the
 * completeness score from the result (resumes included). Every profile change — the candidate's
 * own, an uploaded, parsed or deleted resume — goes through here, so the score is never stale.
 * On its own it retries a lost race (VersionConflict) on fresh data; inside the caller's
 * transaction the caller retries the whole transaction (see retryOnConflict).
 */
export async function editProfile(
  uow: UnitOfWork, clock: Clock, candidateId: string, edit: ProfileEdit = {},
  inTransaction?: Repositories,
): Promise<ProfileView> {
  const run = async (repos: Repositories): Promise<ProfileView> => {
    await repos.profiles.lock(candidateId);
    const current = await repos.accounts.findById(candidateId);
    if (!current) throw new AccountNotFound();
    const now = clock.now();
    const account = edit.account ? edit.account(current) : current;
    const before = (await repos.profiles.find(candidateId)) ?? newProfile(candidateId, now);
    const edited = edit.profile ? edit.profile(before) : before;
    const [resumeCount, active] = await Promise.all([repos.resumes.countOwned(candidateId), repos.resumes.findActive(candidateId)]);
    const completenessScore = profileCompleteness({
      email: account.email, fullName: account.fullName, phone: account.phone, skills: edited.skills,
      experienceYears: edited.experienceYears, preferences: edited.preferences, resumeCount,
    });
    const savedAccount = account === current ? current : await repos.accounts.save({ ...account, updatedAt: now });
    const profile = await repos.profiles.save({ ...edited, completenessScore, updatedAt: now });
    return { account: savedAccount, profile, activeResumeId: active?.id ?? null };
  };
  if (inTransaction) return run(inTransaction);
  return retryOnConflict(() => uow.transaction(run));
}

/** The candidate's profile and the edits the profile routes make. */
export class ManageProfile {
  constructor(private readonly deps: { uow: UnitOfWork; clock: Clock }) {}

  /** Read-only unless the profile was never saved (then it is created with its score). */
  async get(candidateId: string): Promise<ProfileView> {
    const repos = this.deps.uow.repositories;
    const [account, profile, active] = await Promise.all([
      repos.accounts.findById(candidateId), repos.profiles.find(candidateId), repos.resumes.findActive(candidateId),
    ]);
    if (!account) throw new AccountNotFound();
    if (!profile) return this.edit(candidateId, {});
    return { account, profile, activeResumeId: active?.id ?? null };
  }

  updateSkills(candidateId: string, skills: readonly string[]): Promise<ProfileView> {
    const normalised = normaliseProfileSkills(skills);
    if (normalised.length > MAX_PROFILE_SKILLS) throw new TooManySkills(normalised.length, MAX_PROFILE_SKILLS);
    return this.edit(candidateId, { profile: (p) => ({ ...p, skills: normalised }) });
  }

  updateExperience(candidateId: string, years: number): Promise<ProfileView> {
    return this.edit(candidateId, { profile: (p) => ({ ...p, experienceYears: years }) });
  }

  updateBasicInfo(candidateId: string, change: BasicInfoChange): Promise<ProfileView> {
    const fullName = change.fullName === undefined ? undefined : visibleName(change.fullName);
    const phone = change.phone === undefined ? undefined : (change.phone === null ? null : plainText(change.phone).trim() || null);
    return this.edit(candidateId, {
      account: fullName === undefined && phone === undefined ? undefined
        : (a) => ({ ...a, fullName: fullName ?? a.fullName, phone: phone === undefined ? a.phone : phone }),
      profile: change.experienceYears === undefined ? undefined : (p) => ({ ...p, experienceYears: change.experienceYears ?? null }),
    });
  }

  updatePreferences(candidateId: string, change: PreferencesChange): Promise<ProfileView> {
    if (change.salaryMin !== null && change.salaryMax !== null && change.salaryMax < change.salaryMin) {
      throw new InvalidSalaryRange(change.salaryMin, change.salaryMax);
    }
    const preferences: JobPreferences = {
      employmentTypes: cleanList(change.employmentTypes),
      locations: cleanList(change.locations),
      workSetups: [change.workSetup],
      salaryMin: change.salaryMin,
      salaryMax: change.salaryMax,
      salaryCurrency: change.salaryCurrency.trim().toUpperCase(),
      salaryPeriod: change.salaryPeriod.trim().toLowerCase(),
    };
    return this.edit(candidateId, { profile: (p) => ({ ...p, preferences }) });
  }

  private edit(candidateId: string, edit: ProfileEdit): Promise<ProfileView> {
    return editProfile(this.deps.uow, this.deps.clock, candidateId, edit);
  }
}
