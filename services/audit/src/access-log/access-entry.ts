import 'reflect-metadata';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, DateScalar } from '@nct/subgraph-kit';

/** One read of one person's data in one request: who, why, which fields, when. */
@ObjectType({
  description: "Một lần đọc dữ liệu cá nhân của một người trong một yêu cầu. / One read of one person's personal data in one request.",
})
export class AccessLogEntry {
  @Field(() => ID, { description: 'Mã mục: mã yêu cầu và số định danh. / Entry id: request id and citizen ID.' })
  id!: string;

  @Field({ description: 'Thời điểm đọc (ISO 8601, UTC). / When it was read (ISO 8601, UTC).' })
  at!: string;

  @Field({
    description:
      'Mã yêu cầu do cổng API tạo (không bao giờ do máy khách đặt). / The request id the gateway generated (never set by a client).',
  })
  requestId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Mã tương quan do máy khách gửi (x-request-id), chỉ để đối chiếu. / The correlation id the client sent (x-request-id), for cross-reference only.',
  })
  correlationId!: string | null;

  @Field({ description: 'Người đọc (subject của mã thông báo). / Who read it (token subject).' })
  subject!: string;

  @Field({ description: "Vai trò của người đọc. / The reader's role." })
  role!: string;

  @Field(() => String, { nullable: true, description: 'Xã/phường giới hạn của người đọc. / The commune the reader is limited to.' })
  commune!: string | null;

  @Field({ description: 'Mục đích đã khai báo (x-access-purpose). / The declared purpose.' })
  purpose!: string;

  @Field({ description: 'Số định danh của người được đọc dữ liệu. / Citizen ID of the person whose data was read.' })
  citizenId!: string;

  @Field(() => [String], { description: 'Các trường đã đọc, "subgraph:Type.field". / Fields read, as "subgraph:Type.field".' })
  fields!: string[];

  @Field(() => String, { nullable: true, description: 'Tên thao tác GraphQL, nếu có. / The GraphQL operation name, if any.' })
  operationName!: string | null;
}

@ObjectType({ description: 'Một trang nhật ký truy cập, theo thời gian. / A page of the access log, in time order.' })
export class AccessLogConnection extends ConnectionType(AccessLogEntry, 'AccessLog') {}

@InputType({ description: 'Lọc nhật ký truy cập. / Access-log filter.' })
export class AccessLogFilter {
  @Field(() => String, { nullable: true, description: 'Người được đọc dữ liệu. / The person whose data was read.' })
  citizenId?: string | null;

  @Field(() => String, { nullable: true, description: 'Người đọc. / The reader (token subject).' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: "Vai trò người đọc. / The reader's role." })
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã yêu cầu (của cổng API). / The (gateway) request id.' })
  requestId?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã tương quan do máy khách gửi. / The correlation id the client sent.' })
  correlationId?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Từ ngày (giờ Việt Nam, tính cả ngày này). / From this day (Vietnam time), inclusive.',
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Đến ngày (giờ Việt Nam, tính cả ngày này). / To this day (Vietnam time), inclusive.',
  })
  to?: string | null;
}

@ArgsType()
export class AccessLogArgs {
  @Field(() => AccessLogFilter, { nullable: true })
  filter?: AccessLogFilter | null;

  @Field(() => Int, { nullable: true, description: 'Số mục mỗi trang (tối đa 100). / Page size (at most 100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Con trỏ trang trước. / Cursor of the previous page.' })
  after?: string | null;
}

@InputType({ description: 'Một mục do cổng API ghi. / An entry written by the gateway.' })
export class AccessLogEntryInput {
  @Field() at!: string;
  @Field() requestId!: string;
  @Field(() => String, { nullable: true }) correlationId?: string | null;
  @Field() subject!: string;
  @Field() role!: string;
  @Field(() => String, { nullable: true }) commune?: string | null;
  @Field() purpose!: string;
  @Field() citizenId!: string;
  @Field(() => [String]) fields!: string[];
  @Field(() => String, { nullable: true }) operationName?: string | null;
}
