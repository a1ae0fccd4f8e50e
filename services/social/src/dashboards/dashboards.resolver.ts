import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '@nct/errors';
import { Access, RequestContext, scopedCommune } from '@nct/subgraph-kit';
import { Person } from '../person/person';
import type { Models } from '../models';
import type { SocialDeps } from '../deps';
import { povertyIn, type PovertyStatus, type SocialRecordDoc } from '../records/social-record.model';
import { PovertyStatusEnum } from './coverage';

export const MAX_ROSTER = 10_000;

/**
 * Records with a poverty entry of `status` in `year` (and of `commune`): an equality prefix of
 * the {poverty.year, poverty.status, communeCode} index. The multikey index may also return a
 * record whose year and status sit in different entries, so the caller checks the pair.
 */
function povertyRecords(models: Models, year: number, status: PovertyStatus, commune: string | null) {
  const filter: Record<string, unknown> = { 'poverty.year': year, 'poverty.status': status };
  if (commune) filter.communeCode = commune;
  return models.SocialRecord.find(filter).select({ _id: 1, poverty: 1 }).lean<Array<Pick<SocialRecordDoc, '_id' | 'poverty'>>>();
}

@Resolver()
export class DashboardsResolver {
  private readonly models: Models;
  constructor({ models }: SocialDeps) {
    this.models = models;
  }

  @Access('SOCIAL_DATA')
  @Query(() => [Person], {
    description:
      'Câu hỏi 2 (cách thứ hai): những người có tình trạng nghèo đã chọn trong năm, theo xã (hoặc toàn tỉnh); gateway bổ sung tuổi và danh tính. / People whose household had one of these poverty statuses in a year, by commune (or province); the gateway adds age and identity.',
  })
  async povertyRoster(
    @Arg('year', () => Int, { description: 'Năm. / Year.' }) year: number,
    @Arg('statuses', () => [PovertyStatusEnum], { description: 'Tình trạng (POOR, NEAR_POOR). / Statuses wanted.' })
    statuses: PovertyStatus[],
    @Arg('communeCode', () => String, { nullable: true, description: 'Xã/phường (mặc định toàn tỉnh). / Commune, default the province.' })
    communeCode: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Array<{ citizenId: string }>> {
    if (!Number.isInteger(year) || year < 2000 || year > 2999)
      throw new BadUserInputError({ vi: 'Năm không hợp lệ', en: 'Invalid year' }, { argument: 'year' });
    if (!statuses.length || statuses.length > 3)
      throw new BadUserInputError({ vi: 'Cần 1-3 tình trạng', en: 'Give 1-3 statuses' }, { argument: 'statuses' });
    if (communeCode != null && !/^\d{5}$/.test(communeCode))
      throw new BadUserInputError(
        { vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' },
        { argument: 'communeCode' },
      );
    const commune = scopedCommune(ctx, communeCode);
    const found = new Set<string>();
    for (const status of new Set(statuses)) {
      for (const r of await povertyRecords(this.models, year, status, commune)) if (povertyIn(r, year) === status) found.add(r._id);
    }
    const out = [...found].sort();
    if (out.length > MAX_ROSTER) {
      throw new BadUserInputError(
        { vi: `Quá ${MAX_ROSTER} người: hãy lọc theo xã`, en: `More than ${MAX_ROSTER} people: filter by commune` },
        { argument: 'communeCode' },
      );
    }
    return out.map((citizenId) => ({ citizenId }));
  }
}
