import { findDateRanges } from '../../domain/resumes/dates.js';
import { stripInjections } from '../../domain/resumes/injection.js';
import type { ParsedResume, ResumeExperience, ResumeSection } from '../../domain/resumes/parsed-resume.js';
import { normaliseRole } from '../../domain/interviews/roles.js';
import { findSkillsInText } from '../../domain/skills/normalise.js';
import { categoryOf } from '../../domain/skills/taxonomy.js';
import type { AiCallOptions, ServedBy } from '../../ports/provider-served.js';
import type { ResumeReview, ResumeReviewer, ResumeReviewRequest, ResumeScoreBreakdown } from '../../ports/resume-reviewer.js';
import { cleanText, isBullet, splitSections, type ResumeBlock } from './resume-parser.offline.js';

export const OFFLINE_RESUME_REVIEWER: ServedBy = { provider: 'offline', model: 'resume-reviewer-v1' };

/** Keywords recruiters search for, per role id (canonical taxonomy names). */
export const ROLE_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  react: ['react', 'javascript', 'typescript', 'redux', 'next.js', 'html', 'css', 'jest', 'testing library', 'accessibility', 'web performance', 'graphql'],
  javascript: ['javascript', 'typescript', 'node', 'react', 'html', 'css', 'jest', 'webpack', 'rest', 'git', 'unit testing'],
  typescript: ['typescript', 'javascript', 'node', 'react', 'jest', 'eslint', 'rest', 'graphql', 'unit testing', 'ci/cd'],
  node: ['node', 'javascript', 'typescript', 'express', 'rest', 'postgresql', 'mongodb', 'redis', 'docker', 'jest', 'microservices', 'aws'],
  python: ['python', 'django', 'flask', 'fastapi', 'pytest', 'postgresql', 'rest', 'docker', 'aws', 'pandas', 'celery', 'git'],
  java: ['java', 'spring boot', 'hibernate', 'junit', 'maven', 'microservices', 'rest', 'sql', 'docker', 'kafka', 'kubernetes', 'aws'],
  go: ['go', 'grpc', 'rest', 'microservices', 'docker', 'kubernetes', 'postgresql', 'multithreading', 'redis', 'prometheus', 'aws', 'unit testing'],
  fullstack: ['javascript', 'typescript', 'react', 'node', 'rest', 'sql', 'postgresql', 'docker', 'aws', 'ci/cd', 'git', 'unit testing'],
  devops: ['docker', 'kubernetes', 'terraform', 'ci/cd', 'aws', 'linux', 'ansible', 'prometheus', 'grafana', 'helm', 'bash', 'python', 'infrastructure as code'],
  data_engineering: ['python', 'sql', 'spark', 'airflow', 'kafka', 'etl', 'data warehousing', 'dbt', 'snowflake', 'data modeling', 'aws', 'data pipelines'],
  qa_automation: ['test automation', 'selenium', 'cypress', 'playwright', 'api testing', 'ci/cd', 'jest', 'postman', 'regression testing', 'performance testing', 'bdd', 'java'],
  system_design: ['system design', 'distributed systems', 'microservices', 'caching', 'message queues', 'kafka', 'horizontal scaling', 'high availability', 'load balancing', 'sharding', 'cap theorem', 'database design'],
};

const ROLE_LABELS: Record<string, string> = {
  react: 'React', javascript: 'JavaScript', typescript: 'TypeScript', node: 'Node.js', python: 'Python', java: 'Java', go: 'Go',
  fullstack: 'full-stack', devops: 'DevOps', data_engineering: 'data engineering', qa_automation: 'QA automation',
  system_design: 'system design',
};

const DEFAULT_ROLE = 'fullstack';
const MAX_POINTS = { clarity: 25, impact: 25, technicalDepth: 20, formatting: 15, keywords: 15 } as const;

const ACTION_VERBS = new Set((
  'led lead built build designed design developed develop reduced reduce increased increase improved improve launched launch ' +
  'delivered deliver migrated migrate automated automate created create implemented implement optimised optimized optimise optimize ' +
  'architected architect mentored mentor owned own drove drive scaled scale cut shipped ship introduced introduce wrote write ' +
  'established managed manage ran run maintained maintain rebuilt refactored refactor replaced replace added add spearheaded ' +
  'streamlined grew grow saved save won negotiated coached trained hired founded co-founded authored published resolved ' +
  'accelerated enabled partnered collaborated analysed analyzed modernised modernized consolidated simplified secured deployed'
).split(' '));

const abortError = () => Object.assign(new Error('The resume review call was aborted'), { name: 'AbortError' });

const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));
const list = (items: readonly string[], max = 4) =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
const short = (s: string, max = 90) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

type DateStyle = 'month-name' | 'iso' | 'numeric' | 'year';
function dateStyle(text: string): DateStyle {
  if (/[a-z]{3}/i.test(text.replace(/present|current|now|today|ongoing|to date|to|until|till|through/gi, ''))) return 'month-name';
  if (/\d{4}[-/.]\d{1,2}/.test(text)) return 'iso';
  if (/\d{1,2}[-/.]\d{4}/.test(text)) return 'numeric';
  return 'year';
}

interface Facts {
  role: string;
  words: number;
  blocks: ResumeBlock[];
  sections: Set<ResumeSection>;
  bullets: string[];
  quantified: string[];
  actionLed: number;
  skills: string[];
  categories: Map<string, number>;
  applied: string[];
  keywordsFound: string[];
  keywordsMissing: string[];
  dateStyles: Set<DateStyle>;
  entriesWithoutDates: number;
  longParagraphs: number;
  gaps: Array<{ months: number; after: ResumeExperience; before: ResumeExperience }>;
  manipulation: boolean;
}

const QUANTITY = /(\d[\d,.]*\s*(%|x\b|k\b|m\b|bn\b|million|billion|thousand|users|customers|requests|hours|days|weeks|ms|tb|gb|engineers|people|services|teams|tests|tables)?|[$€£¥]\s?\d|\b(doubled|tripled|halved|tenfold)\b)/i;

function quantifiedBullet(bullet: string): boolean {
  let text = bullet;
  for (const r of findDateRanges(bullet)) text = text.replace(r.text, ' ');
  text = text.replace(/\b(19|20)\d\d\b/g, ' ');
  // A version number or a product name ("Python 3", "S3", "EC2", "Web3") is not a result.
  text = text.replace(/\b[A-Za-z]+\d+\b|\b(python|java|php|vue|angular|net|es|version|v)\s?\d+(\.\d+)*\b/gi, ' ');
  return QUANTITY.test(text) && /\d|doubled|tripled|halved|tenfold/i.test(text);
}

function monthIndex(ym: string): number {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return y * 12 + m - 1;
}

function gapsBetween(entries: readonly ResumeExperience[]): Facts['gaps'] {
  const dated = entries.filter((e) => e.startDate && (e.endDate || e.current))
    .sort((a, b) => monthIndex(a.startDate!) - monthIndex(b.startDate!));
  const gaps: Facts['gaps'] = [];
  let reach = -Infinity;
  let last: ResumeExperience | undefined;
  for (const e of dated) {
    const start = monthIndex(e.startDate!);
    if (last && start - reach > 6) gaps.push({ months: start - reach - 1, after: last, before: e });
    const end = e.current ? Number.POSITIVE_INFINITY : monthIndex(e.endDate!);
    if (end > reach) {
      reach = end;
      last = e;
    }
  }
  return gaps;
}

function gatherFacts(request: ResumeReviewRequest, text: string, manipulation: boolean): Facts {
  const roleKey = normaliseRole(request.targetRole ?? DEFAULT_ROLE);
  const role = ROLE_KEYWORDS[roleKey] ? roleKey : DEFAULT_ROLE;
  const blocks = splitSections(text);
  const sections = new Set(blocks.filter((b) => b.lines.some((l) => l.text !== '')).map((b) => b.section));
  const work = blocks.filter((b) => b.section === 'experience' || b.section === 'projects');
  const workLines = work.flatMap((b) => b.lines.map((l) => l.text)).filter(Boolean);
  // Bullets, or plain sentences in the work history when the author used no bullet characters.
  const bullets = workLines.filter((l) => isBullet(l) || (l.split(/\s+/).length >= 8 && /[a-z]/.test(l) && findDateRanges(l).length === 0))
    .map((l) => l.replace(/^\s*[•*·▪■●◦‣⁃>\u2013\u2014-]\s*|^\s*\d{1,2}[.)]\s*/, ''));
  const quantified = bullets.filter(quantifiedBullet);
  const actionLed = bullets.filter((b) => ACTION_VERBS.has((b.split(/\s+/)[0] ?? '').toLowerCase().replace(/[^a-z-]/g, ''))).length;

  const found = new Set(request.parsed.skills.map((s) => s.name));
  for (const m of findSkillsInText(text)) found.add(m.name);
  const skills = [...found];
  const categories = new Map<string, number>();
  for (const s of skills) {
    const c = categoryOf(s);
    if (c) categories.set(c, (categories.get(c) ?? 0) + 1);
  }
  const applied = findSkillsInText(workLines.join('\n')).map((m) => m.name);
  const keywords = ROLE_KEYWORDS[role]!;
  const keywordsFound = keywords.filter((k) => found.has(k));
  const keywordsMissing = keywords.filter((k) => !found.has(k));

  const headerLines = work.flatMap((b) => b.lines.map((l) => l.text)).filter((l) => l && !isBullet(l));
  const dateStyles = new Set(headerLines.flatMap((l) => findDateRanges(l).map((r) => dateStyle(r.text))));
  const entriesWithoutDates = request.parsed.experience.filter((e) => !e.startDate).length;
  const longParagraphs = text.split('\n').filter((l) => l.split(/\s+/).length > 60).length;
  return {
    role, words: (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.+#-]*/gu) ?? []).length, blocks, sections, bullets, quantified,
    actionLed, skills, categories, applied, keywordsFound, keywordsMissing, dateStyles, entriesWithoutDates, longParagraphs,
    gaps: gapsBetween(request.parsed.experience), manipulation,
  };
}

function score(parsed: ParsedResume, f: Facts): ResumeScoreBreakdown {
  const has = (s: ResumeSection) => f.sections.has(s);
  const dated = parsed.experience.filter((e) => e.startDate).length;
  const clarity = clamp(
    (has('experience') || parsed.experience.length > 0 ? 6 : 0) + (has('education') ? 3 : 0) + (has('skills') ? 4 : 0)
    + (has('summary') ? 3 : 0) + (parsed.contact.name ? 2 : 0) + (parsed.contact.email ? 2 : 0)
    + (dated >= 2 ? 5 : dated === 1 ? 3 : 0) - Math.min(6, 3 * f.longParagraphs),
    MAX_POINTS.clarity,
  );

  const b = f.bullets.length;
  const share = b === 0 ? 0 : f.quantified.length / b;
  const impact = b === 0 ? 0 : MAX_POINTS.impact * (
    0.6 * Math.min(1, share / 0.5) + 0.25 * Math.min(1, f.quantified.length / 4) + 0.15 * (f.actionLed / b)
  );

  const technicalDepth = MAX_POINTS.technicalDepth * (
    0.5 * Math.min(1, f.skills.length / 15) + 0.25 * Math.min(1, f.categories.size / 5) + 0.25 * Math.min(1, f.applied.length / 5)
  );

  const lengthPoints = f.words >= 250 && f.words <= 900 ? 5 : f.words >= 150 && f.words <= 1300 ? 3 : f.words > 0 ? 1 : 0;
  const datePoints = parsed.experience.length === 0 ? 0
    : f.entriesWithoutDates === 0 && f.dateStyles.size <= 1 ? 4 : f.dateStyles.size <= 2 ? 2 : 1;
  const formatting = clamp(
    lengthPoints + (b >= 3 ? 3 : b > 0 ? 1 : 0) + datePoints
    + (parsed.contact.email ? 1 : 0) + (parsed.contact.phone ? 1 : 0) + (parsed.contact.links.length > 0 ? 1 : 0),
    MAX_POINTS.formatting,
  );

  const total = ROLE_KEYWORDS[f.role]!.length;
  const keywords = MAX_POINTS.keywords * (f.keywordsFound.length / total);
  return {
    clarity: round1(clarity), impact: round1(impact), technicalDepth: round1(technicalDepth),
    formatting: round1(formatting), keywords: round1(keywords),
  };
}

interface Said {
  strengths: string[];
  weaknesses: string[];
  suggestions: string[];
}

function comment(parsed: ParsedResume, f: Facts, s: ResumeScoreBreakdown): Said {
  const strengths: Array<[number, string]> = [];
  const weaknesses: Array<[number, string]> = [];
  const suggestions: Array<[number, string]> = [];
  const roleLabel = ROLE_LABELS[f.role] ?? f.role;
  const b = f.bullets.length;
  const q = f.quantified.length;

  if (f.manipulation) {
    weaknesses.push([100, 'The file contains hidden text or instructions addressed to automated screening; they were ignored and can read as an attempt to game the review.']);
    suggestions.push([100, 'Remove hidden text and any instructions to AI tools: keep only what a human reader sees.']);
  }

  if (q > 0 && s.impact >= 15) strengths.push([90, `Results are quantified in ${q} of ${b} work-history bullets, e.g. "${short(f.quantified[0]!)}".`]);
  else if (b > 0) {
    weaknesses.push([90, `Only ${q} of ${b} work-history bullets carry a number, so the impact of the work is hard to judge.`]);
    const plain = f.bullets.find((x) => !quantifiedBullet(x));
    suggestions.push([90, plain
      ? `Add a measurable outcome to bullets such as "${short(plain, 70)}" (time saved, % improved, users, revenue).`
      : 'Add measurable outcomes (time saved, % improved, users, revenue) to each role.']);
  } else {
    weaknesses.push([95, 'The work history has no bullet points describing what was achieved.']);
    suggestions.push([95, 'Under each role add 3–5 bullets that start with an action verb and end with a measurable result.']);
  }

  if (b >= 3 && f.actionLed / b >= 0.6) strengths.push([60, `Bullets lead with action verbs (${f.actionLed} of ${b}), which keeps them scannable.`]);
  else if (b >= 3) suggestions.push([55, `Start more bullets with an action verb ("Built", "Reduced", "Led"): ${f.actionLed} of ${b} do now.`]);

  if (f.skills.length >= 10) {
    const top = [...f.categories.entries()].sort((x, y) => y[1] - x[1]).slice(0, 3).map(([c]) => c.replace('_', '/'));
    strengths.push([80, `Broad technical range: ${f.skills.length} recognised skills across ${f.categories.size} areas (mostly ${top.join(', ')}).`]);
  } else if (f.skills.length > 0) {
    weaknesses.push([70, `Only ${f.skills.length} recognisable technical skills (${list(f.skills)}); the technical depth is hard to see.`]);
    suggestions.push([70, 'List the languages, frameworks, databases and tools you use, and name them in the bullets where you used them.']);
  } else {
    weaknesses.push([85, 'No recognisable technical skills were found.']);
    suggestions.push([85, 'Add a Skills section listing languages, frameworks, databases, cloud and tooling.']);
  }

  if (f.applied.length >= 5) strengths.push([65, `Skills are shown in context: ${list(f.applied)} appear in the work history, not only in a list.`]);
  else if (f.skills.length > 0) suggestions.push([60, 'Mention key skills inside the work-history bullets to show where and how you used them.']);

  if (f.keywordsFound.length >= Math.ceil(ROLE_KEYWORDS[f.role]!.length * 0.6)) {
    strengths.push([70, `Covers ${f.keywordsFound.length} of ${ROLE_KEYWORDS[f.role]!.length} keywords recruiters search for in ${roleLabel} roles (${list(f.keywordsFound)}).`]);
  }
  if (f.keywordsMissing.length > 0) {
    weaknesses.push([f.keywordsMissing.length >= 6 ? 80 : 50, `Missing ${f.keywordsMissing.length} keyword(s) common in ${roleLabel} job ads: ${list(f.keywordsMissing, 6)}.`]);
    suggestions.push([65, `If you have used them, name ${list(f.keywordsMissing, 5)} explicitly; applicant tracking systems match on these words.`]);
  }

  const missing = (['summary', 'experience', 'education', 'skills'] as const).filter((x) => !f.sections.has(x) && !(x === 'experience' && parsed.experience.length > 0));
  if (missing.length === 0) strengths.push([55, 'Clear structure: summary, experience, education and skills sections are all present.']);
  else {
    weaknesses.push([75, `No ${missing.join(', ')} section${missing.length > 1 ? 's were' : ' was'} found.`]);
    suggestions.push([75, `Add clearly headed ${missing.map((m) => m[0]!.toUpperCase() + m.slice(1)).join(', ')} section${missing.length > 1 ? 's' : ''}.`]);
  }
  if (!f.sections.has('summary')) suggestions.push([50, `Open with a two-line summary aimed at ${roleLabel} roles: years of experience, core stack, one headline result.`]);

  const current = parsed.experience.find((e) => e.current);
  if (parsed.totalYears > 0) {
    strengths.push([50, `${parsed.totalYears} years of dated experience${current ? `, currently ${current.title}${current.company ? ` at ${current.company}` : ''}` : ''}.`]);
  }
  if (f.gaps.length > 0) {
    const g = f.gaps[0]!;
    weaknesses.push([60, `A gap of ${g.months} months between ${g.after.title}${g.after.company ? ` at ${g.after.company}` : ''} and ${g.before.title} is not explained.`]);
    suggestions.push([58, 'Explain longer gaps in a line (study, travel, caring, freelance work) so a reviewer does not have to guess.']);
  }

  const contactMissing = [!parsed.contact.email && 'email', !parsed.contact.phone && 'phone number'].filter(Boolean) as string[];
  if (contactMissing.length > 0) {
    weaknesses.push([78, `The ${contactMissing.join(' and ')} could not be found at the top of the resume.`]);
    suggestions.push([78, `Put your ${contactMissing.join(' and ')} in the header, as plain text.`]);
  } else if (parsed.contact.links.length > 0) {
    strengths.push([40, `Complete contact details, with ${list(parsed.contact.links, 2)}.`]);
  } else {
    suggestions.push([45, 'Add a LinkedIn or GitHub link so reviewers can see more of your work.']);
  }

  if (f.dateStyles.size > 1) {
    weaknesses.push([45, `Dates are written in ${f.dateStyles.size} different styles; pick one (e.g. "Jan 2021 – Present").`]);
    suggestions.push([44, 'Write every date range the same way, e.g. "Mar 2019 – Jun 2021".']);
  } else if (f.entriesWithoutDates > 0) {
    weaknesses.push([55, `${f.entriesWithoutDates} role(s) have no dates, so the length of experience cannot be worked out.`]);
    suggestions.push([54, 'Give every role a start and end month.']);
  }

  if (f.words > 0 && f.words < 150) {
    weaknesses.push([88, `At about ${f.words} words the resume is too thin to show what you have done.`]);
    suggestions.push([88, 'Expand each role with what you built, for whom, with which tools and with what result.']);
  } else if (f.words > 1300) {
    weaknesses.push([58, `At about ${f.words} words the resume is long; reviewers skim the first page.`]);
    suggestions.push([57, 'Cut older or less relevant roles to one line each and keep the resume to two pages.']);
  } else if (f.words >= 250) {
    strengths.push([30, `A readable length (about ${f.words} words) for a quick screen.`]);
  }
  if (f.longParagraphs > 0) {
    weaknesses.push([52, `${f.longParagraphs} paragraph(s) run past 60 words; dense blocks get skipped.`]);
    suggestions.push([52, 'Break long paragraphs into short bullets.']);
  }
  if (parsed.certifications.length > 0) strengths.push([35, `Certification${parsed.certifications.length > 1 ? 's' : ''} listed: ${list(parsed.certifications, 2)}.`]);
  if (parsed.education.length > 0) {
    const e = parsed.education[0]!;
    strengths.push([25, `Education is stated clearly: ${e.degree}${e.institution ? `, ${e.institution}` : ''}${e.year ? ` (${e.year})` : ''}.`]);
  }

  // Always something to say, even about a near-empty or an excellent resume.
  const weakFallback: Array<[number, string]> = [
    [20, q < b ? `${b - q} bullet(s) describe duties rather than outcomes.` : 'Bullets could add scale (users, traffic, team size) to the results.'],
    [15, f.sections.has('projects') ? 'Projects could link to code or a live demo.' : 'There is no projects section to show work outside the day job.'],
    [10, `The resume does not say which ${roleLabel} problems you want to work on next.`],
  ];
  const strongFallback: Array<[number, string]> = [
    [10, f.words > 0 ? 'The resume is text-based, so applicant tracking systems can read it.' : 'The upload was accepted and can be improved from a clean start.'],
    [8, parsed.contact.name ? `The candidate's name (${parsed.contact.name}) is clear at the top.` : 'No decorative layout gets in the way of the content.'],
    [6, f.manipulation ? 'The visible content was reviewed on its own merits.' : 'No hidden text or instructions to automated tools were found.'],
  ];
  const suggestFallback: Array<[number, string]> = [
    [20, `Tailor the top third of the resume to ${roleLabel} roles: summary, most relevant role and skills first.`],
    [15, 'Ask a peer in the target role to read it for 30 seconds and say what they remember.'],
    [10, 'Export as a text-based PDF and check that copying the text out of it works.'],
  ];
  return {
    strengths: pick(strengths, strongFallback),
    weaknesses: pick(weaknesses, weakFallback),
    suggestions: pick(suggestions, suggestFallback),
  };
}

/** The 3–5 highest-priority remarks, topped up from the fallbacks; no duplicates. */
function pick(items: Array<[number, string]>, fallback: Array<[number, string]>): string[] {
  const out: string[] = [];
  for (const [, text] of [...items].sort((a, b) => b[0] - a[0])) if (out.length < 5 && !out.includes(text)) out.push(text);
  for (const [, text] of fallback) if (out.length < 3 && !out.includes(text)) out.push(text);
  return out;
}

/** The deterministic review behind OfflineResumeReviewer. */
export function reviewResumeText(request: ResumeReviewRequest): ResumeReview {
  const stripped = stripInjections(cleanText(request.text));
  const manipulation = stripped.injections.length > 0 || request.parsed.warnings.length > 0;
  const facts = gatherFacts(request, stripped.text, manipulation);
  const breakdown = score(request.parsed, facts);
  const total = breakdown.clarity + breakdown.impact + breakdown.technicalDepth + breakdown.formatting + breakdown.keywords;
  return {
    overallScore: Math.max(0, Math.min(100, Math.round(total))),
    ...comment(request.parsed, facts, breakdown),
    keywordsMissing: facts.keywordsMissing,
    breakdown,
    servedBy: OFFLINE_RESUME_REVIEWER,
  };
}

/**
 * The offline reviewer: the coach's rubric (clarity 25, impact 25, depth 20, formatting 15,
 * keywords 15) computed from the text. Sentences addressed to an AI are removed before anything
 * is measured, so they cannot move the score.
 */
export class OfflineResumeReviewer implements ResumeReviewer {
  async review(request: ResumeReviewRequest, options: AiCallOptions = {}): Promise<ResumeReview> {
    if (options.signal?.aborted) throw abortError();
    return reviewResumeText(request);
  }
}
