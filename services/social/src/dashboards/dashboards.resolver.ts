import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '@nct/errors';
import { Access, RequestContext, scopedCommune } from '@nct/subgraph-kit';
import { Person } from '../person/person';
import type { Models } from '../models';
import type { PovertyStatus } from '../records/social-record.model';
import { PovertyStatusEnum } from './coverage';
import { povertyOf } from './coverage.rules';

export const MAX_ROSTER = 10_000;

@Resolver()
export class DashboardsResolver {
  constructor(private readonly models: Models) {}

  @Access('SOCIAL_DATA')
  @Query(() => [Person], {
    description:
      'Câu hỏi 2 (cách thứ hai): những người có tình trạng nghèo đã chọn trong năm, theo xã (hoặc toàn tỉnh), từ bản tổng hợp; gateway bổ sung tuổi và danh tính. / People whose household had one of these poverty statuses in a year, from the digest; the gateway adds age and identity.',
  })
  async povertyRoster(
    @Arg('year', () => Int, { description: 'Năm. / Year.' }) year: number,
    @Arg('statuses', () => [PovertyStatusEnum], { description: 'Tình trạng (POOR, NEAR_POOR). / Statuses wanted.' }) statuses: PovertyStatus[],
    @Arg('communeCode', () => String, { nullable: true, description: 'Xã/phường (mặc định toàn tỉnh). / Commune, default the province.' }) communeCode: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Array<{ citizenId: string }>> {
    if (!Number.isInteger(year) || year < 2000 || year > 2999) throw new BadUserInputError({ vi: 'Năm không hợp lệ', en: 'Invalid year' }, { argument: 'year' });
    if (!statuses.length || statuses.length > 3) throw new BadUserInputError({ vi: 'Cần 1-3 tình trạng', en: 'Give 1-3 statuses' }, { argument: 'statuses' });
    if (communeCode != null && !/^\d{5}$/.test(communeCode)) throw new BadUserInputError({ vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }, { argument: 'communeCode' });
    const commune = scopedCommune(ctx, communeCode);
    const rows = await this.models.socialDigest.readAll(commune ? [commune] : undefined);
    const wanted = new Set(statuses);
    const out = rows.filter((r) => wanted.has(povertyOf(r.poverty, year))).map((r) => r.citizenId).sort();
    if (out.length > MAX_ROSTER) {
      throw new BadUserInputError({ vi: `Quá ${MAX_ROSTER} người: hãy lọc theo xã`, en: `More than ${MAX_ROSTER} people: filter by commune` }, { argument: 'communeCode' });
    }
    return out.map((citizenId) => ({ citizenId }));
  }
}
