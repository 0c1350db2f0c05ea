import { findDateRanges, latestYearIn, yearsOfExperience } from '../../domain/resumes/dates.js';
import { findInjections, stripInjections } from '../../domain/resumes/injection.js';
import {
  emptyParsedResume, type ParsedResume, type ResumeEducation, type ResumeExperience, type ResumeSection,
  type ResumeSkill, type ResumeWarning,
} from '../../domain/resumes/parsed-resume.js';
import { findSkillsInText } from '../../domain/skills/normalise.js';
import type { ParsedResumeResult, ResumeParser, ResumeParseRequest } from '../../ports/resume-parser.js';
import type { AiCallOptions, ServedBy } from '../../ports/provider-served.js';

export const OFFLINE_RESUME_PARSER: ServedBy = { provider: 'offline', model: 'resume-parser-v1' };

const abortError = () => Object.assign(new Error('The resume parsing call was aborted'), { name: 'AbortError' });

// ---------------------------------------------------------------------------------------------
// Lines and sections

export interface ResumeLine {
  text: string;
  /** Index of the line in the cleaned text. */
  index: number;
}

export interface ResumeBlock {
  section: ResumeSection;
  heading: string | null;
  lines: ResumeLine[];
}

const HEADINGS: Record<string, ResumeSection> = {};
const heading = (section: ResumeSection, names: string) => {
  for (const n of names.split('|')) HEADINGS[n] = section;
};
heading('summary', 'summary|professional summary|career summary|executive summary|profile|professional profile|' +
  'personal profile|about|about me|objective|career objective|overview|personal statement|introduction|highlights|' +
  'summary of qualifications');
heading('experience', 'experience|work experience|professional experience|employment|employment history|work history|' +
  'career history|relevant experience|professional background|career|positions held|experience and employment|' +
  'industry experience|technical experience|work|professional history|engineering experience');
heading('education', 'education|education and training|academic background|academic qualifications|qualifications|' +
  'academic history|education and qualifications|academics|studies');
heading('skills', 'skills|technical skills|key skills|core skills|core competencies|competencies|technologies|tech stack|' +
  'technical proficiencies|tools|tools and technologies|skills and tools|skills and technologies|expertise|areas of expertise|' +
  'programming languages|languages|frameworks|skills summary|technical expertise|skill set|skillset|technical summary|' +
  'technical competencies|stack|software|platforms|libraries|databases|cloud|toolbox|additional skills|other skills');
heading('certifications', 'certifications|certificates|certification|licenses and certifications|licences and certifications|' +
  'certifications and licenses|certifications and licences|professional certifications|accreditations|' +
  'courses and certifications|certifications and training|training and certifications|credentials');
heading('projects', 'projects|personal projects|side projects|selected projects|key projects|open source|' +
  'open source contributions|portfolio|project experience|notable projects');
heading('other', 'awards|honors|honours|awards and honors|awards and honours|achievements|accomplishments|publications|' +
  'interests|hobbies|hobbies and interests|volunteering|volunteer experience|volunteer work|references|activities|' +
  'additional information|contact|contact information|contact details|personal details|personal information|' +
  'languages spoken|spoken languages|memberships|affiliations|leadership and activities|extracurricular activities');

/** Inline labels that open a section and carry its first content: "Skills: Python, Go". */
const INLINE_SECTIONS: ReadonlySet<ResumeSection> = new Set(['skills', 'certifications']);

const headingKey = (line: string): string =>
  line.replace(/^[\s#*•·▪■●>\-–—=_]+|[\s:*=_\-–—]+$/g, '').toLowerCase().replace(/\s*&\s*/g, ' and ').replace(/\s+/g, ' ');

export const BULLET = /^\s*(?:[•*·▪■●◦‣⁃>\u2013\u2014-]|\d{1,2}[.)])\s+/;
export const isBullet = (line: string): boolean => BULLET.test(line);

/** Cleans extraction artefacts: zero-width characters (used to hide words), odd spaces, CRLF. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ ]+$/g, ''))
    .join('\n');
}

/** Splits a resume into blocks by recognised headings; lines before the first heading are the header. */
export function splitSections(text: string): ResumeBlock[] {
  const blocks: ResumeBlock[] = [{ section: 'header', heading: null, lines: [] }];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') {
      blocks[blocks.length - 1]!.lines.push({ text: '', index });
      return;
    }
    const whole = HEADINGS[headingKey(line)];
    if (whole && line.length <= 50) {
      blocks.push({ section: whole, heading: line, lines: [] });
      return;
    }
    const label = /^([A-Za-z][A-Za-z &/]{1,40}):\s*(\S.*)$/.exec(line);
    const labelled = label ? HEADINGS[headingKey(label[1]!)] : undefined;
    if (label && labelled && INLINE_SECTIONS.has(labelled)) {
      const current = blocks[blocks.length - 1]!;
      // Labels inside a skills block ("Languages: …", "Frameworks: …") stay in it.
      if (current.section !== labelled) blocks.push({ section: labelled, heading: label[1]!, lines: [] });
      blocks[blocks.length - 1]!.lines.push({ text: line, index });
      return;
    }
    blocks[blocks.length - 1]!.lines.push({ text: line, index });
  });
  return blocks.filter((b) => b.section === 'header' || b.lines.length > 0 || b.heading !== null);
}

const linesOf = (blocks: ResumeBlock[], section: ResumeSection) =>
  blocks.filter((b) => b.section === section).flatMap((b) => b.lines);

// ---------------------------------------------------------------------------------------------
// Contact

/** An email address, its parts in any script ("josé@example.com", RFC 6531). */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const KNOWN_HOSTS = 'linkedin\\.com|github\\.com|gitlab\\.com|bitbucket\\.org|stackoverflow\\.com|medium\\.com|dev\\.to|' +
  'behance\\.net|dribbble\\.com|kaggle\\.com|twitter\\.com|x\\.com|leetcode\\.com|hashnode\\.dev|substack\\.com';
const LINK = new RegExp(
  `(?:https?:\\/\\/[^\\s|,;()<>"]+|www\\.[^\\s|,;()<>"]+|(?<![\\w.@])(?:[a-z0-9-]+\\.)?(?:${KNOWN_HOSTS})(?:\\/[^\\s|,;()<>"]*)?)`,
  'gi',
);
const PHONE = /(?<![\w/])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{1,5}(?:[\s.-]?\d{2,5}){1,5}(?![\w/])/g;

function findPhone(text: string): string | null {
  let best: { value: string; score: number } | undefined;
  for (const m of text.matchAll(PHONE)) {
    const value = m[0].trim();
    const digits = value.replace(/\D/g, '');
    if (digits.length < 8 || digits.length > 15) continue;
    if (/^(19|20)\d\d\s*[-–./]\s*(0?[1-9]|1[0-2]|(19|20)\d\d)$/.test(value)) continue; // a date or a year range
    if (/^(0?[1-9]|1[0-2])[/.-](19|20)\d\d/.test(value)) continue;
    if (!value.startsWith('+') && !value.startsWith('(') && digits.length < 9) continue;
    const score = (value.startsWith('+') ? 2 : 0) + (/[\s().-]/.test(value) ? 1 : 0) + (digits.length >= 10 ? 1 : 0);
    if (!best || score > best.score) best = { value, score };
  }
  return best?.value ?? null;
}

const TITLE_WORDS = new RegExp(
  '\\b(engineer|developer|manager|lead|architect|analyst|consultant|intern|designer|scientist|specialist|administrator|' +
  'director|head|officer|programmer|tester|devops|sre|cto|ceo|cfo|coo|cio|founder|co-founder|vp|president|coordinator|' +
  'technician|owner|freelancer|contractor|principal|staff|trainee|apprentice|assistant|executive|strategist|writer|' +
  'editor|researcher|professor|lecturer|teacher|instructor|associate|representative|advocate|evangelist|expert|' +
  'partner|supervisor|operator|practitioner|tutor|fellow|qa|sdet|member of technical staff|mts)\\b',
  'i',
);

const NAME_WORD = /^(?:[\p{Lu}][\p{L}'’.-]*|[\p{Lu}]\.)$/u;
const PARTICLES = new Set(['de', 'da', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'al', 'dos', 'du']);

/** "JANE O'BRIEN-SMITH" → "Jane O'Brien-Smith"; words already in mixed case are left alone. */
const titleCase = (s: string) =>
  s.split(/\s+/).map((w) => (w.length > 1 && w === w.toUpperCase()
    ? w.toLowerCase().replace(/(^|['’-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
    : w)).join(' ');

/** A name in a script without letter case (Chinese, Japanese, Arabic, Hebrew, Hindi…): one to five words of its letters. */
const CASELESS_NAME = /^[\p{Lo}\p{M}]{2,}(?:[\s·・][\p{Lo}\p{M}]+){0,4}$/u;
/**
 * Titles and headings of resumes written in those scripts, which look like a name to CASELESS_NAME: "简历"
 * (résumé), "工作经历" (work experience), "السيرة الذاتية" (curriculum vitae), "अनुभव" (experience)…
 */
const CASELESS_HEADINGS = new Set([
  '简历', '个人简历', '求职简历', '履历', '个人信息', '基本信息', '联系方式', '工作经历', '工作经验', '教育背景', '教育经历', '项目经历',
  '专业技能', '技能', '自我评价', '求职意向', '履歴書', '職務経歴書', '職歴', '学歴', '資格', 'スキル', '自己PR', '이력서', '경력', '학력',
  'السيرة الذاتية', 'سيرة ذاتية', 'الخبرات', 'الخبرة', 'التعليم', 'المهارات', 'קורות חיים', 'ניסיון', 'השכלה',
  'बायोडाटा', 'रिज्यूमे', 'अनुभव', 'शिक्षा', 'कौशल', 'ประวัติส่วนตัว', 'ประสบการณ์', 'การศึกษา',
]);

/**
 * "Jane Doe", "JANE DOE", "Mary-Jane O'Brien", "Ana de la Cruz": 2–5 capitalised words, nothing else;
 * or, in a script without letter case, "王小明", "محمد علي" (see CASELESS_NAME).
 */
function asName(line: string): string | null {
  const first = line.split(/\s*[|•·\t]\s*|\s[-–—]\s/)[0]!.trim().replace(/^name\s*:\s*/i, '')
    // Post-nominal letters: "Jane Doe, PhD", "John Smith, MBA, PMP".
    .replace(/(?:,\s*[A-Z][A-Za-z.]{1,6})+$/, '');
  if (CASELESS_NAME.test(first)) return first.length <= 30 && !HEADINGS[headingKey(first)] && !CASELESS_HEADINGS.has(first) ? first : null;
  if (first.length < 3 || first.length > 50) return null;
  if (/[@\d/\\,:;()]/.test(first) || TITLE_WORDS.test(first) || HEADINGS[headingKey(first)]) return null;
  const words = first.split(/\s+/);
  if (words.length < 2 || words.length > 5) return null;
  if (!words.every((w, i) => NAME_WORD.test(w) || (i > 0 && PARTICLES.has(w)))) return null;
  return titleCase(first);
}

function findName(blocks: ResumeBlock[]): string | null {
  const header = linesOf(blocks, 'header').filter((l) => l.text !== '').slice(0, 8);
  const candidates = header.length > 0 ? header : blocks.flatMap((b) => b.lines).filter((l) => l.text !== '').slice(0, 5);
  for (const line of candidates) {
    const name = asName(line.text);
    if (name) return name;
  }
  return null;
}

function findLinks(text: string): string[] {
  const emails = [...text.matchAll(EMAIL)].map((m) => [m.index, m.index + m[0].length] as const);
  const links: string[] = [];
  for (const m of text.matchAll(LINK)) {
    if (emails.some(([s, e]) => m.index < e && m.index + m[0].length > s)) continue;
    const link = m[0].replace(/[.,;:!?)\]}'"]+$/, '');
    if (!links.some((l) => l.toLowerCase() === link.toLowerCase())) links.push(link);
  }
  return links;
}

/** Emails and links replaced by spaces, so "github.com/x" names no skill and offsets still hold. */
const maskContacts = (text: string): string =>
  text.replace(EMAIL, (m) => ' '.repeat(m.length)).replace(LINK, (m) => ' '.repeat(m.length));

// ---------------------------------------------------------------------------------------------
// Skills

const DEGREE = new RegExp(
  '\\b(?:B\\.?A\\.?Sc|B\\.?\\s?Sc|B\\.?S\\.?|B\\.?A\\.?|B\\.?\\s?Eng|B\\.?E\\.|B\\.?\\s?Tech|B\\.?\\s?Com|BBA|BCA|M\\.?\\s?Sc|M\\.?S\\.?|M\\.?A\\.?|' +
  'M\\.?\\s?Eng|M\\.?\\s?Tech|MBA|MCA|MPhil|M\\.?Res|Ph\\.?\\s?D|D\\.?\\s?Phil|LL\\.?B|LL\\.?M|J\\.?D\\.|M\\.?D\\.)(?![\\w])|' +
  '\\b(?:[Bb]achelor|[Mm]aster|[Dd]octor(?:ate)?|[Aa]ssociate\'?s? (?:[Dd]egree|of)|[Dd]iploma|[Gg]raduate [Cc]ertificate|' +
  '[Pp]ostgraduate|[Hh]igh [Ss]chool|GCSE|A-[Ll]evels?|HND|HNC|[Hh]onours|[Hh]onors|Hons)\\b',
);
const INSTITUTION = /\b(?:University|Universit[éäy]|Universidad|College|Institute|Institut|School|Academy|Polytechnic|Politecnico|Conservatory|TAFE|Escuela|Hochschule|IIT|MIT|UCLA|ETH|EPFL)\b/;

function findSkills(blocks: ResumeBlock[], name: string | null): ResumeSkill[] {
  const found = new Map<string, ResumeSkill>();
  for (const block of blocks) {
    const lines = block.lines.filter((l) => {
      if (l.text === '') return false;
      if (block.section === 'header' && name && l.text.includes(name.split(' ')[0]!)) return false;
      if (block.section === 'education' && (DEGREE.test(l.text) || INSTITUTION.test(l.text))) return false;
      return true;
    });
    const text = maskContacts(lines.map((l) => l.text).join('\n'));
    for (const match of findSkillsInText(text, { listContext: block.section === 'skills' })) {
      const known = found.get(match.name);
      if (!known) found.set(match.name, { name: match.name, matched: match.matched, section: block.section });
      else if (block.section === 'skills' && known.section !== 'skills') {
        found.set(match.name, { name: match.name, matched: match.matched, section: 'skills' });
      }
    }
  }
  return [...found.values()];
}

// ---------------------------------------------------------------------------------------------
// Experience

const COMPANY_WORDS = /\b(inc|ltd|llc|llp|plc|pty|corp|corporation|gmbh|ag|sa|bv|co|company|group|labs?|technolog(y|ies)|solutions|systems|software|analytics|bank|university|agency|studios?|partners|consulting|consultancy|holdings|ventures|industries|networks|media|digital|health|capital|self-employed|freelance)\b\.?/i;
const LOCATION = /^(?:remote|hybrid|on-?site|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*,\s*(?:[A-Z]{2,3}|[A-Z][a-z]+(?: [A-Z][a-z]+)*))$/;
const isLocation = (part: string) => LOCATION.test(part) && !TITLE_WORDS.test(part) && !COMPANY_WORDS.test(part);
const PART_SPLIT = /\s*(?:\t|\s\|\s|\|| — | – | - | · | • |\s@\s| at (?=[A-Z0-9]))\s*/;

/** Trims separators and brackets left at either end, keeping balanced ones: "Test Analyst (contract)". */
function tidy(s: string): string {
  let t = s.replace(/^[\s,;:|•·–—-]+|[\s,;:|•·–—-]+$/g, '').replace(/\s{2,}/g, ' ').trim();
  for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
    const opens = t.split(open).length - 1;
    const closes = t.split(close).length - 1;
    if (t.endsWith(close) && closes > opens) t = t.slice(0, -1);
    if (t.startsWith(open) && opens > closes) t = t.slice(1);
    if (t.startsWith(open) && t.endsWith(close) && opens === 1 && closes === 1) t = t.slice(1, -1);
  }
  return t.replace(/^[\s,;:|•·–—-]+|[\s,;:|•·–—-]+$/g, '').trim();
}

function headerParts(line: string): string[] {
  let parts = line.split(PART_SPLIT).map(tidy).filter(Boolean);
  // "Software Engineer, Globex Inc": a comma separates title and company when one side is clearly a title.
  if (parts.length === 1 && parts[0]!.includes(', ')) {
    const [head, ...rest] = parts[0]!.split(', ');
    if (TITLE_WORDS.test(head!)) parts = [head!, rest.join(', ')].map(tidy);
  }
  return parts.filter((p) => !isLocation(p)).map(withoutTrailingLocation).filter(Boolean);
}

/** "Umbrella Corporation, Toronto, ON" → "Umbrella Corporation". */
function withoutTrailingLocation(part: string): string {
  const segments = part.split(/,\s*/);
  if (segments.length >= 3 && isLocation(segments.slice(-2).join(', '))) return segments.slice(0, -2).join(', ');
  return part;
}

function pickTitleAndCompany(parts: string[]): { title: string; company: string | null } | undefined {
  if (parts.length === 0) return undefined;
  const titled = parts.findIndex((p) => TITLE_WORDS.test(p) && !COMPANY_WORDS.test(p));
  const titleIndex = titled >= 0 ? titled : parts.findIndex((p) => TITLE_WORDS.test(p));
  const t = titleIndex >= 0 ? titleIndex : 0;
  const others = parts.filter((_, i) => i !== t);
  const company = others.find((p) => COMPANY_WORDS.test(p)) ?? others[0] ?? null;
  return { title: parts[t]!, company };
}

const looksLikeHeader = (text: string) =>
  text !== '' && !isBullet(text) && !/[.!?]$/.test(text) && text.split(/\s+/).length <= 10;

function findExperience(lines: ResumeLine[], section: ResumeSection): ResumeExperience[] {
  const entries: ResumeExperience[] = [];
  let floor = 0;
  // A company on a line of its own above a role's title and dates heads the roles listed under it ("Acme Corp" /
  // "Senior Engineer  Jan 2022 – Present" / … / "Engineer  Jan 2019 – Dec 2021"), up to a blank line: a role there
  // naming no company is its.
  let group: string | null = null;
  lines.forEach((line, i) => {
    if (line.text === '') group = null;
    if (line.text === '' || isBullet(line.text)) return;
    const ranges = findDateRanges(line.text);
    if (ranges.length === 0) return;
    const range = ranges[0]!;
    const rest = tidy((line.text.slice(0, range.index) + ' \t ' + line.text.slice(range.index + range.text.length))
      .replace(/[([]\s*[)\]]/g, ' '));
    const own = rest ? headerParts(rest) : [];
    let parts = own;
    // Title and company may sit on the one or two lines above the dates (or, failing that, below).
    const above: string[] = [];
    for (let j = i - 1; j >= Math.max(floor, i - 2); j--) {
      const t = lines[j]!.text;
      if (!looksLikeHeader(t) || findDateRanges(t).length > 0) break;
      above.unshift(...headerParts(t));
    }
    if (parts.length < 2 && above.length > 0) parts = [...above, ...parts];
    if (parts.length === 0) {
      for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) {
        const t = lines[j]!.text;
        if (!looksLikeHeader(t) || findDateRanges(t).length > 0) break;
        parts.push(...headerParts(t));
      }
    }
    const picked = pickTitleAndCompany(parts);
    floor = i + 1;
    if (!picked) return;
    let company = picked.company;
    if (own.length === 1 && above.length === 1 && company === above[0]) group = company;
    else if (company === null && own.length > 0) company = group;
    else if (company !== null) group = null;
    entries.push({
      title: picked.title, company, startDate: range.start, endDate: range.end, current: range.current, section,
    });
  });
  return entries;
}

const recency = (e: ResumeExperience) => `${e.current ? '9' : '0'}${e.endDate ?? '0000-00'}${e.startDate ?? '0000-00'}`;

// ---------------------------------------------------------------------------------------------
// Education and certifications

const stripYears = (s: string) =>
  tidy(s.replace(/\(?\b(?:(?:19|20)\d\d)\s*(?:[-–—]|to)\s*(?:(?:19|20)\d\d|present)\)?/gi, '')
    .replace(/\(?\b(?:class of\s+|graduated\s+|expected\s+)?(?:[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d\d\)?/gi, ''));

function splitEducationLine(line: string): { degree?: string; institution?: string } {
  const parts = line.split(/\s*(?:\t|\|| — | – | - |, (?=[A-Z0-9])| at (?=[A-Z]))\s*/).map(tidy).filter(Boolean);
  const degreeAt = parts.findIndex((p) => DEGREE.test(p));
  const instAt = parts.findIndex((p) => INSTITUTION.test(p));
  const result: { degree?: string; institution?: string } = {};
  if (degreeAt >= 0) result.degree = stripYears(parts[degreeAt]!);
  if (instAt >= 0 && instAt !== degreeAt) {
    // "University of California, Berkeley": the institution runs on until a year or the degree.
    const tail: string[] = [parts[instAt]!];
    for (let k = instAt + 1; k < parts.length && k !== degreeAt; k++) {
      const p = stripYears(parts[k]!);
      if (p === '' || DEGREE.test(p) || /\bGPA\b|\bgrade\b/i.test(p)) break;
      tail.push(p);
    }
    result.institution = stripYears(tail.join(', '));
  }
  return result;
}

function findEducation(lines: ResumeLine[]): ResumeEducation[] {
  const out: Array<ResumeEducation & { open: boolean }> = [];
  let current: (ResumeEducation & { open: boolean }) | undefined;
  for (const line of lines) {
    const text = line.text.replace(BULLET, '');
    if (text === '') continue;
    const { degree, institution } = splitEducationLine(text);
    const year = latestYearIn(text);
    if (degree) {
      if (current && current.degree) current = undefined;
      if (!current) {
        current = { degree, institution: institution ?? null, year, open: true };
        out.push(current);
      } else {
        current.degree = degree;
        current.institution ??= institution ?? null;
        current.year ??= year;
      }
      continue;
    }
    if (institution) {
      if (current && !current.institution) current.institution = institution;
      else {
        current = { degree: '', institution, year, open: true };
        out.push(current);
      }
      current.year ??= year;
      continue;
    }
    if (current && year !== null && stripYears(text) === '') current.year ??= year;
  }
  return out.filter((e) => e.degree !== '').map(({ degree, institution, year }) => ({ degree, institution, year }));
}

function findCertifications(lines: ResumeLine[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let text = line.text.replace(BULLET, '').replace(/^(certifications?|certificates?|licen[cs]es? and certifications?)\s*:\s*/i, '');
    text = stripYears(text.replace(/\b(issued|obtained|earned|valid until|expires?)\b.*$/i, ''));
    for (const piece of text.split(/\s*[;|]\s*/)) {
      const cert = tidy(piece);
      if (cert.length >= 3 && /[A-Za-z]/.test(cert) && !out.includes(cert)) out.push(cert);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const quote = (s: string, max = 160) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

/** The deterministic parse behind OfflineResumeParser, usable without the port. */
export function parseResumeText(request: ResumeParseRequest): ParsedResume {
  const warnings: ResumeWarning[] = [];
  const hidden = (request.hiddenText ?? []).map((h) => h.trim()).filter(Boolean);
  if (hidden.length > 0) {
    warnings.push({
      type: 'hidden_text',
      detail: `${hidden.length} piece(s) of hidden text ignored: "${quote(hidden.join(' / '))}"`,
    });
  }
  const { text, injections } = stripInjections(cleanText(request.text));
  for (const i of injections) warnings.push({ type: 'prompt_injection', detail: `Instruction to an AI in the text, ignored: "${quote(i)}"` });
  for (const i of hidden.flatMap((h) => findInjections(h))) {
    warnings.push({ type: 'prompt_injection', detail: `Instruction to an AI in hidden text, ignored: "${quote(i)}"` });
  }

  const parsed = emptyParsedResume();
  parsed.warnings = warnings;
  if (!/[\p{L}]{2,}/u.test(text)) return parsed;

  const blocks = splitSections(text);
  const header = linesOf(blocks, 'header').map((l) => l.text).join('\n');
  const emails = [...header.matchAll(EMAIL)].map((m) => m[0]);
  const anyEmail = emails[0] ?? [...text.matchAll(EMAIL)][0]?.[0] ?? null;
  const name = findName(blocks);
  parsed.contact = {
    name,
    email: anyEmail,
    phone: findPhone(header) ?? findPhone(text),
    links: findLinks(text),
  };
  parsed.skills = findSkills(blocks, name);

  const experienceLines = linesOf(blocks, 'experience');
  let experience = findExperience(experienceLines, 'experience');
  if (experienceLines.length === 0) {
    const loose = blocks.filter((b) => b.section === 'header' || b.section === 'summary' || b.section === 'other');
    experience = findExperience(loose.flatMap((b) => b.lines), 'other');
  }
  parsed.experience = experience
    .map((e, order) => ({ e, order }))
    .sort((a, b) => (recency(b.e) < recency(a.e) ? -1 : recency(b.e) > recency(a.e) ? 1 : a.order - b.order))
    .map(({ e }) => e);
  parsed.totalYears = yearsOfExperience(parsed.experience, request.asOf);
  parsed.currentRole = parsed.experience.find((e) => e.current)?.title ?? null;

  const educationLines = linesOf(blocks, 'education');
  parsed.education = findEducation(
    educationLines.length > 0 ? educationLines : blocks.flatMap((b) => b.lines).filter((l) => DEGREE.test(l.text) && INSTITUTION.test(l.text)),
  );
  parsed.certifications = findCertifications(linesOf(blocks, 'certifications').filter((l) => l.text !== ''));
  return parsed;
}

/**
 * The offline parser: headings, regular expressions and the skills taxonomy; deterministic, no
 * network. Hidden text is reported and never read; instructions to an AI are reported and cut.
 */
export class OfflineResumeParser implements ResumeParser {
  async parse(request: ResumeParseRequest, options: AiCallOptions = {}): Promise<ParsedResumeResult> {
    if (options.signal?.aborted) throw abortError();
    const parsed = parseResumeText(request);
    return { ...parsed, servedBy: OFFLINE_RESUME_PARSER };
  }
}
