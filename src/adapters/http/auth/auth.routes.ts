import { LogIn, RegisterAccount } from '../../../domain/accounts/index.js';
import { ErrorBody, type RouteRegistry } from '../route-registry.js';
import { AuthResponse, LoginBody, MeResponse, RegisterBody, toAuthResponse, toMeResponse } from './auth.dto.js';

export function authRoutes(registry: RouteRegistry): void {
  for (const path of ['/api/v1/auth/register', '/api/v1/candidates/register']) {
    registry.add({
      method: 'post',
      path,
      summary: path.includes('candidates') ? 'Register a candidate (alias the frontend calls)' : 'Register a candidate',
      tags: ['auth'],
      body: RegisterBody,
      responses: {
        201: { description: 'Registered and signed in', schema: AuthResponse },
        400: { description: 'Email already registered', schema: ErrorBody },
        422: { description: 'Invalid fields', schema: ErrorBody },
      },
      async handler({ body, resolve }) {
        const { account, token } = await resolve(RegisterAccount).execute({
          email: body.email, password: body.password, fullName: body.full_name, phone: body.phone,
        });
        return { status: 201, body: toAuthResponse(account, token) };
      },
    });
  }

  registry.add({
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password',
    tags: ['auth'],
    body: LoginBody,
    responses: {
      200: { description: 'Signed in', schema: AuthResponse },
      401: { description: 'Invalid email or password', schema: ErrorBody },
      429: { description: 'Too many failed attempts: locked for a while', schema: ErrorBody },
    },
    async handler({ body, resolve }) {
      const { account, token } = await resolve(LogIn).execute({ email: body.email, password: body.password });
      return { body: toAuthResponse(account, token) };
    },
  });

  registry.add({
    method: 'get',
    path: '/api/v1/auth/me',
    summary: 'The signed-in account',
    tags: ['auth'],
    auth: 'any',
    responses: {
      200: { description: 'The account', schema: MeResponse },
      401: { description: 'Not signed in', schema: ErrorBody },
    },
    async handler({ user }) {
      return { body: toMeResponse(user) };
    },
  });
}
