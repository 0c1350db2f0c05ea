/** Interview phases, in the order an interview moves through them (never backwards). */
export const PHASES = ['warmup', 'standard', 'advanced'] as const;
export type Phase = (typeof PHASES)[number];

/** The one level vocabulary used everywhere: grading, boundaries, reports. */
export const SKILL_LEVELS = ['novice', 'intermediate', 'proficient', 'expert'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** Marks the point where a candidate's skill in an area ran out. */
export const BOUNDARY = 'boundary_reached' as const;
export type BoundaryLevel = SkillLevel | typeof BOUNDARY;

export const levelRank = (level: SkillLevel): number => SKILL_LEVELS.indexOf(level);

export const phaseRank = (phase: Phase): number => PHASES.indexOf(phase);

/** The phase after this one, or undefined in the last phase. */
export const nextPhase = (phase: Phase): Phase | undefined => PHASES[phaseRank(phase) + 1];

export const isPhase = (value: unknown): value is Phase => (PHASES as readonly unknown[]).includes(value);

export const isSkillLevel = (value: unknown): value is SkillLevel => (SKILL_LEVELS as readonly unknown[]).includes(value);

/** Proficient or expert: the levels the original counted as a solid answer. */
export const isStrong = (level: BoundaryLevel): boolean => level === 'proficient' || level === 'expert';

/**
 * 0–100 score bands of the level vocabulary, the same bands the graders use for a single answer,
 * so a skill's averaged score reads on the same scale as each answer's level.
 */
export const SCORE_BANDS = Object.freeze({ intermediate: 40, proficient: 60, expert: 80 } as const);

export const levelForScore = (score: number): SkillLevel =>
  score >= SCORE_BANDS.expert ? 'expert'
    : score >= SCORE_BANDS.proficient ? 'proficient'
      : score >= SCORE_BANDS.intermediate ? 'intermediate' : 'novice';
