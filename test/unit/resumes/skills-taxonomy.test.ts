import { expect } from 'chai';
import { canonicalSkill, findSkillsInText, normaliseSkills } from '../../../src/domain/skills/normalise.js';
import { lookupSkill, SKILL_SPELLINGS, SKILLS, TAXONOMY_CONFLICTS } from '../../../src/domain/skills/taxonomy.js';

const names = (text: string, listContext = false) => findSkillsInText(text, { listContext }).map((m) => m.name);

describe('skills taxonomy', () => {
  it('holds at least 500 canonical, lower-case skills, each with a category and no spelling claimed twice', () => {
    expect(SKILLS.length).to.be.at.least(500);
    expect(TAXONOMY_CONFLICTS).to.deep.equal([]);
    for (const s of SKILLS) {
      expect(s.name, s.name).to.equal(s.name.toLowerCase().trim());
      expect(s.category, s.name).to.be.a('string').and.not.equal('');
    }
    expect(new Set(SKILLS.map((s) => s.name)).size).to.equal(SKILLS.length);
    expect(new Set(SKILL_SPELLINGS.map((s) => s.spelling)).size).to.equal(SKILL_SPELLINGS.length);
    const categories = new Set(SKILLS.map((s) => s.category));
    for (const c of ['language', 'frontend', 'backend', 'database', 'cloud', 'devops', 'data', 'testing', 'mobile', 'ai_ml', 'methodology', 'soft']) {
      expect(categories, c).to.include(c);
    }
  });

  it('resolves the usual aliases to one canonical name', () => {
    const cases: Record<string, string> = {
      js: 'javascript', JS: 'javascript', postgres: 'postgresql', psql: 'postgresql', k8s: 'kubernetes', 'react.js': 'react',
      reactjs: 'react', 'node.js': 'node', nodejs: 'node', golang: 'go', 'c#': 'csharp', 'C++': 'cpp', ts: 'typescript',
      'Spring Boot': 'spring boot', 'React Native': 'react native', sklearn: 'scikit-learn', 'MS SQL': 'sql server', gcp: 'gcp',
      'amazon web services': 'aws', 'ci/cd': 'ci/cd', 'continuous integration': 'ci/cd', '  Vue.js ': 'vue',
    };
    for (const [spelling, name] of Object.entries(cases)) expect(lookupSkill(spelling)?.name, spelling).to.equal(name);
    expect(canonicalSkill('Underwater Basket Weaving')).to.equal('underwater basket weaving');
  });
});

describe('normaliseSkills', () => {
  it('trims, lower-cases, resolves aliases, de-duplicates and sorts; unknown skills stay as written, lower-cased', () => {
    expect(normaliseSkills([' React.js ', 'reactjs', 'JS', 'javascript', 'Postgres', 'k8s', 'Kubernetes', 'Quantum  Knitting', '', '  ']))
      .to.deep.equal(['javascript', 'kubernetes', 'postgresql', 'quantum knitting', 'react']);
    expect(normaliseSkills([])).to.deep.equal([]);
  });
});

describe('findSkillsInText', () => {
  it('prefers the longest spelling: javascript over java, react native over react, asp.net core over .net', () => {
    expect(names('Built apps in JavaScript and React Native on ASP.NET Core')).to.deep.equal(['javascript', 'react native', 'asp.net']);
    expect(names('Java, JavaScript')).to.deep.equal(['java', 'javascript']);
  });

  it('respects word boundaries', () => {
    expect(names('Improved scalability of the javascripts folder and the Goliath project')).to.deep.equal([]);
    expect(names('Used Node.js, nodejs and Node.JS')).to.deep.equal(['node']);
  });

  it('accepts go, r and c only where skills are listed', () => {
    expect(names('We go to great lengths to ship on time.')).to.deep.equal([]);
    expect(names('I had to go and fix the C drive in R&D.')).to.deep.equal([]);
    expect(names('Languages: Go, R, C, C++, C#')).to.deep.equal(['go', 'r', 'c', 'cpp', 'csharp']);
    expect(names('Backend services (Go, gRPC, Kafka) for payments')).to.include.members(['go', 'grpc', 'kafka']);
    expect(names('Go\nPython', true)).to.deep.equal(['go', 'python']);
    expect(names('Built services in Go and Python.', true)).to.include('go');
    expect(names('Built services in Go and Python.')).to.deep.equal(['python']);
  });

  it('takes ordinary words that are also skills only when capitalised or listed', () => {
    expect(names('Had to react quickly and rest the case; the spring release went out.')).to.deep.equal([]);
    expect(names('Built the UI in React with a REST backend on Express.')).to.deep.equal(['react', 'rest', 'express']);
    expect(names('react, express, rest')).to.deep.equal(['react', 'express', 'rest']);
  });

  it('reports the text as written and its offset', () => {
    const [m] = findSkillsInText('Strong in PostgreSQL.');
    expect(m).to.deep.include({ name: 'postgresql', matched: 'PostgreSQL', index: 10, category: 'database' });
  });
});
