import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../domain/accounts/password-policy.js';
import type { Account } from '../../../domain/accounts/account.js';

export const RegisterBody = z.object({
  email: z.email().max(320),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
  full_name: z.string().trim().min(2).max(200),
  phone: z.string().trim().max(50).nullish(),
});

export const LoginBody = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export const AuthResponse = z.object({
  token: z.string(),
  token_type: z.literal('bearer'),
  candidate_id: z.uuid(),
  email: z.string(),
  full_name: z.string(),
  role: z.string(),
});

export const MeResponse = z.object({
  id: z.uuid(),
  candidate_id: z.uuid(),
  email: z.string(),
  full_name: z.string(),
  phone: z.string().nullable(),
  role: z.string(),
  status: z.string(),
  created_at: z.string(),
});

export const toAuthResponse = (account: Account, token: string): z.infer<typeof AuthResponse> => ({
  token,
  token_type: 'bearer',
  candidate_id: account.id,
  email: account.email,
  full_name: account.fullName,
  role: account.role,
});

export const toMeResponse = (account: Account): z.infer<typeof MeResponse> => ({
  id: account.id,
  candidate_id: account.id,
  email: account.email,
  full_name: account.fullName,
  phone: account.phone,
  role: account.role,
  status: account.status,
  created_at: account.createdAt.toISOString(),
});
