import { GraphQLError } from 'graphql';
import { AppError, BadUserInputError, ConflictError, formatError, httpStatusOf, isDuplicateKeyError } from './index';

describe('AppError', () => {
  it('carries a stable code and both languages', () => {
    const err = new ConflictError({ vi: 'Đã tồn tại', en: 'Already exists' }, { field: 'citizenId' });
    expect(err.message).toBe('Đã tồn tại / Already exists');
    expect(err.extensions).toEqual({ code: 'CONFLICT', messageVi: 'Đã tồn tại', messageEn: 'Already exists', field: 'citizenId' });
    expect(httpStatusOf(err.code)).toBe(409);
  });
});

describe('formatError', () => {
  it('keeps typed errors and drops the stack trace', () => {
    const err = new BadUserInputError({ vi: 'Sai', en: 'Wrong' });
    const out = formatError({ message: err.message, extensions: { ...err.extensions, stacktrace: ['at x'] } }, err);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', messageVi: 'Sai', messageEn: 'Wrong' });
  });

  it('keeps a typed error wrapped by graphql-js', () => {
    const inner = new AppError('NOT_FOUND', { vi: 'Không thấy', en: 'Not found' });
    const wrapped = new GraphQLError(inner.message, { originalError: inner, extensions: inner.extensions });
    expect(formatError({ message: wrapped.message, extensions: wrapped.extensions }, wrapped).extensions?.code).toBe('NOT_FOUND');
  });

  it('masks anything else, with no internal detail', () => {
    const err = new GraphQLError('connect ECONNREFUSED mongo-internal-7:27017', { originalError: new Error('boom') });
    const out = formatError({ message: err.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at secret.ts'] } }, err);
    expect(out.message).not.toMatch(/mongo-internal|ECONNREFUSED/);
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});

describe('isDuplicateKeyError', () => {
  it.each([
    [{ code: 11000 }, true],
    [{ cause: { code: 11000 } }, true],
    [{ code: 2 }, false],
    [null, false],
  ])('%j -> %s', (err, expected) => {
    expect(isDuplicateKeyError(err)).toBe(expected);
  });
});
