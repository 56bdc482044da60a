// What the API says when a call fails: refusals carry their file, entry and problems.
import type { ApiErrorBody } from '../../../shared/api/contract';
import { DataDirBusyError } from '../store/data-lock';
import { Rejection } from '../rejection';
import { buildProblemView, RoundBuildError } from '../round-builder/problems';
import { IdentityError } from '../identity/identity';
import { WriteFailure } from '../write-failure';

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class RequestError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RequestError';
  }
}

export function describeError(error: unknown): ApiErrorBody {
  if (error instanceof Rejection) {
    return {
      code: error.code,
      message: error.message,
      file: error.file,
      ...(error.entry !== undefined ? { entry: error.entry } : {}),
      ...(error.problems.length > 0 ? { problems: error instanceof RoundBuildError ? error.problems.map(buildProblemView) : error.problems } : {}),
    };
  }
  if (error instanceof NotFoundError) return { code: 'not-found', message: error.message };
  if (error instanceof RequestError) return { code: error.code, message: error.message };
  if (error instanceof DataDirBusyError) return { code: 'busy', message: error.message };
  if (error instanceof IdentityError) return { code: error.code, message: error.message };
  if (error instanceof WriteFailure) return { code: 'write-failed', message: error.message };
  return { code: 'failed', message: error instanceof Error ? error.message : String(error) };
}
