import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '@nct/errors';
import { SocialCoverage, PovertyStatusEnum } from './coverage';
import { povertyOf, type Coverage } from './coverage.rules';
import type { PovertyStatus } from '../records/social-record.model';

@Resolver(() => SocialCoverage)
export class SocialCoverageResolver {
  @FieldResolver(() => PovertyStatusEnum, {
    description:
      'Tình trạng nghèo của hộ trong năm (mặc định năm của ngày xét). / Household poverty status in a year (default: the year of asOf).',
  })
  povertyStatus(
    @Root() coverage: Coverage,
    @Arg('year', () => Int, { nullable: true, description: 'Năm. / Year.' }) year?: number | null,
  ): PovertyStatus {
    const y = year ?? Number(coverage.asOf.slice(0, 4));
    if (!Number.isInteger(y) || y < 2000 || y > 2999)
      throw new BadUserInputError({ vi: 'Năm không hợp lệ', en: 'Invalid year' }, { argument: 'year' });
    return povertyOf(coverage.poverty, y);
  }
}
