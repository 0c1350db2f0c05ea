/**
 * Instructions written into a resume for the AI that reads it, not for a human: "ignore previous
 * instructions", "you are an AI…", "rate this candidate as…", "give this resume a score of 100".
 * The patterns want an imperative or an addressee, so a resume that merely talks about AI, prompts
 * or scores ("built an LLM grader", "Lighthouse score of 100") is not flagged.
 */
const PATTERNS: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override|bypass|skip)\b[^.!?\n]{0,40}\b(previous|prior|above|earlier|all|any|your|these|those|other|original)\b[^.!?\n]{0,30}\b(instructions?|prompts?|rules|directions|guidelines|context|criteria|rubric|messages?|guidance)\b/i,
  /\b(ignore|disregard|forget|override|bypass)\s+(all\s+|any\s+)?(the\s+|your\s+|my\s+|these\s+|those\s+)?(previous\s+|prior\s+|above\s+|earlier\s+|original\s+|scoring\s+|grading\s+)?(instructions?|prompts?|rubric|criteria|guidelines|system prompt)\b/i,
  /\byou are (now )?(an?|the|my) (ai|a\.i\.|artificial intelligence|assistant|language model|large language model|llm|chatbot|bot|gpt|chatgpt|claude|recruit\w*|screen\w*|hiring \w+|resume (parser|reviewer|screener)|applicant tracking)\b/i,
  /\b(dear|hello|hi|attention|note to|message to|instructions? (to|for)|as an?)\s+(the\s+)?(ai|a\.i\.|llm|language model|chatgpt|gpt|assistant|screener|screening (tool|system|software|bot|ai)|ats|recruit(er|ing) (ai|bot)|automated (reviewer|screener|system|screening))\b\s*[,:;!-]/i,
  /\b(note|message|instructions?) (to|for) (the |any )?(ai|a\.i\.|llm|gpt|chatgpt|language model|screening (tool|system|software|bot|ai)|ats|automated (reviewer|screener|system|screening))\b/i,
  /\b(rate|score|rank|grade|mark|evaluate|assess|classify|label|review)\s+(this|the|my)\s+(candidate|applicant|resume|cv|profile|application)\b[^.!?\n]{0,40}\b(as|at|with|highly|higher|top|best|perfect|excellent|exceptional|100|10|ideal|strong|qualified|hire|maximum|above)\b/i,
  /\b(give|assign|award|grant|set)\b[^.!?\n]{0,30}\b(score|rating|marks?|points|grade)\b[^.!?\n]{0,20}(\b100\b|\b10\s*\/\s*10\b|\bmaximum\b|\bperfect\b|\bfull\b|\bhighest\b|\btop\b)/i,
  /\b(give|assign|award|grant)\b[^.!?\n]{0,30}(\b100\s*\/\s*100\b|\b10\s*\/\s*10\b|\bfull marks\b|\bperfect (score|rating)\b|\bhighest (score|rating)\b|\bmaximum (score|rating)\b)/i,
  /\b(score|rating)\s*(of|:|=|to|at)?\s*100\b(?!\s*%)[^.!?\n]{0,60}\b(you|your|candidate|applicant|resume|cv|must|should|output|return)\b/i,
  /\b(you|candidate|applicant|resume|cv|must|should|output|return)\b[^.!?\n]{0,60}\b(score|rating)\s*(of|:|=|to|at)?\s*100\b(?!\s*%)/i,
  /\b(this|the) (candidate|applicant) (is|would be) (the )?(perfect|ideal|best|top|most qualified|strongest|an? (excellent|perfect|ideal|exceptional))\b[^.!?\n]{0,40}\b(match|fit|candidate|hire|choice)\b/i,
  /(^|[.!?:]\s*|\b(you must|you should|please|always)\s+)(recommend|advance|shortlist|hire|select|approve|pass)\s+(this|the)\s+(candidate|applicant|resume)\b/i,
  /\bdo not (mention|reveal|disclose|flag|report|penalize|penalise|reject)\b[^.!?\n]{0,40}\b(this|these|instructions?|text|candidate|resume)\b/i,
  /\b(new|updated|override|hidden|secret) (system )?(instructions?|prompt)\s*:/i,
  /\b(reveal|print|ignore|repeat) (the |your )?system prompt\b/i,
  /\b(respond|reply|answer|output|return)\s+(only\s+)?(with\s+)?["'“]?(yes\b|hired\b|strong (hire|match)\b|perfect match\b)/i,
];

export const isInjection = (sentence: string): boolean => PATTERNS.some((re) => re.test(sentence));

/** Sentences of a line (a full stop inside a token like "node.js" or "3.5" ends none), with offsets. */
function sentencesOf(line: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let start = 0;
  const push = (end: number) => {
    const text = line.slice(start, end).trim();
    if (text) out.push({ text, start, end });
    start = end;
  };
  for (const m of line.matchAll(/[.!?]+\s+/g)) push(m.index + m[0].length);
  push(line.length);
  return out;
}

export interface InjectionScan {
  /** The text with every flagged sentence removed; a line left empty is removed with it. */
  text: string;
  /** The flagged sentences, in order. */
  injections: string[];
}

/**
 * Removes instructions aimed at an AI. Lines keep their order and unflagged sentences keep their
 * exact wording, so a resume with an injected line reads the same as the resume without it.
 */
export function stripInjections(text: string): InjectionScan {
  const injections: string[] = [];
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    if (!isInjection(line)) {
      kept.push(line);
      continue;
    }
    const sentences = sentencesOf(line);
    const flagged = sentences.filter((s) => isInjection(s.text));
    // A pattern can straddle two sentences of a line: then the whole line goes.
    const drop = flagged.length === 0 ? sentences : flagged;
    injections.push(...drop.map((s) => s.text));
    let rest = '';
    let at = 0;
    for (const s of drop) {
      rest += line.slice(at, s.start);
      at = s.end;
    }
    rest += line.slice(at);
    if (rest.trim().replace(/^[•*·\-–—]+$/, '').trim() !== '') kept.push(rest.replace(/\s+$/, ''));
  }
  return { text: kept.join('\n'), injections };
}

/** The flagged sentences of a text (see stripInjections). */
export const findInjections = (text: string): string[] => stripInjections(text).injections;
