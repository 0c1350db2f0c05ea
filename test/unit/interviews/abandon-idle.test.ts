import { expect } from 'chai';
import { MemoryUnitOfWork } from '../../../src/adapters/memory/unit-of-work.memory.js';
import { FixedClock } from '../../../src/adapters/system/clock.system.js';
import { AbandonIdleInterviews, InterviewNotActive } from '../../../src/domain/interviews/index.js';
import type { UnitOfWork } from '../../../src/ports/unit-of-work.js';
import { interviewUseCases } from '../../support/interview-use-cases.js';

const MINUTE = 60_000;

async function setup() {
  const { uow, clock, candidate, start, submit, complete } = await interviewUseCases();
  const begin = async () => (await start.execute({ candidateId: candidate.id, roleType: 'react' })).interview;
  const answer = (interviewId: string) => submit.execute({ interviewId, candidateId: candidate.id, answer: 'JSX is a syntax extension compiled to function calls.' });
  const abandon = new AbandonIdleInterviews({ uow, clock, idleMinutes: 30 });
  return { uow, clock, candidate, begin, answer, abandon, complete };
}

describe('AbandonIdleInterviews use case', () => {
  it('marks interviews unanswered for the idle time abandoned, keeps their transcript, and takes no answer after', async () => {
    const { uow, clock, begin, answer, abandon } = await setup();
    const idle = await begin();
    await answer(idle.id);
    clock.advance(20 * MINUTE);
    const active = await begin();
    clock.advance(10 * MINUTE);
    await answer(active.id);
    clock.advance(10 * MINUTE + 1);

    expect(await abandon.execute()).to.deep.equal({ abandoned: [idle.id] });
    const stored = (await uow.repositories.interviews.findById(idle.id))!;
    expect(stored.status).to.equal('abandoned');
    expect(stored.completedAt).to.equal(null);
    expect((await uow.repositories.interviews.allMessages(idle.id)).map((m) => m.sequence)).to.deep.equal([1, 2, 3]);
    expect((await uow.repositories.interviews.findById(active.id))!.status).to.equal('in_progress');
    let refused: unknown;
    try {
      await answer(idle.id);
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(InterviewNotActive);
    // A second run finds nothing more to do.
    expect(await abandon.execute()).to.deep.equal({ abandoned: [] });
  });

  it('leaves completed interviews alone, and one answered after it was listed', async () => {
    const { uow, clock, candidate, begin, answer, complete } = await setup();
    const done = await begin();
    await complete.execute({ interviewId: done.id, candidateId: candidate.id });
    const raced = await begin();
    clock.advance(31 * MINUTE);
    // The interview is answered between the listing and the write: the turn that commits in between stays open.
    const real = uow.repositories.interviews;
    const interviews: typeof real = Object.assign(Object.create(real), {
      async listIdle(before: Date, limit: number) {
        const listed = await real.listIdle(before, limit);
        await answer(raced.id);
        return listed;
      },
    });
    const racing: UnitOfWork = { repositories: { ...uow.repositories, interviews }, transaction: (work) => uow.transaction(work) };
    const answeredMeanwhile = new AbandonIdleInterviews({ uow: racing, clock, idleMinutes: 30 });
    expect(await answeredMeanwhile.execute()).to.deep.equal({ abandoned: [] });
    expect((await uow.repositories.interviews.findById(raced.id))!.status).to.equal('in_progress');
    expect((await uow.repositories.interviews.findById(done.id))!.status).to.equal('completed');
  });

  it('needs a positive idle time', () => {
    expect(() => new AbandonIdleInterviews({ uow: new MemoryUnitOfWork(), clock: new FixedClock(), idleMinutes: 0 })).to.throw(/positive/);
  });
});
