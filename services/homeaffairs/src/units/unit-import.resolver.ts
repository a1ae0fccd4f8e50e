import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { BadUserInputError } from '@nct/errors';
import { Access, idempotencyKeyArg, idempotent, type RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { importUnits } from './unit-import';
import { REJECT_MESSAGES, type RejectReason } from './unit-import.rules';

/** The mutation carries one province's list; the command (`npm run import-units`) takes any size. */
export const MAX_IMPORT_CSV_CHARS = 200_000;

@ObjectType({ description: 'Lý do từ chối một dòng. / Why a row was rejected.' })
export class UnitImportReason {
  @Field({ description: 'Mã lý do (BAD_CODE, UNKNOWN_PARENT, BAD_DATE, DUPLICATE ...). / Reason code.' })
  code!: string;

  @Field({ description: 'Tiếng Việt. / Vietnamese.' })
  messageVi!: string;

  @Field({ description: 'Tiếng Anh. / English.' })
  messageEn!: string;
}

@ObjectType({ description: 'Một dòng bị từ chối (không ghi gì). / A rejected row (nothing written).' })
export class RejectedUnitRow {
  @Field(() => Int, { description: 'Số dòng trong tệp (dòng 1 là tiêu đề). / Line number (line 1 is the header).' })
  line!: number;

  @Field({ description: 'Mã ghi trên dòng. / The code on the row.' })
  code!: string;

  @Field(() => [UnitImportReason], { description: 'Các lý do. / Reasons.' })
  reasons!: UnitImportReason[];
}

@ObjectType({ description: 'Kết quả nhập danh mục đơn vị hành chính. / Report of a unit-list import.' })
export class UnitImportReport {
  @Field({ description: 'Chỉ kiểm tra, không ghi. / Checked only, nothing written.' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Số đơn vị mới được ghi (hoặc sẽ ghi khi dryRun). / Units written (or to be written).' })
  inserted!: number;

  @Field(() => Int, { description: 'Số đơn vị đã có, giống hệt. / Units already stored, identical.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Số liên kết kế thừa mới. / New lineage links.' })
  lineageInserted!: number;

  @Field(() => [RejectedUnitRow], { description: 'Các dòng bị từ chối. / Rejected rows.' })
  rejected!: RejectedUnitRow[];
}

@Resolver()
export class UnitImportResolver {
  constructor(private readonly models: Models) {}

  @Access('REGISTER_WRITE')
  @Mutation(() => UnitImportReport, {
    description:
      'Nhập danh mục đơn vị hành chính từ CSV (mã, tên, loại, cấp trên, hiệu lực, đơn vị tiền thân); dòng sai bị từ chối và không ghi gì. / Import the unit list from CSV; bad rows are reported and change nothing.',
  })
  async importAdministrativeUnits(
    @Arg('csv', () => String) csv: string,
    @Ctx() ctx: RequestContext,
    @Arg('dryRun', () => Boolean, { nullable: true }) dryRun?: boolean | null,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        'Khóa chống trùng (8-128 ký tự): gửi lại cùng khóa trả về báo cáo lần đầu. / Idempotency key (8-128 characters): a repeat returns the first report.',
    })
    idempotencyKey?: string | null,
  ): Promise<UnitImportReport> {
    const key = idempotencyKeyArg(idempotencyKey);
    if (csv.length > MAX_IMPORT_CSV_CHARS) {
      throw new BadUserInputError(
        {
          vi: `Tệp CSV tối đa ${MAX_IMPORT_CSV_CHARS} ký tự; dùng lệnh import-units cho tệp lớn`,
          en: `At most ${MAX_IMPORT_CSV_CHARS} characters; use the import-units command for larger files`,
        },
        { argument: 'csv' },
      );
    }
    // with a key, the whole import and its report commit together (a repeat gets the first report)
    const report = await idempotent(
      ctx,
      this.models.Unit.db,
      { operation: 'importAdministrativeUnits', key, input: { csv, dryRun: dryRun === true } },
      async () => {
        const result = await importUnits(this.models, csv, { dryRun: dryRun === true });
        if (result.problem) {
          // a refused file writes nothing and stores nothing under the key
          throw new BadUserInputError(
            { vi: `Tệp CSV không hợp lệ: ${result.problem}`, en: `Invalid CSV file: ${result.problem}` },
            { argument: 'csv' },
          );
        }
        return result;
      },
    );
    return Object.assign(new UnitImportReport(), {
      ...report,
      rejected: report.rejected.map((r) => ({
        line: r.line,
        code: r.code,
        reasons: r.reasons.map((reason: RejectReason) => ({
          code: reason,
          messageVi: REJECT_MESSAGES[reason].vi,
          messageEn: REJECT_MESSAGES[reason].en,
        })),
      })),
    });
  }
}
