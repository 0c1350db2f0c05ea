import { expect } from 'chai';
import { canonicalSkill } from '../../src/domain/skills/normalise.js';
import { Clock } from '../../src/ports/clock.js';
import {
  AS_OF, imageOnlyPdf, INJECTION_LINE, injectionPdf, renamedExe, resumeDocx, SINGLE_COLUMN_EXPECTED,
  singleColumnPdf, TWO_COLUMN_EXPECTED, twoColumnPdf,
} from '../support/fixtures/resumes.js';
import { registerCandidate, startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

/** Real time, shifted so "now" is the fixtures' as-of date: years of experience come out exact. */
class ShiftedClock implements Clock {
  private readonly offset = AS_OF.getTime() - Date.now();
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
}

const MB = 1024 * 1024;

describe('e2e: profile and resumes over HTTP', function () {
  this.timeout(60_000);
  let t: TestApp;
  before(async () => {
    t = await startTestApp({}, { overrides: [[Clock, new ShiftedClock()]] });
  });
  after(async () => t.close());

  async function upload(token: string, bytes: Uint8Array, fileName: string, declaredType = 'application/pdf'): Promise<TestResponse> {
    const form = new FormData();
    form.append('note', 'ignored field');
    form.append('file', new Blob([bytes], { type: declaredType }), fileName);
    const res = await fetch(`${t.baseUrl}/api/v1/resumes/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
  }
  const get = (path: string, token?: string) => t.request('GET', path, { token });
  const put = (path: string, token: string, body: unknown) => t.request('PUT', path, { token, body });
  const drain = () => t.app.worker.drain();

  describe('profile', () => {
    it('starts with the account fields and scores completeness with the reference weights', async () => {
      const { token, id, email } = await registerCandidate(t);
      const res = await get('/api/v1/profile/', token); // trailing slash tolerated
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.include({
        id, email, full_name: 'Test Candidate', phone: null, skills: [], experience_years: null, preferred_job_types: [],
        preferred_locations: [], preferred_work_setup: 'any', salary_expectation_min: null, salary_expectation_max: null,
        salary_currency: 'USD', salary_period: 'annually', profile_completeness_score: 20, resume_id: null,
      });
      expect((await get('/api/v1/profile')).status).to.equal(401);
    });

    it('normalises skills (aliases, case, duplicates, order) and scores 10 for 1–3 skills, 20 for 4+', async () => {
      const { token } = await registerCandidate(t);
      const few = await put('/api/v1/profile/skills', token, { skills: ['  React ', 'react', 'JS'] });
      expect(few.status).to.equal(200);
      expect(few.body.skills).to.deep.equal(['javascript', 'react']);
      expect(few.body.profile_completeness_score).to.equal(30);
      const many = await put('/api/v1/profile/skills', token, { skills: ['k8s', 'Postgres', 'TypeScript', 'node.js', 'k8s', ''] });
      expect(many.body.skills).to.deep.equal(['kubernetes', 'node', 'postgresql', 'typescript']);
      expect(many.body.profile_completeness_score).to.equal(40);
      const tooMany = await put('/api/v1/profile/skills', token, { skills: Array.from({ length: 51 }, (_, i) => `skill${i}`) });
      expect(tooMany.status).to.equal(422);
      expect((await get('/api/v1/profile', token)).body.skills).to.deep.equal(['kubernetes', 'node', 'postgresql', 'typescript']);
    });

    it('updates basic info and experience, refusing out-of-range values with 422', async () => {
      const { token } = await registerCandidate(t);
      const info = await put('/api/v1/profile/basic-info', token, { full_name: '  Ada Lovelace ', phone: '+44 20 7946 0000' });
      expect(info.status).to.equal(200);
      expect(info.body).to.include({ full_name: 'Ada Lovelace', phone: '+44 20 7946 0000', profile_completeness_score: 30 });
      const exp = await put('/api/v1/profile/experience', token, { experience_years: 7 });
      expect(exp.body).to.include({ experience_years: 7, profile_completeness_score: 45 });
      expect((await put('/api/v1/profile/experience', token, { experience_years: 51 })).status).to.equal(422);
      expect((await put('/api/v1/profile/experience', token, { experience_years: -1 })).status).to.equal(422);
      expect((await put('/api/v1/profile/basic-info', token, { full_name: '' })).status).to.equal(422);
      // Characters that only change how a name displays are dropped; a name of nothing else is refused.
      const blank = await put('/api/v1/profile/basic-info', token, { full_name: '\u202E\u200B' });
      expect(blank.status).to.equal(422);
      expect(blank.body.code).to.equal('accounts.blank_name');
      expect((await put('/api/v1/profile/basic-info', token, { full_name: '\u202EAda Lovelace\u200B' })).body.full_name).to.equal('Ada Lovelace');
      const keep = await put('/api/v1/profile/basic-info', token, { experience_years: 3 });
      expect(keep.body).to.include({ full_name: 'Ada Lovelace', phone: '+44 20 7946 0000', experience_years: 3 });
      expect((await get('/api/v1/auth/me', token)).body.full_name).to.equal('Ada Lovelace');
    });

    it('stores preferences in the flattened contract and refuses max < min', async () => {
      const { token } = await registerCandidate(t);
      const bad = await put('/api/v1/profile/preferences', token, { salary_expectation_min: 100, salary_expectation_max: 50 });
      expect(bad.status).to.equal(422);
      expect(JSON.stringify(bad.body.detail)).to.contain('salary_expectation_max');
      const res = await put('/api/v1/profile/preferences', token, {
        preferred_job_types: ['full-time', ' Full-time ', 'contract'], preferred_locations: ['Sydney'], preferred_work_setup: 'hybrid',
        salary_expectation_min: 90000, salary_expectation_max: 120000, salary_currency: 'aud',
      });
      expect(res.status).to.equal(200);
      expect(res.body).to.include({
        preferred_work_setup: 'hybrid', salary_expectation_min: 90000, salary_expectation_max: 120000, salary_currency: 'AUD',
        salary_period: 'annually', profile_completeness_score: 40,
      });
      expect(res.body.preferred_job_types).to.deep.equal(['full-time', 'contract']);
      expect(res.body.preferred_locations).to.deep.equal(['Sydney']);
      expect((await put('/api/v1/profile/preferences', token, { preferred_work_setup: 'mars' })).status).to.equal(422);
      // No body, or JSON null, is refused rather than read as {} (which would reset them to the defaults).
      for (const options of [{ token }, { token, raw: 'null', headers: { 'content-type': 'application/json' } }]) {
        const bodiless = await t.request('PUT', '/api/v1/profile/preferences', options);
        expect(bodiless.status).to.equal(422);
        expect(bodiless.body.detail).to.deep.equal([{ loc: ['body'], msg: 'A JSON object body is required', type: 'missing' }]);
      }
      expect((await get('/api/v1/profile', token)).body).to.include({ preferred_work_setup: 'hybrid', salary_expectation_max: 120000 });
    });
  });

  describe('resumes', () => {
    it('takes a two-column PDF to completed with the right contact, skills and years; reviews it; fills the profile', async () => {
      const { token } = await registerCandidate(t);
      const bytes = await twoColumnPdf();
      const up = await upload(token, bytes, 'maria-garcia.pdf', 'application/octet-stream');
      expect(up.status, up.text).to.equal(201);
      expect(up.body).to.include({ file_name: 'maria-garcia.pdf', file_size: bytes.length, is_active: true, parsing_status: 'pending', content_type: 'application/pdf' });
      expect(up.body.file_url).to.equal(`/api/v1/resumes/${up.body.id}/download`);
      expect(up.body.storage_url).to.equal(up.body.file_url);
      const id = up.body.id as string;

      const pending = await get(`/api/v1/resumes/${id}/analysis`, token);
      expect(pending.status).to.equal(404);
      expect(pending.body.code).to.equal('resumes.analysis_not_ready');
      const uploadedProfile = (await get('/api/v1/profile', token)).body;
      expect(uploadedProfile).to.include({ resume_id: id, profile_completeness_score: 35 }); // 20 + resume 15

      expect(await drain()).to.be.greaterThan(0);
      const status = await get(`/api/v1/resumes/${id}/parsing-status`, token);
      expect(status.status).to.equal(200);
      expect(status.body).to.include({ resume_id: id, status: 'completed', error_message: null });
      const data = status.body.parsed_data;
      expect(data.contact).to.deep.include({ name: TWO_COLUMN_EXPECTED.name, email: TWO_COLUMN_EXPECTED.email, phone: TWO_COLUMN_EXPECTED.phone });
      expect(data.skills).to.include.members(TWO_COLUMN_EXPECTED.skills);
      expect(data.total_years).to.equal(TWO_COLUMN_EXPECTED.totalYears);
      expect(data.experience_years).to.equal(9);
      expect(data.current_role).to.equal(TWO_COLUMN_EXPECTED.currentRole);
      expect(data.work_history.map((w: { company: string }) => w.company)).to.have.members(TWO_COLUMN_EXPECTED.companies);
      expect(data.warnings).to.deep.equal([]);

      const analysis = await get(`/api/v1/resumes/${id}/analysis`, token);
      expect(analysis.status).to.equal(200);
      expect(analysis.body.resume_id).to.equal(id);
      expect(analysis.body.overall_score).to.be.within(0, 100);
      for (const list of ['strengths', 'weaknesses', 'suggestions']) expect(analysis.body[list]).to.have.length.within(3, 5);
      expect(analysis.body.analysis_model).to.match(/^offline\//);

      const profile = (await get('/api/v1/profile', token)).body;
      expect(profile.skills).to.include.members(TWO_COLUMN_EXPECTED.skills);
      expect(profile.experience_years).to.equal(9);
      expect(profile.profile_completeness_score).to.equal(20 + 20 + 15 + 15);
    });

    it('merges parsed skills into existing ones and keeps experience the candidate set', async () => {
      const { token } = await registerCandidate(t);
      expect((await put('/api/v1/profile/skills', token, { skills: ['rust'] })).body.skills).to.deep.equal(['rust']);
      await put('/api/v1/profile/experience', token, { experience_years: 2 });
      const up = await upload(token, await resumeDocx(), 'ahmed.docx');
      await drain();
      const parsed = (await get(`/api/v1/resumes/${up.body.id}/parsing-status`, token)).body.parsed_data;
      expect(parsed.skills).to.include.members(['playwright', 'cypress', 'typescript', 'docker']);
      expect(parsed.skills).not.to.include('rust');
      const profile = (await get('/api/v1/profile', token)).body;
      expect(profile.skills).to.have.members(['rust', ...parsed.skills]);
      expect(profile.skills).to.deep.equal([...profile.skills].sort());
      expect(profile.experience_years).to.equal(2);
    });

    it('refuses a renamed .exe with 400 whatever its name and declared type, storing nothing', async () => {
      const { token } = await registerCandidate(t);
      const res = await upload(token, renamedExe(), 'resume.pdf', 'application/pdf');
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('resumes.unsupported_type');
      expect(res.body.detail).to.match(/Only PDF and DOCX/);
      expect((await get('/api/v1/resumes', token)).body).to.deep.equal([]);
    });

    it('refuses a file over 5 MB with 413 while streaming, storing nothing and keeping the active resume', async () => {
      const { token } = await registerCandidate(t);
      const first = await upload(token, await singleColumnPdf(), 'jane.pdf');
      const big = new Uint8Array(5 * MB + 1);
      big.set(new TextEncoder().encode('%PDF-1.7\n'));
      const res = await upload(token, big, 'huge.pdf');
      expect(res.status).to.equal(413);
      expect(res.body.detail).to.match(/5 MB/);
      const list = (await get('/api/v1/resumes', token)).body;
      expect(list.map((r: { id: string; is_active: boolean }) => [r.id, r.is_active])).to.deep.equal([[first.body.id, true]]);
    });

    it('accepts a file of exactly 5 MB', async () => {
      const { token } = await registerCandidate(t);
      const pdf = await singleColumnPdf();
      const padded = new Uint8Array(5 * MB);
      padded.set(pdf);
      const res = await upload(token, padded, 'exact.pdf');
      expect(res.status, res.text).to.equal(201);
      expect(res.body.file_size).to.equal(5 * MB);
    });

    it('documents every resume and profile route in OpenAPI, the upload as multipart/form-data', async () => {
      const doc = (await get('/openapi.json')).body;
      const upload = doc.paths['/api/v1/resumes/upload'].post;
      expect(upload.requestBody.content['multipart/form-data'].schema.properties.file).to.include({ type: 'string', format: 'binary' });
      expect(Object.keys(upload.responses)).to.include.members(['201', '400', '413', '415', '422']);
      for (const path of ['/api/v1/profile', '/api/v1/profile/skills', '/api/v1/profile/basic-info', '/api/v1/profile/experience',
        '/api/v1/profile/preferences', '/api/v1/resumes', '/api/v1/resumes/{id}', '/api/v1/resumes/{id}/parsing-status',
        '/api/v1/resumes/{id}/analysis', '/api/v1/resumes/{id}/activate', '/api/v1/resumes/{id}/download', '/api/v1/files/{token}']) {
        expect(doc.paths, path).to.have.property(path);
      }
    });

    it('answers 415 to a non-multipart body and 422 when the file field is missing', async () => {
      const { token } = await registerCandidate(t);
      const json = await t.request('POST', '/api/v1/resumes/upload', { token, body: { file: 'x' } });
      expect(json.status).to.equal(415);
      const form = new FormData();
      form.append('document', new Blob([await singleColumnPdf()]), 'cv.pdf');
      const res = await fetch(`${t.baseUrl}/api/v1/resumes/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      expect(res.status).to.equal(422);
      expect(JSON.stringify(await res.json())).to.contain('file');
      const empty = await upload(token, new Uint8Array(0), 'empty.pdf');
      expect(empty.status).to.equal(400);
      expect(empty.body.code).to.equal('resumes.empty_upload');
      expect((await upload('not-a-token', await singleColumnPdf(), 'cv.pdf')).status).to.equal(401);
    });

    it('answers 400 to a form that ends inside its file, and goes on serving (the file stream\'s error is handled)', async () => {
      const { token } = await registerCandidate(t);
      const pdf = Buffer.from(await singleColumnPdf());
      const head = Buffer.from('--B1\r\nContent-Disposition: form-data; name="file"; filename="cv.pdf"\r\nContent-Type: application/pdf\r\n\r\n');
      const cut = await t.request('POST', '/api/v1/resumes/upload', {
        token, raw: Buffer.concat([head, pdf.subarray(0, 100)]), headers: { 'content-type': 'multipart/form-data; boundary=B1' },
      });
      expect(cut.status).to.equal(400);
      expect(cut.body.detail).to.equal('Malformed multipart request: Unexpected end of form');
      expect((await get('/api/v1/resumes', token)).body).to.deep.equal([]);
      expect((await upload(token, pdf, 'cv.pdf')).status).to.equal(201);
    });

    it('ends a scanned PDF as failed with a reason, and says there will be no analysis', async () => {
      const { token } = await registerCandidate(t);
      const up = await upload(token, await imageOnlyPdf(), 'scan.pdf');
      expect(up.status).to.equal(201);
      await drain();
      const status = (await get(`/api/v1/resumes/${up.body.id}/parsing-status`, token)).body;
      expect(status).to.include({ status: 'failed', parsed_data: null });
      expect(status.error_message).to.match(/no text layer/i);
      const analysis = await get(`/api/v1/resumes/${up.body.id}/analysis`, token);
      expect(analysis.status).to.equal(422);
      expect(analysis.body.detail).to.match(/no text layer/i);
      expect((await get('/api/v1/profile', token)).body.skills).to.deep.equal([]);
    });

    it('reports injected instructions as a warning without letting them change anything', async () => {
      const { token } = await registerCandidate(t);
      const clean = await upload(token, await singleColumnPdf(), 'clean.pdf');
      const injected = await upload(token, await injectionPdf(), 'injected.pdf');
      await drain();
      const a = (await get(`/api/v1/resumes/${clean.body.id}/parsing-status`, token)).body.parsed_data;
      const b = (await get(`/api/v1/resumes/${injected.body.id}/parsing-status`, token)).body.parsed_data;
      expect(b.warnings.map((w: { type: string }) => w.type)).to.include('prompt_injection');
      expect(b.skills).to.deep.equal(a.skills);
      expect(b.contact.email).to.equal(SINGLE_COLUMN_EXPECTED.email);
      const scoreA = (await get(`/api/v1/resumes/${clean.body.id}/analysis`, token)).body.overall_score;
      const scoreB = (await get(`/api/v1/resumes/${injected.body.id}/analysis`, token)).body.overall_score;
      expect(scoreB).to.be.at.most(scoreA);
      expect(INJECTION_LINE).to.match(/Ignore previous instructions/);
    });

    it('activates atomically, lists newest first and gets one resume', async () => {
      const { token } = await registerCandidate(t);
      const a = (await upload(token, await singleColumnPdf(), 'a.pdf')).body;
      const b = (await upload(token, await resumeDocx(), 'b.docx')).body;
      let list = (await get('/api/v1/resumes', token)).body;
      expect(list.map((r: { id: string; is_active: boolean }) => [r.id, r.is_active])).to.deep.equal([[b.id, true], [a.id, false]]);
      expect(list[0]).to.include({ content_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', parsing_status: 'pending' });
      const act = await t.request('POST', `/api/v1/resumes/${a.id}/activate`, { token });
      expect(act.status).to.equal(200);
      expect(act.body).to.include({ id: a.id, is_active: true });
      list = (await get('/api/v1/resumes', token)).body;
      expect(list.map((r: { is_active: boolean }) => r.is_active)).to.deep.equal([false, true]);
      expect((await get('/api/v1/profile', token)).body.resume_id).to.equal(a.id);
      const one = await get(`/api/v1/resumes/${b.id}`, token);
      expect(one.body).to.include({ id: b.id, file_name: 'b.docx', is_active: false });
    });

    it('serves the file through a signed link that needs no token, and refuses a tampered one', async () => {
      const { token } = await registerCandidate(t);
      const bytes = await singleColumnPdf();
      const { body } = await upload(token, bytes, 'Jané CV.pdf');
      const link = await get(`/api/v1/resumes/${body.id}/download`, token);
      expect(link.status).to.equal(200);
      expect(link.body.expires_in).to.equal(3600);
      expect(link.body.signed_url).to.match(new RegExp(`^${t.baseUrl}/api/v1/files/`));
      const file = await fetch(link.body.signed_url);
      expect(file.status).to.equal(200);
      expect(file.headers.get('content-type')).to.equal('application/pdf');
      expect(file.headers.get('content-disposition')).to.contain("filename*=UTF-8''Jan%C3%A9%20CV.pdf");
      expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(bytes))).to.equal(true);
      const tampered = link.body.signed_url.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'));
      const refused = await fetch(tampered);
      expect(refused.status).to.equal(404);
    });

    it('keeps resumes private: another candidate gets 404 on every route', async () => {
      const owner = await registerCandidate(t);
      const other = await registerCandidate(t);
      const { body } = await upload(owner.token, await singleColumnPdf(), 'mine.pdf');
      await drain();
      for (const [method, path] of [
        ['GET', `/api/v1/resumes/${body.id}`],
        ['GET', `/api/v1/resumes/${body.id}/parsing-status`],
        ['GET', `/api/v1/resumes/${body.id}/analysis`],
        ['GET', `/api/v1/resumes/${body.id}/download`],
        ['POST', `/api/v1/resumes/${body.id}/activate`],
        ['DELETE', `/api/v1/resumes/${body.id}`],
      ] as const) {
        const res = await t.request(method, path, { token: other.token });
        expect(res.status, `${method} ${path}`).to.equal(404);
        expect(res.body.detail).to.be.a('string');
      }
      expect((await get('/api/v1/resumes', other.token)).body).to.deep.equal([]);
      expect((await get(`/api/v1/resumes/${body.id}`, owner.token)).status).to.equal(200);
      expect((await get('/api/v1/resumes/not-a-uuid', owner.token)).status).to.equal(422);
      const start = await t.request('POST', '/api/v1/interviews/start', { token: other.token, body: { role_type: 'react', resume_id: body.id } });
      expect(start.status).to.equal(404);
    });

    it('deletes the resume, its file and its analysis; the newest remaining one becomes active; completeness follows', async () => {
      const { token } = await registerCandidate(t);
      const a = (await upload(token, await singleColumnPdf(), 'a.pdf')).body;
      const b = (await upload(token, await singleColumnPdf(), 'b.pdf')).body;
      await drain();
      const link = (await get(`/api/v1/resumes/${b.id}/download`, token)).body.signed_url as string;
      const del = await t.request('DELETE', `/api/v1/resumes/${b.id}`, { token });
      expect(del.status).to.equal(204);
      expect((await get(`/api/v1/resumes/${b.id}`, token)).status).to.equal(404);
      expect((await fetch(link)).status).to.equal(404);
      const list = (await get('/api/v1/resumes', token)).body;
      expect(list.map((r: { id: string; is_active: boolean }) => [r.id, r.is_active])).to.deep.equal([[a.id, true]]);
      const withOne = (await get('/api/v1/profile', token)).body;
      expect(withOne.resume_id).to.equal(a.id);
      expect((await t.request('DELETE', `/api/v1/resumes/${a.id}`, { token })).status).to.equal(204);
      const none = (await get('/api/v1/profile', token)).body;
      expect(none.resume_id).to.equal(null);
      expect(none.profile_completeness_score).to.equal(withOne.profile_completeness_score - 15);
    });

    it('personalises an interview: the first question probes a skill my resume claims', async () => {
      const { token } = await registerCandidate(t);
      const { body } = await upload(token, await twoColumnPdf(), 'cv.pdf');
      await drain();
      const start = await t.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'data_engineering', resume_id: body.id } });
      expect(start.status).to.equal(201);
      expect(start.body.resume_id).to.equal(body.id);
      // The first question probes a skill the resume claims, and says so.
      const parsedSkills = (await get(`/api/v1/resumes/${body.id}/parsing-status`, token)).body.parsed_data.skills as string[];
      const first = (await get(`/api/v1/interviews/${start.body.id}/messages`, token)).body.messages[0].content_text as string;
      // Named as written ("Airflow", "Next.js"): the taxonomy's name for it is one of the parsed skills.
      const claimed = /^Your background mentions (.+?)\. (?=\S)/.exec(first)?.[1];
      expect(claimed, first).to.be.a('string');
      expect(parsedSkills, first).to.include(canonicalSkill(claimed!));
      const active = await t.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'python' } });
      expect(active.body.resume_id).to.equal(body.id);
    });

    it('goes on with an interview whose resume is deleted mid-way, and says the resume is gone', async () => {
      const { token } = await registerCandidate(t);
      const { body } = await upload(token, await twoColumnPdf(), 'cv.pdf');
      await drain();
      const start = await t.request('POST', '/api/v1/interviews/start', { token, body: { role_type: 'python', resume_id: body.id } });
      expect(start.status).to.equal(201);
      const answer = { message_text: 'A list is mutable and a tuple is immutable, so a tuple can be a dict key.' };
      expect((await t.request('POST', `/api/v1/interviews/${start.body.id}/messages`, { token, body: answer })).status).to.equal(200);
      expect((await t.request('DELETE', `/api/v1/resumes/${body.id}`, { token })).status).to.equal(204);
      const next = await t.request('POST', `/api/v1/interviews/${start.body.id}/messages`, { token, body: answer });
      expect(next.status, JSON.stringify(next.body)).to.equal(200);
      expect(next.body.question_number).to.equal(3);
      const listed = (await get('/api/v1/interviews', token)).body.interviews;
      expect(listed.find((i: { id: string }) => i.id === start.body.id)).to.include({ resume_id: null, status: 'in_progress' });
    });
  });
});
