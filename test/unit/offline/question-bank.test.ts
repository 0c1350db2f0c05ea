import { expect } from 'chai';
import { QUESTION_BANK, questionsFor } from '../../../src/adapters/offline/question-bank/index.js';
import { ROLE_IDS } from '../../../src/adapters/offline/question-bank/types.js';
import { RubricAnswerGrader } from '../../../src/adapters/offline/answer-grader.rubric.js';
import { BOUNDARY, classifyAnswer, DEFAULT_THRESHOLDS, displayName } from '../../../src/domain/assessment/index.js';
import { PHASES } from '../../../src/domain/assessment/levels.js';
import { VAGUE } from '../../support/simulated-candidates.js';

const MIN_PER_LEVEL: Record<string, number> = { react: 10, python: 10, javascript: 10, fullstack: 10 };

describe('curated question bank', () => {
  for (const role of ROLE_IDS) {
    for (const phase of PHASES) {
      const min = MIN_PER_LEVEL[role] ?? 5;
      it(`has at least ${min} ${phase} questions for ${role}`, () => {
        expect(questionsFor(role).filter((q) => q.difficulty === phase).length).to.be.at.least(min);
      });
    }
  }

  it('has unique ids and texts', () => {
    expect(new Set(QUESTION_BANK.map((q) => q.id)).size).to.equal(QUESTION_BANK.length);
    expect(new Set(QUESTION_BANK.map((q) => q.text.toLowerCase())).size).to.equal(QUESTION_BANK.length);
  });

  it('gives every question a gradeable reference, 2–5 key points, a snake_case skill area and lower-case tags', () => {
    for (const q of QUESTION_BANK) {
      expect(q.id, q.id).to.match(new RegExp(`^${q.role}\\.${q.difficulty}\\.\\d{2}$`));
      expect(q.text.trim().length, q.id).to.be.greaterThan(15);
      expect(q.referenceAnswer.trim().length, q.id).to.be.greaterThan(40);
      expect(q.keyPoints.length, q.id).to.be.within(2, 5);
      expect(q.skillArea, q.id).to.match(/^[a-z][a-z0-9_]*$/);
      expect(q.tags.length, q.id).to.be.greaterThan(0);
      for (const tag of q.tags) expect(tag, q.id).to.equal(tag.toLowerCase());
    }
  });

  it('gives every skill area a name reports can show: product names and acronyms spelled right, short words lower-case', () => {
    const names = [...new Set(QUESTION_BANK.map((q) => q.skillArea))].map(displayName);
    for (const name of names) {
      expect(name, name).to.not.match(/\b(Javascript|Typescript|Dom|Api|Ci|Sql|As|And|Of)\b/);
      for (const word of name.split(' ').slice(1)) expect(/^[A-Z]|^(as|and|of|in|for|to|the|with|on|or|vs)$/.test(word), name).to.equal(true);
    }
    expect(names).to.include.members(['JavaScript Fundamentals', 'TypeScript Basics', 'DOM', 'Infrastructure as Code', 'CI/CD']);
  });

  it('writes every key point so it reads on its own (follow-ups and growth areas quote them): no continuation of another, one point each', () => {
    const continuation = /^(without|with|by|in|on|for|to|from|satisfied|and|or|but|when|if|because|so|as|can|which|that|then|also|plus|via|such as|like|for example)\b/i;
    const fragments = QUESTION_BANK.flatMap((q) => q.keyPoints.filter((k) => continuation.test(k.trim())).map((k) => `${q.id}: ${k}`));
    expect(fragments).to.deep.equal([]);
    // One point each: a follow-up lists missing points joined by "; and", so a point holding a semicolon reads as two.
    expect(QUESTION_BANK.flatMap((q) => q.keyPoints.filter((k) => k.includes(';')).map((k) => `${q.id}: ${k}`))).to.deep.equal([]);
  });

  it('agrees with the offline grader on every question: its reference answer is expert, vague answers reach the boundary', () => {
    const grader = new RubricAnswerGrader();
    for (const q of QUESTION_BANK) {
      const request = { question: q.text, referenceAnswer: q.referenceAnswer, keyPoints: q.keyPoints };
      const model = grader.gradeSync({ ...request, answer: q.referenceAnswer });
      expect(model.level, q.id).to.equal('expert');
      expect(model.missingPoints, q.id).to.deep.equal([]);
      for (const answer of VAGUE) {
        const g = grader.gradeSync({ ...request, answer });
        expect(g.level, `${q.id}: ${answer}`).to.equal('novice');
        expect(classifyAnswer(g.confidence, g.accuracy, DEFAULT_THRESHOLDS), `${q.id}: ${answer}`).to.equal(BOUNDARY);
      }
    }
  });
});
