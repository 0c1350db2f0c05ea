import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
const variant = process.argv[2] ?? 'full';
const db = new PGlite();
const schema = readFileSync('/tmp/prof/schema.sql', 'utf8').split('\n').filter((l) => !/^(SET|SELECT pg_catalog|\\)/.test(l)).join('\n');
await db.exec(schema);
if (process.env.SYNC_OFF) await db.exec('set synchronous_commit = off');
if (process.env.FILL) await db.exec(`alter table interviews set (fillfactor = ${process.env.FILL})`);
const acc = randomUUID();
await db.query(`insert into accounts (id, email, password_hash, full_name, role, created_at, updated_at) values ($1, 'a@b.c', 'x', 'n', 'candidate', now(), now())`, [acc]);
const ids: string[] = [];
const context = JSON.stringify({ resumeSkills: ['react', 'node.js', 'postgresql', 'docker'], job: null });
for (let i = 0; i < 200; i++) { const id = randomUUID(); ids.push(id); await db.query(`insert into interviews (id, candidate_id, role_type, status, context, pending, last_sequence, last_activity_at, created_at, version, total_tokens_used, cost_usd, video_recording_consent, started_at) values ($1,$2,'react','in_progress',$3::json,'{}'::json,0,now(),'2026-01-01T00:00:00Z',0,0,0,false,now())`, [id, acc, context]); }
const lit = (v: unknown) => v === null ? 'null' : typeof v === 'number' ? String(v) : typeof v === 'boolean' ? String(v) : `'${String(v instanceof Date ? v.toISOString() : v).replace(/'/g, "''")}'`;
const FULL_SET = `candidate_id = $1, role_type = $2, status = $3, resume_id = $4, job_posting_id = $5, started_at = $6,
      completed_at = $7, duration_seconds = $8, ai_model_used = $9, total_tokens_used = $10, cost_usd = $11,
      video_recording_consent = $12, video_recording_status = $13, context = $14::json, progression = null, asked = null,
      pending = $15::json, last_sequence = $16, last_activity_at = $17, created_at = $18, version = $19`;
const SLIM_SET = `status = $3, completed_at = $7, duration_seconds = $8, ai_model_used = $9, total_tokens_used = $10, cost_usd = $11,
      progression = null, asked = null, pending = $15::json, last_sequence = $16, last_activity_at = $17, version = $19`;
const TYPES = 'uuid, text, text, uuid, uuid, timestamptz, timestamptz, int, text, int, numeric, boolean, text, text, text, int, timestamptz, timestamptz, int, uuid, int, text, timestamptz, text';
const usageCte = `, logged as (insert into ai_usage (interview_id, port, provider, model, outcome, input_tokens, output_tokens, estimated, cost_usd, latency_ms, error, created_at)
  select updated.id, r.port, r.provider, r.model, r.outcome, r.input_tokens, r.output_tokens, r.estimated, r.cost_usd, r.latency_ms, r.error, $23::timestamptz from updated, json_to_recordset($24::json) as r(port text, provider text, model text, outcome text, input_tokens int, output_tokens int, estimated boolean, cost_usd numeric, latency_ms int, error text) returning 1)`;
const sql = (set: string, usage: boolean, msgs = true) => `with updated as (update interviews set ${set} where id = $20 and version = $21 returning id)
${msgs ? `, appended as (insert into interview_messages (id, interview_id, sequence_number, message_type, content_text, metadata, created_at)
  select m.id, updated.id, m.sequence_number, m.message_type, m.content_text, m.metadata, m.created_at from updated, json_to_recordset($22::json) as m(id uuid, sequence_number int, message_type text, content_text text, metadata json, created_at timestamptz) returning 1)` : ''}
${usage ? usageCte : ''}
select (select count(*) from updated) as updated`;
const SQL = variant === 'full' ? sql(FULL_SET, true) : variant === 'slim' ? sql(SLIM_SET, true) : variant === 'nousage' ? sql(FULL_SET, false) : variant === 'updateonly' ? sql(FULL_SET, false, false) : sql(FULL_SET, true);
await db.exec(`prepare turn(${TYPES}) as ${SQL.replace(/\$(\d+)(::\w+)?/g, (m) => m)}`);
await db.exec(`prepare one as select 1`);
await db.exec(`prepare simple(uuid) as update interviews set version = version + 1 where id = $1`);
await db.exec(`prepare simplejson(uuid, text) as update interviews set version = version + 1, pending = $2::json where id = $1`);
const grade = { score: 70, accuracy: 0.7, depth: 0.5, clarity: 0.8, confidence: 0.9, level: 'proficient', skillArea: 'react_hooks', evidence: ['useEffect runs side effects after render, like fetching data.', 'its dependency array controls when it re-runs'], missingPoints: ['an empty array runs once after mount'], hesitations: [], flags: [], reasoning: 'Covers 60% of the reference (3 of 4 key points); similarity 0.41.', servedBy: { provider: 'offline', model: 'rubric-grader-v1' } };
const meta = { assessment: { questionNumber: 3, question: 'What is useEffect used for, and how does its dependency array work?', questionId: 'react.warmup.03', skillArea: 'react_hooks', difficulty: 'warmup', isFollowUp: false, interviewer: { provider: 'offline', model: 'question-bank-v1' }, grade } };
const pending = { text: 'How would you fetch data in a component and handle loading, errors and race conditions?', skillArea: 'react_data', difficulty: 'standard', isFollowUp: false, referenceAnswer: 'Fetch in useEffect or with a data library such as React Query, keep loading and error state, and in the cleanup abort the request or ignore a stale response so an older response cannot overwrite newer data.', keyPoints: ['fetch in useEffect or a data library like React Query', 'track loading and error states', 'abort or ignore stale responses in cleanup', 'avoid older responses overwriting newer data'], questionId: 'react.standard.04', servedBy: { provider: 'offline', model: 'question-bank-v1' }, sequence: 8, questionNumber: 4 };
const created = new Date('2026-01-01T00:00:00Z');
const version = new Map(ids.map((id) => [id, 0]));
const seq = new Map(ids.map((id) => [id, 0]));
async function turn(i: number) {
  const id = ids[i % ids.length]!; const v = version.get(id)!; const s = seq.get(id)!;
  const msgs = [{ id: randomUUID(), sequence_number: s + 1, message_type: 'candidate_response', content_text: 'useEffect runs side effects after render, like fetching data. Its dependency array controls when it re-runs, and it can return a cleanup.', metadata: meta, created_at: new Date() },
    { id: randomUUID(), sequence_number: s + 2, message_type: 'ai_question', content_text: pending.text, metadata: { question_number: 4, question_id: 'react.standard.04', skill_area: 'react_data', difficulty_level: 'standard', is_followup: false, served_by: pending.servedBy }, created_at: new Date() }];
  const usage = [{ port: 'grader', provider: 'offline', model: 'rubric', outcome: 'ok', input_tokens: 0, output_tokens: 0, estimated: false, cost_usd: 0, latency_ms: 0, error: null }, { port: 'interviewer', provider: 'offline', model: 'bank', outcome: 'ok', input_tokens: 0, output_tokens: 0, estimated: false, cost_usd: 0, latency_ms: 0, error: null }];
  const now = new Date();
  const values = [acc, 'react', 'in_progress', null, null, now, null, null, 'offline/bank', 0, 0, false, 'not_recorded', context, JSON.stringify(pending), s + 2, now, created, v + 1, id, v, JSON.stringify(msgs), now, JSON.stringify(usage)];
  const batch = Number(process.env.BATCH ?? 0);
  if (batch && i % batch === 0) await db.exec('begin');
  await db.exec(`execute turn(${values.map(lit).join(', ')})`);
  if (batch && i % batch === batch - 1) await db.exec('commit');
  if (process.argv[3] && i % Number(process.argv[3]) === 0) await db.exec('vacuum interviews');
  version.set(id, v + 1); seq.set(id, s + 2);
}
for (let i = 0; i < 2000; i++) await turn(i);
const N = 8000; const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i++) await turn(i);
const us = Number(process.hrtime.bigint() - t0) / 1e3 / N;
const t1 = process.hrtime.bigint();
for (let i = 0; i < N; i++) await db.exec('execute one');
console.log((await db.query(`select relname, pg_relation_size(oid) / 8192 as pages from pg_class where relname like 'interviews%' and relkind in ('r', 'i')`)).rows.map((r: any) => `${r.relname}:${r.pages}`).join(' '));
const st = await db.query(`select n_tup_upd, n_tup_hot_upd, n_dead_tup, n_live_tup from pg_stat_user_tables where relname = 'interviews'`);
console.log(JSON.stringify(st.rows), (await db.query('show full_page_writes')).rows, (await db.query('show synchronous_commit')).rows, (await db.query('show checkpoint_timeout')).rows, (await db.query('show max_wal_size')).rows);
const t2 = process.hrtime.bigint();
for (let i = 0; i < N; i++) await db.exec(`execute simple('${ids[i % ids.length]}')`);
const t3 = process.hrtime.bigint();
const pj = JSON.stringify(pending).replace(/'/g, "''");
for (let i = 0; i < N; i++) await db.exec(`execute simplejson('${ids[i % ids.length]}', '${pj}')`);
console.log('simple update µs', (Number(t3 - t2) / 1e3 / N).toFixed(0), 'with pending json µs', (Number(process.hrtime.bigint() - t3) / 1e3 / N).toFixed(0));
console.log(variant.padEnd(10), 'turn µs', us.toFixed(0), 'execute select 1 µs', (Number(process.hrtime.bigint() - t1) / 1e3 / N).toFixed(0));
