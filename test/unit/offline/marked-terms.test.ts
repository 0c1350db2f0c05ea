import { expect } from 'chai';
import { RubricAnswerGrader } from '../../../src/adapters/offline/answer-grader.rubric.js';
import { markedTermsOf } from '../../../src/adapters/offline/rubric/marked-terms.js';

describe('marked terms (operators and stop words a question compares)', () => {
  it('marks operators, and stop words the question writes as names, in the question’s order', () => {
    expect(markedTermsOf('What is the difference between == and === in JavaScript?')?.question)
      .to.equal('What is the difference between mka and mkb in JavaScript?');
    expect(markedTermsOf('In Python, what is the difference between `is` and `==`?')?.question).to.equal('In Python, what is the difference between mka and mkb?');
    expect(markedTermsOf('What is the difference between is and == in Python?')?.question).to.equal('What is the difference between mka and mkb in Python?');
    expect(markedTermsOf('What is the difference between any and unknown?')?.question).to.equal('What is the difference between mka and unknown?');
    expect(markedTermsOf('In SQL, what is the difference between WHERE and HAVING?')?.question).to.equal('In SQL, what is the difference between mka and mkb?');
    expect(markedTermsOf('How do `var` and `let` differ?')?.question).to.equal('How do `var` and mka differ?');
    // Every member of a list compared, and a member by its name after the owner.
    expect(markedTermsOf('How do Promise.all, Promise.allSettled, Promise.race and Promise.any differ?')?.question)
      .to.equal('How do mka, Promise.allSettled, Promise.race and mkb differ?');
  });

  it('spells a member with its owner wherever it stands, and by its name alone where a stop word would be; another member compared is read by its name', () => {
    const { rewrite } = markedTermsOf('How do Promise.all, Promise.allSettled, Promise.race and Promise.any differ?')!;
    expect(rewrite('Promise.all fails fast; any waits for one; promise.any too, but Promise.allSettled and all of them wait.'))
      .to.equal('mka fails fast; mkb waits for one; mkb too, but allSettled and all of them wait.');
    // Nothing is added that would end a sentence ("Promise. all …"), and an operator is kept apart from the letters beside it.
    expect(markedTermsOf('What is the difference between == and ===?')!.rewrite('a==b')).to.equal('a mka b');
  });

  it('marks compounds compared whose words are all in another’s, and reads each only whole', () => {
    const files = markedTermsOf('What are package.json and package-lock.json for?')!;
    expect(files.question).to.equal('What are mka and mkb for?');
    expect(files.rewrite('package-lock.json pins versions; package.json declares ranges, not my-package.json or package.json5.'))
      .to.equal('mkb pins versions; mka declares ranges, not my-package.json or package.json5.');
    const testing = markedTermsOf('What is the difference between functional and non-functional testing?')!;
    expect(testing.rewrite('Functional tests check features, non-functional ones check qualities.')).to.equal('mka tests check features, mkb ones check qualities.');
  });

  it('marks nothing where the sides have content words, or are articles, negations or question words', () => {
    for (const question of [
      'What is the difference between a list and a tuple?', 'Why should passwords be hashed and not encrypted, and which algorithms are suitable?',
      'What is the difference between a minor and a major page fault?', 'Compare TCP and UDP.', 'When and why would you use an index?',
      'Is it safe to retry a POST, and how would you make it so?',
    ]) {
      expect(markedTermsOf(question), question).to.equal(undefined);
    }
  });

  it('spells an operator wherever it stands alone, not inside a longer one', () => {
    const { rewrite } = markedTermsOf('What is the difference between == and === in JavaScript?')!;
    expect(rewrite('0 == "0" is true, 0 === "0" is false; use ===.')).to.equal('0 mka "0" is true, 0 mkb "0" is false; use mkb.');
    expect(rewrite('a !== b and a <== b stay').replace(/\s+/g, ' ')).to.equal('a !== b and a <== b stay');
  });

  it('spells a stop word only where it names the term: opening a clause before a word, or quoted', () => {
    const { rewrite } = markedTermsOf('What is the difference between is and == in Python?')!;
    const spelled = (text: string) => rewrite(text).replace(/\s+/g, ' ').trim();
    expect(spelled('is compares identity, while is checks… and is tests it')).to.equal('mka compares identity, while mka checks… and mka tests it');
    expect(spelled('Use `is` for None; == compares values.')).to.equal('Use `mka` for None; mkb compares values.');
    // A verb, or a question opening with it, is not the term.
    expect(spelled('It is true that x is None. Is it the same object?')).to.equal('It is true that x is None. Is it the same object?');
  });

  /**
   * Sides with no content word of their own, marked: how the question reads, how a text is spelled, and the grader
   * reading a trade of them as a denial while crediting a right answer.
   */
  const cases = [
    {
      title: 'compounds of stop words alone ("for...in", "for...of"), read only whole',
      question: 'In JavaScript, what is the difference between for...in and for...of?',
      marked: 'In JavaScript, what is the difference between mka and mkb?',
      text: 'for...of gives values; a for...in loop gives keys, unlike for...inner.',
      spelled: 'mkb gives values; a mka loop gives keys, unlike for...inner.',
      reference: 'for...in iterates over the enumerable property keys of an object, including inherited ones; for...of iterates over the values '
        + 'of an iterable such as an array, a string or a Map, and does not work on plain objects.',
      swapped: 'for...of iterates over the enumerable property keys of an object, inherited ones too; for...in iterates over the values of an iterable like an array or a string.',
      right: 'for...in walks the enumerable property keys of an object, inherited ones too; for...of walks the values of an iterable like an array or a string, and fails on plain objects.',
    },
    {
      title: 'a side that is the other with one word more ("UNION and UNION ALL"), the longer read first',
      question: 'In SQL, what is the difference between UNION and UNION ALL?',
      marked: 'In SQL, what is the difference between mka and mkb?',
      text: 'UNION removes duplicates; UNION ALL keeps them, so union all is faster than union.',
      spelled: 'mka removes duplicates; mkb keeps them, so mkb is faster than mka.',
      reference: 'UNION combines the results of two queries and removes duplicate rows, which needs an extra sort or hash step; UNION ALL keeps '
        + 'every row, duplicates included, so it is cheaper and faster.',
      swapped: 'UNION ALL combines the results and removes duplicate rows, which needs a sort or hash step; UNION keeps every row, duplicates included, so it is cheaper and faster.',
      right: 'UNION merges both results and drops duplicate rows, which costs a sort or hash step; UNION ALL keeps every row including duplicates, so it is cheaper and faster.',
    },
    {
      title: 'two sides of two words that open with the same one ("npm install and npm ci"), so a verb of the same stem is no side',
      question: 'What is the difference between npm install and npm ci?',
      marked: 'What is the difference between mka and mkb?',
      text: 'npm ci installs from the lockfile; npm install resolves ranges.',
      spelled: 'mkb installs from the lockfile; mka resolves ranges.',
      reference: 'npm install resolves dependencies from package.json, may update package-lock.json and installs into the existing node_modules; npm ci requires a '
        + 'lockfile, deletes node_modules, installs exactly the locked versions and never writes the lockfile, which makes it reproducible and suited to CI.',
      swapped: 'npm ci resolves dependencies from package.json, may update package-lock.json and installs into the existing node_modules; npm install requires a '
        + 'lockfile, deletes node_modules, installs exactly the locked versions and never writes the lockfile.',
      right: 'npm install looks at package.json, resolves the ranges and can change package-lock.json, adding to node_modules. npm ci wipes node_modules, installs '
        + 'strictly from the lockfile and never modifies it, so CI builds are reproducible.',
    },
  ];
  for (const c of cases) {
    it(`marks ${c.title}, so their trade is seen`, () => {
      const terms = markedTermsOf(c.question)!;
      expect(terms.question).to.equal(c.marked);
      expect(terms.rewrite(c.text)).to.equal(c.spelled);
      const grader = new RubricAnswerGrader();
      expect(grader.gradeSync({ question: c.question, referenceAnswer: c.reference, answer: c.swapped }).flags, c.swapped).to.include('contradicts_reference');
      const credited = grader.gradeSync({ question: c.question, referenceAnswer: c.reference, answer: c.right });
      expect(credited.flags, c.right).to.deep.equal([]);
      expect(credited.score, c.right).to.be.at.least(70);
    });
  }

  it('opens no side of two words with an article or another stop word', () => {
    expect(markedTermsOf('What is the difference between a list and a tuple?')).to.equal(undefined);
  });
});
