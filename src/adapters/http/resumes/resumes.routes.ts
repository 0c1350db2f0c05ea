import { ManageResumes, MAX_RESUME_BYTES, UploadResume } from '../../../domain/resumes/index.js';
import { readSingleFile } from '../multipart.js';
import { ErrorBody, type RouteRegistry } from '../route-registry.js';
import {
  AnalysisResponse, DownloadResponse, FileTokenParams, ParsingStatusResponse, ResumeIdParams, ResumeResponse,
  toAnalysisResponse, toParsingStatus, toResumeResponse, UploadForm,
} from './resumes.dto.js';
import { z } from 'zod';

export const resumeErrorStatuses: Record<string, number> = {
  'resumes.not_found': 404,
  'resumes.too_large': 413,
  'resumes.unsupported_type': 400,
  'resumes.empty_upload': 400,
  'resumes.analysis_not_ready': 404,
  'resumes.analysis_unavailable': 422,
  'resumes.download_link_invalid': 404,
};

/** Where download links point: PUBLIC_BASE_URL when set, else the origin the request came to. */
export type PublicBaseUrl = (requestOrigin: string) => string;

const owner = {
  tags: ['resumes'],
  auth: ['candidate'] as const,
};
const notFound = { 404: { description: 'No such resume of mine', schema: ErrorBody } };
const unauthorised = { 401: { description: 'Not signed in', schema: ErrorBody } };

export function resumeRoutes(publicBaseUrl: PublicBaseUrl) {
  return (registry: RouteRegistry): void => {
    registry.add({
      ...owner,
      method: 'post',
      path: '/api/v1/resumes/upload',
      summary: 'Upload a resume (multipart field "file": PDF or DOCX by content, at most 5 MB); it becomes my active resume and is parsed in the background',
      parseJson: false,
      form: UploadForm,
      responses: {
        201: { description: 'Stored and active; parsing_status is pending', schema: ResumeResponse },
        400: { description: 'Not a PDF or DOCX (checked by content), or empty', schema: ErrorBody },
        ...unauthorised,
        413: { description: 'Larger than 5 MB: refused while streaming, nothing stored', schema: ErrorBody },
        415: { description: 'Not a multipart/form-data request', schema: ErrorBody },
        422: { description: 'No file in the "file" field', schema: ErrorBody },
      },
      async handler({ user, koa, resolve }) {
        const file = await readSingleFile(koa, 'file', MAX_RESUME_BYTES);
        const resume = await resolve(UploadResume).execute({ candidateId: user.id, fileName: file.fileName, bytes: file.bytes });
        return { status: 201, body: toResumeResponse(resume) };
      },
    });

    registry.add({
      ...owner,
      method: 'get',
      path: '/api/v1/resumes',
      summary: 'My resumes, newest first',
      responses: { 200: { description: 'My resumes', schema: z.array(ResumeResponse) }, ...unauthorised },
      async handler({ user, resolve }) {
        return { body: (await resolve(ManageResumes).list(user.id)).map(toResumeResponse) };
      },
    });

    registry.add({
      ...owner,
      method: 'get',
      path: '/api/v1/resumes/:id',
      summary: 'One of my resumes',
      params: ResumeIdParams,
      responses: { 200: { description: 'The resume', schema: ResumeResponse }, ...unauthorised, ...notFound },
      async handler({ user, params, resolve }) {
        return { body: toResumeResponse(await resolve(ManageResumes).get(user.id, params.id)) };
      },
    });

    registry.add({
      ...owner,
      method: 'get',
      path: '/api/v1/resumes/:id/parsing-status',
      summary: 'Where parsing is (pending → processing → completed | failed) and what it found',
      params: ResumeIdParams,
      responses: { 200: { description: 'Parsing status', schema: ParsingStatusResponse }, ...unauthorised, ...notFound },
      async handler({ user, params, resolve }) {
        return { body: toParsingStatus(await resolve(ManageResumes).get(user.id, params.id)) };
      },
    });

    registry.add({
      ...owner,
      method: 'get',
      path: '/api/v1/resumes/:id/analysis',
      summary: 'The latest review of the resume (404 while it is still being written)',
      params: ResumeIdParams,
      responses: {
        200: { description: 'The review', schema: AnalysisResponse },
        ...unauthorised,
        404: { description: 'No such resume of mine, or the analysis is not ready yet (code resumes.analysis_not_ready)', schema: ErrorBody },
        422: { description: 'The resume could not be read, so there will be no analysis', schema: ErrorBody },
      },
      async handler({ user, params, resolve }) {
        return { body: toAnalysisResponse(await resolve(ManageResumes).analysis(user.id, params.id)) };
      },
    });

    registry.add({
      ...owner,
      method: 'post',
      path: '/api/v1/resumes/:id/activate',
      summary: 'Make this resume my active one',
      params: ResumeIdParams,
      responses: { 200: { description: 'The resume, now active', schema: ResumeResponse }, ...unauthorised, ...notFound },
      async handler({ user, params, resolve }) {
        return { body: toResumeResponse(await resolve(ManageResumes).activate(user.id, params.id)) };
      },
    });

    registry.add({
      ...owner,
      method: 'delete',
      path: '/api/v1/resumes/:id',
      summary: 'Delete the resume, its analyses and its file (the newest remaining one becomes active)',
      params: ResumeIdParams,
      responses: { 204: { description: 'Deleted' }, ...unauthorised, ...notFound },
      async handler({ user, params, resolve }) {
        await resolve(ManageResumes).delete(user.id, params.id);
        return { status: 204 };
      },
    });

    registry.add({
      ...owner,
      method: 'get',
      path: '/api/v1/resumes/:id/download',
      summary: 'A signed link to the file that works without a bearer token until it expires',
      params: ResumeIdParams,
      responses: { 200: { description: 'Signed link', schema: DownloadResponse }, ...unauthorised, ...notFound },
      async handler({ user, params, koa, resolve }) {
        const link = await resolve(ManageResumes).downloadLink(user.id, params.id);
        return {
          body: {
            signed_url: `${publicBaseUrl(`${koa.protocol}://${koa.host}`)}/api/v1/files/${link.token}`,
            expires_in: link.expiresInSeconds,
            expires_at: link.expiresAt.toISOString(),
          },
          headers: { 'Cache-Control': 'no-store' },
        };
      },
    });

    registry.add({
      method: 'get',
      path: '/api/v1/files/:token',
      summary: 'The file behind a signed link (no bearer token: the link is the credential)',
      tags: ['resumes'],
      params: FileTokenParams,
      responses: {
        200: { description: 'The file', contentType: 'application/octet-stream', schema: z.string() },
        404: { description: 'The link is invalid, has expired, or its file is gone', schema: ErrorBody },
      },
      async handler({ params, resolve }) {
        const file = await resolve(ManageResumes).openDownload(params.token);
        return {
          body: Buffer.from(file.data),
          headers: {
            'Content-Type': file.contentType,
            'Content-Disposition': contentDisposition(file.fileName),
            'Cache-Control': 'private, no-store',
          },
        };
      },
    });
  };
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
