import { expect } from 'chai';
import { databaseLegs } from '../support/databases.js';
import { singleColumnPdf } from '../support/fixtures/resumes.js';
import { registerCandidate, startTestApp, type TestApp } from '../support/test-app.js';

for (const leg of databaseLegs()) {
  describe(`e2e (${leg.label}): concurrent uploads and profile edits`, function () {
    this.timeout(60_000);
    let t: TestApp;
    before(async () => {
      t = await startTestApp({}, { database: await leg.open() });
    });
    after(async () => t.close());

    it('accepts every request, keeps one active resume and a completeness that matches the end state', async () => {
      const { token } = await registerCandidate(t);
      const pdf = await singleColumnPdf();
      const upload = async () => {
        const form = new FormData();
        form.append('file', new Blob([pdf]), 'cv.pdf');
        const res = await fetch(`${t.baseUrl}/api/v1/resumes/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
        return res.status;
      };
      const skills = (n: number) => t.request('PUT', '/api/v1/profile/skills', { token, body: { skills: ['go', 'sql', 'aws', `skill${n}`] } }).then((r) => r.status);
      const statuses = await Promise.all([upload(), skills(1), upload(), skills(2), upload(), skills(3), t.app.worker.drain().then(() => 200)]);
      expect(statuses).to.deep.equal([201, 200, 201, 200, 201, 200, 200]);
      await t.app.worker.drain();
      const list = (await t.request('GET', '/api/v1/resumes', { token })).body as Array<{ is_active: boolean }>;
      expect(list).to.have.length(3);
      expect(list.filter((r) => r.is_active)).to.have.length(1);
      const profile = (await t.request('GET', '/api/v1/profile', { token })).body;
      // email 10 + name 10 + ≥4 skills 20 + experience from the resume 15 + a resume 15
      expect(profile.profile_completeness_score).to.equal(70);
      expect(profile.resume_id).to.equal((list.find((r) => r.is_active) as unknown as { id: string }).id);
    });
  });
}
