import { expect } from 'chai';
import { isClarificationRequest, restatedQuestion } from '../../../src/domain/interviews/clarification.js';

describe('clarification requests', () => {
  const requests = [
    'Sorry, could you repeat the question?',
    'Can you rephrase that?',
    'what do you mean?',
    'I don’t understand the question.',
    'I didn\'t catch the question, could you say it again please',
    'Could you clarify what you are asking?',
    'Pardon?',
    'Come again?',
    'What was the question?',
    'Please repeat the question',
    `  Could you repeat the question?${' '.repeat(300)}`,
  ];
  const answers = [
    '',
    'A GET request can be repeated safely.',
    'You repeat the request with the same idempotency key, so the server replays its first response.',
    'What is a closure?',
    'Clarify requirements with the product owner first, then write the tests.',
    'Could you repeat it? Anyway: a closure is a function that keeps the variables of the scope it was created in alive after that scope returned, which is how modules kept private state before classes.',
    'I don\'t know.',
    `Could you repeat the question? ${'Anyway, a closure keeps its scope alive. '.repeat(8)}`,
  ];
  const cases: Array<[string, boolean]> = [...requests.map((t) => [t, true] as [string, boolean]), ...answers.map((t) => [t, false] as [string, boolean])];
  for (const [text, request] of cases) {
    it(`takes "${text.trim().slice(0, 50)}" for ${request ? 'a request about the question' : 'an answer'}`, () => {
      expect(isClarificationRequest(text)).to.equal(request);
    });
  }

  it('puts the question again word for word', () => {
    expect(restatedQuestion('What is JSX?')).to.equal('Of course. Here is the question again: What is JSX?');
  });
});
