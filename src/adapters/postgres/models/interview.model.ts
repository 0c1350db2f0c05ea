import { Model } from 'objection';

export class InterviewModel extends Model {
  static override tableName = 'interviews';
  static override get jsonAttributes() {
    return ['context', 'progression', 'asked', 'pending'];
  }
  id!: string;
  candidate_id!: string;
  resume_id!: string | null;
  job_posting_id!: string | null;
  role_type!: string;
  status!: string;
  started_at!: Date | null;
  completed_at!: Date | null;
  duration_seconds!: number | null;
  ai_model_used!: string | null;
  total_tokens_used!: number;
  cost_usd!: number;
  video_recording_consent!: boolean;
  video_recording_status!: string | null;
  context!: unknown;
  progression!: unknown;
  asked!: unknown;
  pending!: unknown;
  last_sequence!: number;
  last_activity_at!: Date;
  created_at!: Date;
  version!: number;
}

export class InterviewMessageModel extends Model {
  static override tableName = 'interview_messages';
  static override get jsonAttributes() {
    return ['metadata'];
  }
  id!: string;
  interview_id!: string;
  sequence_number!: number;
  message_type!: string;
  content_text!: string;
  metadata!: Record<string, unknown>;
  created_at!: Date;
}
