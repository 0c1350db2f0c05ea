import { expect } from 'chai';
import { RubricAnswerGrader } from '../../../src/adapters/offline/answer-grader.rubric.js';
import { absencesIn } from '../../../src/adapters/offline/rubric/clauses.js';
import { negationsIn } from '../../../src/adapters/offline/text/signals.js';
import { deniedClaims, negatableClausesOf } from '../../../src/adapters/offline/rubric/negated-claims.js';
import { sideAttributesOf, sidesOf, sideTradeShare } from '../../../src/adapters/offline/rubric/side-trades.js';
import { contentTokens, proseWords, sentences, words } from '../../../src/adapters/offline/text/tokens.js';
import type { Grade, GradeRequest } from '../../../src/ports/answer-grader.js';

const grader = new RubricAnswerGrader();
const asked = (question: string, referenceAnswer: string): GradeRequest => ({ question, referenceAnswer, answer: '' });
const grade = (q: GradeRequest, answer: string) => grader.gradeSync({ ...q, answer });
/** A wrong answer read as one: it contradicts the reference, and is held at most at the boundary's 40. */
const expectDenies = (g: Grade, label?: string) => {
  expect(g.reasoning, label).to.include('contradicts the reference');
  expect(g.score, label).to.be.at.most(40);
};
/** A right answer read as one: nothing of it contradicts the reference, and it keeps an expert's score. */
const expectAgrees = (g: Grade, label?: string) => {
  expect(g.reasoning, label).to.not.include('contradicts');
  expect(g.score, label).to.be.at.least(80);
};

const LOCKING = asked('What is the difference between optimistic and pessimistic locking?',
  'Pessimistic locking locks the row when it is read, so other transactions wait for the lock; optimistic locking takes no lock and '
  + 'instead checks a version column at write time, failing the write if someone else changed the row.');
const DEPLOY = asked('In Kubernetes, what is the difference between a Deployment and a StatefulSet?',
  'A Deployment runs interchangeable stateless pods that can be replaced in any order; a StatefulSet gives each pod a stable identity '
  + 'and its own persistent volume, and starts them in order.');
const UNIONS = asked('What is the difference between DELETE and TRUNCATE in SQL?',
  'DELETE removes rows one at a time, can filter with WHERE and fires triggers, so it is slow for large tables; TRUNCATE deallocates '
  + 'the data pages at once, cannot filter and is much faster.');

/** How many negated claims an answer makes against a request's reference (with its question's two sides as subjects, when it has them). */
const negatedIn = (q: GradeRequest, answer: string, subjects: string[] = []) =>
  deniedClaims(sentences(answer), sentences(answer).map((x) => words(x.text)), negatableClausesOf(q.referenceAnswer!, new Set(subjects)), new Set(subjects), new Set())
    .length;

describe('claims denied in part (negated claims, traded sides, words that take away)', () => {
  it('reads a negation of what the reference affirms of the same subject as a negated claim, whatever the words around it', () => {
    const subjects = ['optim', 'pessi'];
    expect(negatedIn(LOCKING, 'Pessimistic locking locks the row on read. Optimistic locking takes no lock and does not check any version at write time, '
      + 'so the last write wins.', subjects)).to.equal(1);
    // The subject said in the clause before: "…, but it does not …".
    expect(negatedIn(LOCKING, 'Optimistic locking is lock-free, but it never checks a version column at write time.', subjects)).to.equal(1);
    // Said of the other subject, the same words deny nothing: pessimistic locking indeed checks no version.
    expect(negatedIn(LOCKING, 'Pessimistic locking does not check a version column at write time; it just waits for the lock.', subjects)).to.equal(0);
  });

  it('does not read as a negated claim a negation that restricts, weakens or excepts, one the reference makes too, or a denied opposite', () => {
    const subjects = ['optim', 'pessi'];
    for (const answer of [
      'Optimistic locking only fails writes that do not match the version column at write time.', // a relative clause ("that do not")
      'Optimistic locking does not always check a version column; a timestamp works too.', // "not always"
      'Optimistic locking does not fail the write unless someone else changed the row.', // an exception
      'Whether the version changed or not, optimistic locking takes no lock.', // "or not"
    ]) expect(negatedIn(LOCKING, answer, subjects), answer).to.equal(0);
    const gil = asked('What does the GIL do?', 'The GIL prevents multiple threads from executing Python bytecode in parallel.');
    expect(negatedIn(gil, 'The GIL does not allow multiple threads to execute Python bytecode in parallel.')).to.equal(0);
    const effect = asked('What is the difference between useEffect and useLayoutEffect?',
      'useEffect runs after the browser paints, so it does not block the screen update; useLayoutEffect runs before paint.');
    expect(negatedIn(effect, 'useEffect runs after paint and does not block the screen update.', ['useef', 'usela'])).to.equal(0);
    // "No" says an absence, which restates as often as it denies; a condition's negation is the condition's.
    const recursion = asked('What causes infinite recursion?', 'A recursion step defined incorrectly, or a base case that is not included.');
    expect(negatedIn(recursion, 'There is no base case, or the recursive calls do not converge on the base case.')).to.equal(0);
  });

  it('reads a word of opposite sense said of the subject of a reference clause that says its counterpart as a denied claim, not a comparison or a passing word', () => {
    const waits = asked('What is the difference between an implicit wait and an explicit wait in Selenium?',
      'An implicit wait is a global driver setting that makes every element lookup poll up to a timeout; an explicit wait waits for a specific '
      + 'condition on a specific element.');
    const subjects = ['impli', 'expli'];
    const denied = (answer: string, twoWays: number[] = []) =>
      deniedClaims(sentences(answer), sentences(answer).map((x) => words(x.text)), negatableClausesOf(waits.referenceAnswer!, new Set(subjects)), new Set(subjects), new Set(twoWays))
        .length;
    expect(denied('An implicit wait is a local setting for a single lookup that polls up to a timeout.')).to.equal(1);
    // The reference said back, and a right answer naming the counterpart of another clause's word, deny nothing.
    expect(denied(waits.referenceAnswer!)).to.equal(0);
    expect(denied('An implicit wait is global and polls every lookup; an explicit wait is local to one element and one condition.')).to.equal(0);
    // A comparison may be turned round and still be right; a pair said both ways in one clause is no opposite there.
    expect(denied('An implicit wait is a more local setting than a driver-wide timeout for every element lookup.')).to.equal(0);
    const sorting = asked('What is the main idea of insertion sort?',
      'Taking one array element at a time, from left to right, it inserts it in the right position among the already sorted elements on its left.');
    const insertion = sentences('Insertion sort takes each element of an unsorted array in order.');
    expect(deniedClaims(insertion, insertion.map((x) => words(x.text)), negatableClausesOf(sorting.referenceAnswer!, new Set()), new Set(), new Set()))
      .to.deep.equal([]);
  });

  it('sets two sides of a question apart, leaving out the words both share, and none when it compares nothing', () => {
    const sides = (q: string) => sidesOf(q)?.map((s) => [...s].sort());
    expect(sides('What is the difference between TCP and UDP?')).to.deep.equal([['tcp'], ['udp']]);
    expect(sides('What is the difference between strong consistency and eventual consistency?')).to.deep.equal([['stron'], ['event']]);
    expect(sides('What is the difference between npm install and npm ci?')).to.deep.equal([['insta'], ['ci']]);
    expect(sides('When should a method have a pointer receiver instead of a value receiver?')).to.deep.equal([['point'], ['value']]);
    expect(sides('What is the difference between a data lake and a data warehouse?')).to.deep.equal([['lake'], ['wareh']]);
    expect(sides('How does a process differ from a thread?')).to.deep.equal([['proce'], ['threa']]);
    expect(sides('When would you use gRPC as opposed to REST?')).to.deep.equal([['grpc'], ['rest']]);
    expect(sides('Why pick a B-tree index compared to a hash index?')).to.deep.equal([['tree'], ['hash']]);
    expect(sides('When would you choose ConcurrentHashMap over Collections.synchronizedMap?')).to.deep.equal([['concu'], ['colle', 'synch']]);
    expect(sides('Why prefer composition over inheritance?')).to.deep.equal([['compo'], ['inher']]);
    expect(sides('Why pick Redis over Memcached?')).to.deep.equal([['redis'], ['memca']]);
    // The plain thing beside a kind of it is named by the words both share.
    expect(sides('What is the difference between a view and a materialized view?')).to.deep.equal([['view'], ['mater']]);
    expect(sides('What is the difference between a clustered and a non-clustered index?')).to.deep.equal([['clust'], ['non']]);
    expect(sides('What is the difference between a distributed cache and a cache?')).to.deep.equal([['distr'], ['cache']]);
    // "Over" sets sides apart only after a verb of choosing.
    expect(sides('How is data sent over the network?')).to.equal(undefined);
    expect(sides('What is the difference between UNION and UNION ALL?')).to.equal(undefined);
    expect(sides('How does a bundler decide what to include?')).to.equal(undefined);
  });

  it('reads clauses that each say of one side what the reference says of the other as a swap, and not a remark about the other side in passing', () => {
    const tcp = asked('What is the difference between TCP and UDP?', 'TCP is connection-oriented and provides reliable, ordered delivery with '
      + 'retransmissions; UDP is connectionless and sends independent datagrams with no guarantees, giving lower latency for games and DNS.');
    const attributes = sideAttributesOf(tcp.referenceAnswer!, tcp.question, new Set(contentTokens(tcp.question)))!;
    const share = (answer: string) => sideTradeShare(sentences(answer), attributes).share;
    expect(share('UDP is the connection-oriented one: it retransmits lost packets and keeps everything ordered. TCP just sends independent '
      + 'datagrams with no guarantees, which is why games use it.')).to.equal(1);
    expect(share('TCP is connection-oriented with retransmissions and ordered delivery. UDP sends independent datagrams, so games and DNS use it.'))
      .to.equal(0);
    expect(share('TCP gives reliable ordered delivery; unlike UDP, which is connectionless, it retransmits.')).to.equal(0);
  });

  it('does not read the kind a question asks for ("which algorithms") as a term traded for the reference\'s ("hashes")', () => {
    // The key points say "algorithms": with them it is one of the reference's terms as well as the question's.
    const passwords = {
      ...asked('Why should passwords be hashed and not encrypted, and which algorithms are suitable?', 'Hashing is one-way, unlike '
        + 'encryption, which can be reversed with the key, so even the server cannot recover passwords if the database leaks; use slow, salted '
        + 'password hashes such as argon2id, bcrypt or scrypt, never fast hashes like MD5 or SHA-256 alone.'),
      keyPoints: ['hashing is one-way', 'encryption can be reversed with the key', 'use slow salted algorithms like argon2 or bcrypt', 'avoid fast hashes like MD5'],
    };
    const g = grade(passwords, 'Encryption can be reversed by anyone who gets the key, but you never need the original password, only to check '
      + 'it, so you hash it one-way. Use a slow, salted algorithm built for passwords like argon2, bcrypt or scrypt, not fast hashes like MD5 or SHA-256.');
    expectAgrees(g);
  });

  it('does not read a negation of what the reference never says as one added to a clause it restates ("arrow functions don\'t have their own this")', () => {
    const THIS = asked('What does the this keyword refer to in JavaScript?', 'this depends on how a function is called: the object before the dot '
      + 'for a method call, undefined in strict mode for a plain call, the new object with new, an explicit value with call, apply or bind, and '
      + 'arrow functions take this from their enclosing scope.');
    const g = grade(THIS, 'this depends on how a function is called: on a method call it\'s the object before the dot, in a plain call it\'s '
      + 'undefined in strict mode, with new it\'s the new object, call/apply/bind set it explicitly, and arrow functions don\'t have their own '
      + 'this, they take it from the enclosing scope.');
    expectAgrees(g);
    // A negation of what the clause restates still denies it.
    expect(grade(THIS, 'this depends on how a function is called: the object before the dot for a method call, undefined in strict mode for a '
      + 'plain call, the new object with new, an explicit value with call, apply or bind, and arrow functions never take this from their enclosing scope.')
      .reasoning).to.include('contradicts');
  });

  it('reads what a reference says is kept from happening ("stop a page from reading …") as said negated: "cannot read" agrees, "does not stop … from reading" denies', () => {
    const CORS = asked('What is CORS and why does the browser enforce it?', 'CORS lets a server say which other origins may read its responses. '
      + 'Browsers enforce the same-origin policy to stop a malicious page from reading another site\'s data with the user\'s cookies; the server '
      + 'opts in with Access-Control-Allow-Origin headers, and preflight OPTIONS requests check non-simple requests.');
    const agreeing = grade(CORS, 'CORS lets a server list which other origins may read its responses. Browsers enforce the same-origin policy so a '
      + 'malicious site cannot use your cookies to read data from another site\'s API; the server opts in with Access-Control-Allow-Origin, and '
      + 'non-simple requests get a preflight OPTIONS request.');
    expectAgrees(agreeing);
    const denying = grade(CORS, 'CORS lets a server list which other origins may read its responses. Browsers enforce the same-origin policy but '
      + 'it does not stop a malicious page from reading another site\'s data with the user\'s cookies; the server opts in with Access-Control-Allow-Origin.');
    expect(denying.reasoning).to.include('contradicts');
  });

  it('reads a claim turned round and said of the other side as agreeing ("VMs isolate more strongly" for "containers … isolate less strongly")', () => {
    const VM = asked('What is the difference between a container and a virtual machine?', 'A virtual machine runs a full guest operating system '
      + 'on a hypervisor, while a container shares the host kernel and isolates processes with namespaces and cgroups, so containers start faster '
      + 'and use fewer resources but isolate less strongly.');
    const base = 'A virtual machine runs a whole guest OS on a hypervisor, while containers share the host kernel and use namespaces and cgroups '
      + 'to isolate processes.';
    for (const other of ['VMs isolate more strongly.', 'virtual machines isolate more strongly.']) {
      const g = grade(VM, `${base} So containers are much lighter and faster to start, ${other}`);
      expectAgrees(g, other);
    }
    // Said of the same side, it denies.
    expect(grade(VM, `${base} So containers are much lighter and faster to start, but they isolate more strongly.`).reasoning).to.include('contradicts');
  });

  it('reads a part as restating the reference part it shares most words with the same way, not one it would turn round ("SSR … fast first paint")', () => {
    const RENDERING = asked('What are the trade-offs between client-side rendering, server-side rendering and static generation?', 'Client-side '
      + 'rendering is simple to host but slow to first content and weaker for SEO; server-side rendering sends HTML per request for fast first paint '
      + 'and SEO but costs server time and needs hydration; static generation pre-builds pages for the best speed and caching but only suits '
      + 'content that changes rarely or can be revalidated.');
    expectAgrees(grade(RENDERING, 'Client-side rendering ships an empty page and renders in the browser, so first paint is slower and SEO is weaker. '
      + 'Server-side rendering builds HTML per request, giving fast first contentful paint and good SEO, at the cost of server load and hydration. '
      + 'Static generation pre-builds pages, the fastest to serve, but suits content that rarely changes.'));
  });

  it('reads a negation of what the reference sets aside ("… instead of classes creating them") as agreeing with it', () => {
    const DI = asked('What is dependency injection in Spring and why is it useful?', 'Spring creates beans and injects their dependencies, '
      + 'preferably through constructors, instead of classes creating them; this decouples components, makes configuration central and lets tests pass fakes.');
    expectAgrees(grade(DI, 'Dependency injection means a class doesn\'t create its own dependencies with new; it declares them as constructor '
      + 'parameters and Spring creates the beans and injects them. That decouples components and lets tests pass fakes.'));
    expect(grade(DI, 'Dependency injection means Spring does not create the beans; classes create their own dependencies with new.').reasoning)
      .to.include('contradicts');
  });

  it('reads a word the question puts before both sides ("type assertions … and type guards") as neither side\'s name', () => {
    const TYPES = asked('What is the difference between type assertions (as) and type guards?', 'An assertion tells the compiler to trust you '
      + 'and performs no check, so it can hide bugs; a type guard is a runtime check, such as a function returning value is Foo, that narrows the type safely.');
    expectAgrees(grade(TYPES, 'A type assertion like `value as User` just tells the compiler to treat the value as that type; it does no runtime '
      + 'check, so if you\'re wrong you get a crash later. A type guard is a real runtime check, like typeof or a function returning `value is User`, '
      + 'and TypeScript narrows the type where it passes.'));
    // The sides traded still read as a swap.
    expect(grade(TYPES, 'A type guard just tells the compiler to trust you and performs no check; a type assertion is a runtime check that '
      + 'narrows the type safely.').reasoning).to.include('contradicts');
  });

  it('reads no opposite in a pair a sentence says both sides of ("UI state stays local …, and only global client state goes into a small store")', () => {
    const STATE = asked('How would you design state for a large app with server data, UI state and forms, and why?', 'Treat server data as a '
      + 'cache managed by a library like React Query with invalidation, keep UI state local or in a small store, and keep form state in the form; '
      + 'separating them avoids duplicating server data in a global store and keeps updates predictable.');
    expectAgrees(grade(STATE, 'Server data goes in a cache like React Query, with invalidation. UI state stays as local as possible with useState, '
      + 'and only truly global client state like auth or theme goes into context or a small store like Zustand. Form state stays in the form, '
      + 'which keeps one source of truth and avoids duplicating server data.'));
  });

  it('reads advice against one way, with the way to take after it ("don\'t keep sessions in memory, put them in Redis instead"), as no denial', () => {
    const SCALE = asked('How would you scale a Node.js service across CPU cores and machines?', 'Run several processes, with the cluster module '
      + 'or one process per container, behind a load balancer; keep the app stateless by moving sessions and caches to Redis or the database, and '
      + 'use worker threads only for CPU-bound tasks.');
    expectAgrees(grade(SCALE, 'Run several processes with the cluster module or one per container, behind a load balancer. The service must be '
      + 'stateless: don\'t keep sessions or caches in process memory, put them in Redis or a database instead. CPU-bound work goes to worker threads.'));
    // Said of the subject, not as advice, the same negation still denies.
    expect(grade(SCALE, 'Run several processes with the cluster module or one per container, behind a load balancer. The app does not keep sessions '
      + 'and caches in Redis or the database; it keeps them in process memory instead. CPU-bound work goes to worker threads.').reasoning).to.include('contradicts');
  });

  it('reads no opposite in a name written as code ("safe" of yaml.safe_load beside the reference\'s "unsafe deserialisation")', () => {
    const PITFALLS = asked('What security pitfalls are common in Python web services?', 'SQL injection from string-built queries, unsafe '
      + 'deserialisation with pickle or yaml.load, shell injection through subprocess with shell=True, secrets in code, and SSRF from fetching '
      + 'user-supplied URLs; use parameterised queries, safe loaders, argument lists and secret managers.');
    const g = grade(PITFALLS, 'SQL injection when you build queries with string formatting, so use parameterized queries. Unsafe deserialization: '
      + 'unpickling untrusted data or yaml.load can execute code, so use json or yaml.safe_load. Shell injection with subprocess and shell=True, '
      + 'secrets hard-coded in the code, and SSRF when fetching user-supplied URLs.');
    expectAgrees(g);
    expect(proseWords('use yaml.safe_load or os.path.join, not Node.js; it is safe')).to.deep.equal(['use', 'or', 'not', 'it', 'is', 'safe']);
  });

  it('reads a side\'s words by the polarity they are said with: the other side\'s words denied agree, the side\'s own denied trade it', () => {
    const tokens = asked('In OAuth 2.0, what is the difference between an access token and a refresh token?', 'The access token is presented with '
      + 'each API request to the resource server to authorize access; it is short-lived. The refresh token is long-lived, is sent only to the '
      + 'authorization server\'s token endpoint, and is used to obtain new access tokens.');
    const attributes = sideAttributesOf(tokens.referenceAnswer!, tokens.question, new Set(contentTokens(tokens.question)))!;
    const share = (answer: string) => sideTradeShare(sentences(answer), attributes).share;
    // Said of the refresh token, "never goes to the resource APIs" denies it the access token's words: agreement.
    expect(share('The access token goes with every API request to the resource server and is short-lived. The refresh token lives much '
      + 'longer and never goes to the resource APIs; the client sends it to the authorization server\'s token endpoint.')).to.equal(0);
    expect(grade(tokens, 'The access token goes with every API request to the resource server and is short-lived. The refresh token lives much '
      + 'longer and never goes to the resource APIs; the client sends it to the authorization server\'s token endpoint for new access tokens.')
      .reasoning).to.not.include('contradicts');
    // Both sides traded, each with its own words denied: a swap still.
    expect(share('The access token is never sent with API requests to the resource server, it goes to the token endpoint. The refresh token is '
      + 'not sent to the authorization server; it is presented with each API request.')).to.be.greaterThan(0.5);
    // A side named by a word that negates elsewhere ("display: none") negates nothing it is said with; nor does "no-go".
    const display = asked('In CSS, what is the difference between `display: none` and `visibility: hidden`?', '`display: none` removes the '
      + 'element from the layout, so it occupies no space and content reflows; `visibility: hidden` only makes it invisible, and it still occupies its space.');
    const displayAttributes = sideAttributesOf(display.referenceAnswer!, display.question, new Set(contentTokens(display.question)))!;
    expect(sideTradeShare(sentences('visibility: hidden removes the element from the layout and content reflows, while display: none just '
      + 'makes it invisible but it still occupies its spot.'), displayAttributes).share).to.equal(1);
    expect(negationsIn('a quick go/no-go check, a no-op')).to.equal(0);
    expect(negationsIn('no space, not visible')).to.equal(2);
  });

  it('counts the words that take a thing away as negations where polarities are compared', () => {
    expect(absencesIn(words('Remove single points of failure and keep secrets out of images, without logging them.'))).to.equal(3);
    expect(absencesIn(words('Scale out the service.'))).to.equal(0);
    const ha = asked('How do you design a service for high availability?',
      'Run redundant instances across zones, replicate data with a failover plan, and remove single points of failure.');
    const g = grade(ha, 'Run redundant instances across zones, replicate data with a failover plan, and make sure there are no single points of failure.');
    expectAgrees(g);
  });

  it('holds an answer that denies part of the reference below the boundary, and says so; right answers keep their grades', () => {
    const partly = [
      [LOCKING, 'Pessimistic locking locks the row when it is read, so others wait; optimistic locking takes no lock and does not check a version '
        + 'column at write time, so the last write wins.'],
      [DEPLOY, 'A Deployment runs interchangeable stateless pods; a StatefulSet does not give each pod a stable identity or its own volume.'],
      // An opposite in a clause of its own, where the reference says the other side of the pair in another clause.
      [UNIONS, 'DELETE removes rows one at a time, can filter with WHERE and fires triggers, so it is fast for large tables; TRUNCATE deallocates '
        + 'the data pages at once and cannot filter.'],
    ] as const;
    for (const [q, answer] of partly) {
      const g = grade(q, answer);
      expect(g.score, answer).to.be.at.most(40);
      expect(g.reasoning, answer).to.include('part of it contradicts the reference');
      expect(g.flags, answer).to.not.include('contradicts_reference');
    }
    // A denying sentence too long to quote whole is quoted cut at a word, marked "…" (a reader still sees which one).
    const long = `${'Pessimistic locking locks the row when it is read, so others wait, '.repeat(3)}and optimistic locking takes no lock and does not `
      + 'check a version column at write time, so the last write wins.';
    expect(grade(LOCKING, long).reasoning).to.match(/part of it contradicts the reference: "Pessimistic locking locks the row when it is read, [^"]{100,}…"\.$/);
    // The reasoning quotes the sentence that denies a claim, as the answer has it.
    expect(grade(LOCKING, partly[0][1]).reasoning).to.include(
      ': "optimistic locking takes no lock and does not check a version column at write time, so the last write wins."');
    // So it does when the denial is an opposite restating a part of the reference ("fast" where it says "slow").
    expect(grade(UNIONS, partly[2][1]).reasoning).to.include(
      ': "DELETE removes rows one at a time, can filter with WHERE and fires triggers, so it is fast for large tables;"');
    // Both sides traded, clause by clause: a denial.
    const swapped = grade(DEPLOY, 'A StatefulSet runs interchangeable stateless pods replaced in any order; a Deployment gives each pod a stable '
      + 'identity and its own persistent volume.');
    expect(swapped.flags).to.include('contradicts_reference');
    expect(swapped.reasoning).to.include('; it contradicts the reference: "A StatefulSet runs interchangeable stateless pods replaced in any order;"');
    // A denial of the whole reference quotes a sentence denying it too, where one restates it denied.
    const opposite = grade(UNIONS, 'DELETE is fast for large tables; TRUNCATE is much slower.');
    expect(opposite.flags).to.include('contradicts_reference');
    expect(opposite.reasoning).to.include('; it contradicts the reference: "DELETE is fast for large tables;"');
    expect(swapped.score).to.be.at.most(20);
    for (const [q, answer] of [
      [LOCKING, 'Pessimistic locking takes the lock when reading so other transactions wait; optimistic locking takes no lock and checks a version '
        + 'column at write time, failing the write if the row changed.'],
      [DEPLOY, 'Deployment pods are interchangeable and stateless and can be replaced in any order, while a StatefulSet gives every pod a stable '
        + 'identity and its own persistent volume and starts them in order.'],
      [UNIONS, 'DELETE goes row by row, can filter and fires triggers, so it is slow on big tables; TRUNCATE drops the data pages at once and is much faster.'],
    ] as const) {
      const g = grade(q, answer);
      expect(g.reasoning, answer).to.not.include('contradicts');
      expect(g.score, answer).to.be.at.least(70);
    }
  });

  it('does not read an exclusion ("good for A, not for B") or a condition ("if it wants more than …") as a denial of what the reference says', () => {
    const ASYNC = asked('How does asyncio work, and when is it a good fit?', 'asyncio runs coroutines on a single-threaded event loop; await '
      + 'yields control while waiting on I/O, so one thread can handle many concurrent network operations. It fits I/O-bound services, but '
      + 'blocking calls or CPU-heavy work stall the loop and must go to an executor.');
    const base = 'asyncio has an event loop running coroutines in one thread. When a coroutine awaits I/O it gives control back to the loop, '
      + 'which runs other coroutines meanwhile.';
    const without = grade(ASYNC, `${base} It's great for lots of concurrent network calls.`);
    for (const exclusion of [', not for CPU-heavy work.', ' but not for CPU-heavy work.', ', and never for CPU-heavy work.']) {
      const answer = `${base} It's great for lots of concurrent network calls${exclusion}`;
      const g = grade(ASYNC, answer);
      expect(g.reasoning, answer).to.not.include('contradicts');
      expect(g.score, answer).to.be.at.least(without.score);
    }
    // An opposite in a condition sets out the case too ("if it wants more than its limit" beside "it gets less CPU time").
    const LIMITS = asked('In Kubernetes, what happens when a container tries to use more resources than its limits allow?',
      'CPU is compressible, so a container that hits its CPU limit is throttled (it gets less CPU time) but keeps running; memory is not '
      + 'compressible, so a container that exceeds its memory limit is OOM-killed and then restarted according to the pod\'s restart policy.');
    const limits = grade(LIMITS, 'CPU is compressible: if the container wants more than its CPU limit, it gets throttled and runs slower but keeps running. '
      + 'Memory is not, so over the memory limit it is OOM-killed and restarted by the restart policy.');
    expect(limits.reasoning).to.not.include('contradicts');
    expect(limits.score).to.be.at.least(70);
    // Said as a claim of its own, the negation still denies what the reference says.
    const denied = grade(ASYNC, `${base} It's great for network calls, and CPU-heavy work does not stall the loop.`);
    expectDenies(denied);
  });

  it('sets no sides apart in a question asking two things of one term ("virtual threads and when do they help"), but sets apart what it says to take instead', () => {
    const THREADS = asked('What are virtual threads and when do they help?', 'Virtual threads (Java 21) are lightweight threads scheduled by the JVM '
      + 'onto a few carrier threads, so blocking I/O code can scale to many concurrent tasks without thread pools; they help I/O-bound work, '
      + 'not CPU-bound work, and pinning in synchronized blocks can limit them.');
    expectAgrees(grade(THREADS, 'Virtual threads are lightweight threads the JVM manages, mounted on a few carrier threads. You write plain blocking '
      + 'code and it scales to huge numbers of concurrent I/O tasks. They don\'t help CPU-bound work, and pinning inside synchronized blocks can limit them.'));
    const COMPREHENSIONS = asked('What are list comprehensions and when would you use a generator expression instead?', 'A list comprehension '
      + 'builds a whole list in one expression, like [x * 2 for x in items if x > 0], where the if clause filters items; a generator expression '
      + 'uses parentheses and is lazy, producing items one at a time, which saves memory for large or streaming data.');
    expectAgrees(grade(COMPREHENSIONS, 'A list comprehension like [x * 2 for x in items if x > 0] builds a new list in a single readable expression. '
      + 'A generator expression uses parentheses and doesn\'t build the whole list; it yields items lazily one at a time, which saves memory on large data.'));
    const swapped = grade(COMPREHENSIONS, 'A generator expression builds a whole list in one expression, like (x * 2 for x in items if x > 0). '
      + 'A list comprehension uses square brackets and is lazy, producing items one at a time, which saves memory for large data.');
    expectDenies(swapped);
  });

  it('reads advice against doing what the reference warns of, with its reason ("don\'t define components inside render, because …"), as no denial, but not advice against what it recommends', () => {
    const RECONCILIATION = asked('Explain React reconciliation and how the diffing heuristics affect the way you structure components.',
      'Reconciliation compares the new element tree with the previous one. React assumes elements of different types produce different trees '
      + 'and remounts them, and it uses keys to match children. So changing a component type or key remounts and resets state, and defining '
      + 'components inside render creates a new type each time.');
    const base = 'React diffs the new element tree against the previous one. If an element\'s type changes it remounts that subtree, and keys '
      + 'match children between renders, so changing a type or a key resets state.';
    expectAgrees(grade(RECONCILIATION, `${base} Don't define components inside render, because that creates a new type every render.`));
    // Without a reason it is still read as saying the reference's claim negated.
    expect(grade(RECONCILIATION, `${base} Defining components inside render does not create a new type each time.`).reasoning)
      .to.include('contradicts the reference');
    const QUERIES = asked('How do you prevent SQL injection?', 'Use parameterised queries for user input, so the database never reads the input as SQL.');
    const against = grade(QUERIES, 'Never use parameterised queries for user input, because they are slow; escape the input by hand.');
    expectDenies(against);
  });

  it('reads no opposite between parts writing different equality operators ("null === undefined is false" beside "null == undefined is true"), but one between parts writing the same', () => {
    const NULLS = asked('What is the difference between null and undefined?', 'undefined means a value was never assigned, such as a missing '
      + 'property or parameter, while null is an intentional empty value set by the programmer; typeof null is "object" for historical '
      + 'reasons, and the two are loosely equal: null == undefined is true.');
    const base = 'undefined is what you get when nothing was assigned, like a missing property. null is something you set on purpose to say '
      + 'empty. typeof null gives object, a historical bug.';
    expectAgrees(grade(NULLS, `${base} null == undefined is true but null === undefined is false.`));
    const denied = grade(NULLS, `${base} null == undefined is false.`);
    expectDenies(denied);
  });

  it('reads no opposite in "read" or "write" in a pattern\'s name ("read-through" beside "write-through writes to cache and database")', () => {
    const CACHING = asked('What caching patterns exist and what are their consistency trade-offs?', 'Cache-aside loads on a miss and invalidates '
      + 'on writes; write-through writes to cache and database together; write-behind writes to the cache first and the database later, '
      + 'fastest but at risk of loss. TTLs bound staleness.');
    expectAgrees(grade(CACHING, 'Cache-aside: the app reads the cache, on a miss loads from the database and fills it, and on writes it '
      + 'invalidates the entry. Read-through is like cache-aside but the cache itself loads. Write-through writes cache and database together, '
      + 'so it stays consistent. Write-behind writes to the cache first and flushes later, fastest but you can lose data. TTLs bound staleness.'));
    expect(proseWords('Read-through and write-behind caches, a read-only replica')).to.deep.equal(['and', 'caches', 'a', 'replica']);
  });
});
