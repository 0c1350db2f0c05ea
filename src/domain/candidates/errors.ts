import { InvalidInput } from '../shared/domain-error.js';

export class InvalidSalaryRange extends InvalidInput {
  constructor(min: number, max: number) {
    super('profile.invalid_salary_range', `salary_expectation_max (${max}) must be at least salary_expectation_min (${min})`, { min, max });
  }
}

export class TooManySkills extends InvalidInput {
  constructor(count: number, max: number) {
    super('profile.too_many_skills', `A profile holds at most ${max} skills; ${count} were given`, { count, max });
  }
}
