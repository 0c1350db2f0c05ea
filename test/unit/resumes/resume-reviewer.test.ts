import { expect } from 'chai';
import { OfflineResumeReviewer, ROLE_KEYWORDS } from '../../../src/adapters/offline/resume-reviewer.offline.js';
import { skillByName } from '../../../src/domain/skills/taxonomy.js';
import { STRONG_PARSED, STRONG_TEXT } from '../../contract/suites/resume-reviewer.contract.js';

describe('offline resume reviewer', () => {
  const reviewer = new OfflineResumeReviewer();

  it('has a keyword list for every role, made of canonical taxonomy skills', () => {
    for (const role of ['react', 'javascript', 'typescript', 'node', 'python', 'java', 'go', 'fullstack', 'devops', 'data_engineering', 'qa_automation', 'system_design']) {
      expect(ROLE_KEYWORDS[role], role).to.be.an('array').with.length.at.least(8);
      for (const k of ROLE_KEYWORDS[role]!) expect(skillByName(k), `${role}: ${k}`).to.not.equal(undefined);
    }
  });

  it('reads the target role through the interview role aliases and falls back to fullstack', async () => {
    const node = await reviewer.review({ text: STRONG_TEXT, parsed: STRONG_PARSED, targetRole: 'Node.js' });
    const fallback = await reviewer.review({ text: STRONG_TEXT, parsed: STRONG_PARSED, targetRole: 'underwater basket weaving' });
    const none = await reviewer.review({ text: STRONG_TEXT, parsed: STRONG_PARSED });
    expect(node.keywordsMissing).to.include('mongodb');
    expect(fallback).to.deep.equal(none);
  });

  it('splits the score into the five rubric parts within their maxima', async () => {
    const review = await reviewer.review({ text: STRONG_TEXT, parsed: STRONG_PARSED, targetRole: 'fullstack' });
    const b = review.breakdown!;
    expect(b.clarity).to.be.within(0, 25);
    expect(b.impact).to.be.within(0, 25);
    expect(b.technicalDepth).to.be.within(0, 20);
    expect(b.formatting).to.be.within(0, 15);
    expect(b.keywords).to.be.within(0, 15);
    expect(review.overallScore).to.equal(Math.round(b.clarity + b.impact + b.technicalDepth + b.formatting + b.keywords));
    expect(review.strengths.join(' ')).to.match(/quantified/i);
  });
});
