import { stringifyDocument } from '@urql/core';
import { FollowUpQ1Query } from '../graphql/operations';
import { exportDocument } from './refetch';

describe('an export’s own read', () => {
  it('is the same query under the operation name Export_<name>, which the access log records', () => {
    const doc = exportDocument(FollowUpQ1Query);
    const text = stringifyDocument(doc);
    expect(text).toMatch(/^query Export_FollowUpQ1\(/);
    expect(text.replace('Export_FollowUpQ1', 'FollowUpQ1')).toBe(stringifyDocument(FollowUpQ1Query));
  });

  it('does not carry the original’s cache key, so urql does not send the original instead', () => {
    // urql stamps a key on every document it sees; a copy with that key would be taken for it.
    stringifyDocument(FollowUpQ1Query);
    const keyed = { ...FollowUpQ1Query, __key: 123 } as typeof FollowUpQ1Query;
    expect('__key' in exportDocument(keyed)).toBe(false);
    expect('loc' in exportDocument(keyed)).toBe(false);
  });
});
