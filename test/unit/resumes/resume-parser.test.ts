import { expect } from 'chai';
import { htmlToText } from '../../../src/adapters/documents/docx-text.js';
import { parseResumeText, splitSections } from '../../../src/adapters/offline/resume-parser.offline.js';

const AS_OF = new Date('2025-06-15T00:00:00Z');

describe('offline resume parser: layouts beyond the fixtures', () => {
  it('reads a date-first layout, post-nominal letters, a location after the company and an inline skills label', () => {
    const parsed = parseResumeText({
      asOf: AS_OF,
      text: [
        'John Smith, PhD',
        'Senior Data Scientist',
        '(555) 123-4567 · john.smith@mail.com · https://www.linkedin.com/in/john-smith/',
        '',
        'Professional Experience',
        'Jan. 2020 to Present',
        'Senior Data Scientist',
        'Umbrella Corporation, Toronto, ON',
        '• Built churn models in Python (scikit-learn, XGBoost) that cut churn 12%.',
        '2016 - 2019',
        'Data Analyst at Wayne Enterprises',
        '',
        'Education',
        'University of Toronto — B.A.Sc. in Computer Engineering, 2015',
        '',
        'Skills: Python, R, SQL, Tableau',
      ].join('\n'),
    });
    expect(parsed.contact).to.deep.equal({
      name: 'John Smith', email: 'john.smith@mail.com', phone: '(555) 123-4567', links: ['https://www.linkedin.com/in/john-smith/'],
    });
    expect(parsed.experience.map((e) => [e.title, e.company, e.startDate, e.endDate, e.current])).to.deep.equal([
      ['Senior Data Scientist', 'Umbrella Corporation', '2020-01', null, true],
      ['Data Analyst', 'Wayne Enterprises', '2016-01', '2019-12', false],
    ]);
    expect(parsed.totalYears).to.equal(9.5);
    expect(parsed.education).to.deep.equal([{ degree: 'B.A.Sc. in Computer Engineering', institution: 'University of Toronto', year: 2015 }]);
    const skills = Object.fromEntries(parsed.skills.map((s) => [s.name, s.section]));
    expect(skills).to.include({ python: 'skills', r: 'skills', sql: 'skills', tableau: 'skills', 'scikit-learn': 'experience', xgboost: 'experience' });
  });

  it('title-cases a name written in capitals and keeps apostrophes and hyphens', () => {
    const parsed = parseResumeText({ text: "MARY O'BRIEN-SMITH\nmary@example.io\n\nSkills\nReact", asOf: AS_OF });
    expect(parsed.contact.name).to.equal("Mary O'Brien-Smith");
  });

  it('finds work history in a resume without any headings', () => {
    const parsed = parseResumeText({
      asOf: AS_OF,
      text: ['Ana Lima', 'ana@example.com', 'Backend Developer, Initrode Ltd (Mar 2022 – Present)', 'Built Go and Kafka services.'].join('\n'),
    });
    expect(parsed.currentRole).to.equal('Backend Developer');
    expect(parsed.experience[0]).to.deep.include({ company: 'Initrode Ltd', startDate: '2022-03', current: true, section: 'other' });
    expect(parsed.totalYears).to.equal(3.3);
  });

  it('reads work history laid out as a DOCX table, a row\'s title and dates in two cells', async () => {
    const html = '<p>Ana Lima</p><p>ana@example.com</p><h2>EXPERIENCE</h2><table>'
      + '<tr><td><p>Frontend Lead, Schibsted</p></td><td><p>Jan 2021 – Present</p></td></tr>'
      + '<tr><td><p>Backend Engineer, Vipps</p></td><td><p>Mar 2017 – Dec 2020</p></td></tr></table>';
    const parsed = parseResumeText({ asOf: AS_OF, text: htmlToText(html) });
    expect(parsed.currentRole).to.equal('Frontend Lead');
    expect(parsed.experience.map((e) => [e.title, e.company, e.startDate])).to.deep.equal([
      ['Frontend Lead', 'Schibsted', '2021-01'], ['Backend Engineer', 'Vipps', '2017-03'],
    ]);
  });

  it('finds names written in scripts without letter case, and emails in any script', () => {
    const contact = (text: string) => parseResumeText({ text, asOf: AS_OF }).contact;
    expect(contact('王小明\nxiaoming.wang@example.cn\n\nEXPERIENCE\nSoftware Engineer, Tencent\tJan 2020 – Present')).to.deep.include({
      name: '王小明', email: 'xiaoming.wang@example.cn',
    });
    expect(contact('محمد علي\nmohammed@example.com').name).to.equal('محمد علي');
    expect(contact('José Pérez\njosé@example.com').email).to.equal('josé@example.com');
    // A resume's title above the name is no name.
    expect(contact('个人简历\n李伟\nliwei@example.cn').name).to.equal('李伟');
    expect(contact('السيرة الذاتية\nمحمد علي\nmohammed@example.com').name).to.equal('محمد علي');
  });

  it('gives the roles listed under a company on a line of its own that company, a promotion shown the usual way', () => {
    const parsed = parseResumeText({
      asOf: AS_OF,
      text: ['Ana Lima', 'ana@example.com', '', 'EXPERIENCE', 'Acme Corp', 'Senior Engineer\tJan 2022 – Present', '• Led the payments team.',
        'Engineer\tJan 2019 – Dec 2021', '• Built the billing service.', '', 'Freelance Developer\t2016 – 2018'].join('\n'),
    });
    expect(parsed.experience.map((e) => [e.title, e.company])).to.deep.equal([
      ['Senior Engineer', 'Acme Corp'], ['Engineer', 'Acme Corp'], ['Freelance Developer', null],
    ]);
  });

  it('recognises headings in many spellings, and inline labels inside a skills block stay in it', () => {
    const blocks = splitSections([
      'Name', 'PROFESSIONAL SUMMARY:', 'text', '— Work History —', 'text', 'Licenses & Certifications', 'text',
      'Technical Skills', 'Languages: Go, Rust', 'Frameworks: Gin', 'Side Projects', 'text',
    ].join('\n'));
    expect(blocks.map((b) => b.section)).to.deep.equal(['header', 'summary', 'experience', 'certifications', 'skills', 'projects']);
    expect(blocks[4]!.lines.map((l) => l.text)).to.deep.equal(['Languages: Go, Rust', 'Frameworks: Gin']);
  });

  it('ignores zero-width characters used to split words', () => {
    const parsed = parseResumeText({ text: 'Jo Park\n\nSkills\nKuber\u200bnetes, Ter\u200craform', asOf: AS_OF });
    expect(parsed.skills.map((s) => s.name)).to.deep.equal(['kubernetes', 'terraform']);
  });
});
