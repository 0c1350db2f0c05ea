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
