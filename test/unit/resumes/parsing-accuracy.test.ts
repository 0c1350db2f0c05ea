import { expect } from 'chai';
import { DocumentResumeTextExtractor } from '../../../src/adapters/documents/resume-text-extractor.unpdf.js';
import { OfflineResumeParser } from '../../../src/adapters/offline/resume-parser.offline.js';
import type { ParsedResumeResult } from '../../../src/ports/resume-parser.js';
import { AS_OF, RESUME_FIXTURES, type ResumeFixture } from '../../support/fixtures/resumes.js';

/**
 * Field-level accuracy of extraction + offline parsing over every generated fixture: skills by
 * precision and recall (micro-averaged), every other field exactly (years within 0.2).
 */
describe('resume parsing accuracy over the fixtures', function () {
  this.timeout(60_000);
  const results = new Map<string, { fixture: ResumeFixture; parsed: ParsedResumeResult }>();

  before(async () => {
    const extractor = new DocumentResumeTextExtractor();
    const parser = new OfflineResumeParser();
    for (const fixture of RESUME_FIXTURES) {
      const extracted = await extractor.extract(await fixture.build(), fixture.type);
      const parsed = await parser.parse({ text: extracted.text, hiddenText: extracted.hiddenText, asOf: AS_OF });
      results.set(fixture.id, { fixture, parsed });
    }
  });

  it('finds skills with precision and recall of at least 0.9', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const { fixture, parsed } of results.values()) {
      const got = new Set(parsed.skills.map((s) => s.name));
      const want = new Set(fixture.expected.skills);
      const tp = [...got].filter((s) => want.has(s)).length;
      truePositives += tp;
      falsePositives += got.size - tp;
      falseNegatives += want.size - tp;
      expect(tp / want.size, `recall on ${fixture.id}`).to.be.at.least(0.85);
      expect(tp / Math.max(1, got.size), `precision on ${fixture.id}`).to.be.at.least(0.85);
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    expect(precision, 'precision').to.be.at.least(0.9);
    expect(recall, 'recall').to.be.at.least(0.9);
  });

  it('reads name, email, phone and links exactly', () => {
    for (const { fixture, parsed } of results.values()) {
      const e = fixture.expected;
      expect(parsed.contact, fixture.id).to.deep.equal({ name: e.name, email: e.email, phone: e.phone, links: e.links });
    }
  });

  it('works out total years within 0.2, the current title and every employer', () => {
    for (const { fixture, parsed } of results.values()) {
      expect(parsed.totalYears, fixture.id).to.be.closeTo(fixture.expected.totalYears, 0.2);
      expect(parsed.currentRole, fixture.id).to.equal(fixture.expected.currentRole);
      expect(parsed.experience.map((x) => x.company), fixture.id).to.have.members(fixture.expected.companies);
    }
  });

  it('reads education and certifications exactly', () => {
    for (const { fixture, parsed } of results.values()) {
      expect(parsed.education, fixture.id).to.deep.equal(fixture.expected.education);
      expect(parsed.certifications, fixture.id).to.deep.equal(fixture.expected.certifications);
    }
  });

  it('reads the two-column resume as well as the single-column ones', () => {
    const { parsed } = results.get('two-column')!;
    expect(parsed.skills.filter((s) => s.section === 'skills').map((s) => s.name))
      .to.include.members(['python', 'spark', 'airflow', 'kafka', 'snowflake', 'dbt', 'sql', 'docker', 'scala']);
    expect(parsed.experience.map((x) => x.title)).to.deep.equal(['Lead Data Engineer', 'Data Engineer', 'Freelance Data Consultant']);
    expect(parsed.warnings).to.deep.equal([]);
  });
});
