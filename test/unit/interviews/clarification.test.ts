import { expect } from 'chai';
import { clarificationKind, restatedQuestion } from '../../../src/domain/interviews/clarification.js';
import type { PendingQuestion } from '../../../src/domain/interviews/interview.js';
import { clarificationsOf } from '../../../src/domain/interviews/use-cases/turns.js';

describe('clarification requests', () => {
  const repeats = [
    'Sorry, could you repeat the question?',
    'Can you rephrase that?',
    'Can you rephrase it?',
    'what do you mean?',
    'I don’t understand the question.',
    'I didn\'t catch the question, could you say it again please',
    'Sorry, I didn\'t catch that. Say again?',
    'I couldn\'t hear you',
    'Could you clarify what you are asking?',
    'Could you clarify what you mean by reconciliation in this question?',
    'Pardon?',
    'pardon',
    'Come again?',
    'What?',
    'What was the question?',
    'Please repeat the question',
    'repeat',
    'Repeat please.',
    'One more time, please?',
    `  Could you repeat the question?${' '.repeat(300)}`,
    'I\'m sorry, I didn\'t catch that.',
    'I\'m sorry, I don\'t understand the question.',
    'Sorry, I did not understand that, could you rephrase it a bit?',
    'Could you repeat the question slowly, please?',
    'Hmm?',
    'Huh?',
    'Excuse me?',
    'Können Sie die Frage bitte wiederholen?',
    '¿Puede repetir la pregunta?',
    'Pouvez-vous répéter la question ?',
  ];
  const hints = ['Can you give me a hint?', 'Any hints?', 'hint please', 'Could you help me out?'];
  const answers = [
    '',
    'A GET request can be repeated safely.',
    'You repeat the request with the same idempotency key, so the server replays its first response.',
    'What is a closure?',
    'Clarify requirements with the product owner first, then write the tests.',
    'Could you repeat it? Anyway: a closure is a function that keeps the variables of the scope it was created in alive after that scope returned, which is how modules kept private state before classes.',
    'I don\'t know.',
    'Type hints make the code easier to check with mypy.',
    'Type hints?',
    'Retry once more with backoff, then give up.',
    `Could you repeat the question? ${'Anyway, a closure keeps its scope alive. '.repeat(8)}`,
    'Sorry, one more time: a GET is safe and idempotent, so sending it twice changes nothing on the server.',
    'Can you repeat a GET safely? Yes, because it is idempotent.',
    'Sorry, let me restate my answer: hooks keep state in function components.',
  ];
  const cases: Array<[string, 'repeat' | 'hint' | undefined]> = [
    ...repeats.map((t) => [t, 'repeat'] as [string, 'repeat']),
    ...hints.map((t) => [t, 'hint'] as [string, 'hint']),
    ...answers.map((t) => [t, undefined] as [string, undefined]),
  ];
  for (const [text, kind] of cases) {
    it(`takes "${text.trim().slice(0, 50)}" for ${kind ? `a request (${kind})` : 'an answer'}`, () => {
      expect(clarificationKind(text)).to.equal(kind);
    });
  }

  it('puts the question again word for word, declining a hint', () => {
    expect(restatedQuestion('What is JSX?')).to.equal('Of course. Here is the question again: What is JSX?');
    expect(restatedQuestion('What is JSX?', 'hint')).to.match(/^I can't give hints during the assessment, .*Here is the question again: What is JSX\?$/);
  });

  it('counts the requests a pending question had, one for a question stored with the earlier flag', () => {
    const q = { text: 'What is JSX?' } as PendingQuestion;
    expect(clarificationsOf(q)).to.equal(0);
    expect(clarificationsOf({ ...q, clarified: true })).to.equal(1);
    expect(clarificationsOf({ ...q, clarifications: 2 })).to.equal(2);
  });
});
