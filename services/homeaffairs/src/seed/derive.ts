import { createHash } from 'node:crypto';
import type { SeedData } from '@nct/seed';
import type { AssociationUnitDoc, LeadershipTermDoc } from '../organisations/association-unit.model';
import { addDays, addYears } from '@nct/dates';
import type { Agency, PlanDoc, PlanTaskDoc, TaskStatus } from '../plans/plan.model';
import { taskKey } from '../plans/plans.rules';

/** The homeaffairs records the shared seed does not carry: organisation records and the Conclusion 58 plan. */
export interface HomeaffairsSeedExtra {
  associationUnits: AssociationUnitDoc[];
  leadershipTerms: LeadershipTermDoc[];
  plans: PlanDoc[];
  planTasks: PlanTaskDoc[];
}

/** A number in [0, 1) from a label: deterministic, no global random state. */
function unit(label: string): number {
  return createHash('sha256').update(label).digest().readUInt32BE(0) / 0x1_0000_0000;
}

const minDate = (a: string, b: string) => (a < b ? a : b);

const CHAIRS = [
  'Lò Văn Pọm',
  'Tòng Thị Xuân',
  'Nguyễn Văn Thắng',
  'Vàng A Chứ',
  'Lường Văn Kim',
  'Hoàng Thị Liên',
  'Tao Văn Tình',
  'Phạm Văn Hùng',
];

export const SEED_PLAN_NUMBER = '125/KH-UBND';

/** Tasks of the Conclusion 58 plan: [title, lead, lead body, co-operating, deadline offset from asOf in days, status]. */
const PLAN_TASKS: ReadonlyArray<readonly [string, Agency, string | null, Agency[], number, TaskStatus]> = [
  ['Quán triệt, tuyên truyền Kết luận 58-KL/TW đến cán bộ, đảng viên và Nhân dân', 'HOME_AFFAIRS', null, ['ASSOCIATION'], -600, 'DONE'],
  [
    'Rà soát, sắp xếp tổ chức Hội Người cao tuổi các cấp sau sắp xếp đơn vị hành chính',
    'HOME_AFFAIRS',
    null,
    ['ASSOCIATION'],
    -300,
    'DONE',
  ],
  ['Kiện toàn Ban đại diện Hội Người cao tuổi tỉnh', 'HOME_AFFAIRS', null, ['ASSOCIATION'], -120, 'IN_PROGRESS'],
  ['Chi trả trợ cấp xã hội hằng tháng đúng đối tượng, kịp thời', 'SOCIAL', null, ['HOME_AFFAIRS'], 60, 'IN_PROGRESS'],
  ['Triển khai trợ cấp hưu trí xã hội từ 01/7/2025', 'SOCIAL', null, [], -200, 'DONE'],
  ['Rà soát người từ 80 tuổi chưa hưởng chính sách', 'SOCIAL', null, ['ASSOCIATION'], -45, 'IN_PROGRESS'],
  ['Khám sức khỏe định kỳ cho người cao tuổi ít nhất 1 lần/năm', 'HEALTH', null, ['ASSOCIATION'], 61, 'IN_PROGRESS'],
  ['Lập hồ sơ theo dõi sức khỏe cho 95% người cao tuổi', 'HEALTH', null, [], -30, 'NOT_STARTED'],
  ['Cấp thẻ bảo hiểm y tế cho người cao tuổi thuộc diện hưởng trợ cấp', 'HEALTH', null, ['SOCIAL'], 120, 'NOT_STARTED'],
  ['Nhân rộng câu lạc bộ liên thế hệ tự giúp nhau (Quyết định 1336/QĐ-TTg)', 'ASSOCIATION', null, ['SOCIAL', 'HEALTH'], 240, 'IN_PROGRESS'],
  ['Tổ chức mừng thọ người cao tuổi theo năm', 'ASSOCIATION', null, [], -15, 'DONE'],
  ['Phong trào "Tuổi cao - Gương sáng"', 'ASSOCIATION', null, [], -90, 'NOT_STARTED'],
  ['Tháng hành động vì người cao tuổi Việt Nam (tháng 10)', 'SOCIAL', null, ['HEALTH', 'ASSOCIATION'], -1, 'CANCELLED'],
  ['Bố trí kinh phí thực hiện kế hoạch', 'OTHER', 'Sở Tài chính', ['HOME_AFFAIRS'], 30, 'NOT_STARTED'],
  [
    'Chỉ đạo UBND các xã, phường triển khai kế hoạch tại cơ sở',
    'OTHER',
    'UBND các xã, phường',
    ['HOME_AFFAIRS', 'ASSOCIATION'],
    -10,
    'IN_PROGRESS',
  ],
];

/**
 * Pure and deterministic (sha256 of a label, never Math.random), dated from `data.asOf`:
 * the province's representative board and one Association per commune with their
 * establishment decisions and leadership terms, and the province plan implementing
 * Conclusion 58-KL/TW with 15 tasks in mixed states (some overdue on `asOf`, some not).
 */
export function deriveHomeaffairsSeed(data: SeedData): HomeaffairsSeedExtra {
  const asOf = data.asOf;
  const associationUnits: AssociationUnitDoc[] = [];
  const leadershipTerms: LeadershipTermDoc[] = [];
  const provinceBody = `UBND ${data.province.name.replace(/^Tỉnh /, 'tỉnh ')}`;
  const addUnit = (
    code: string,
    name: string,
    level: 'PROVINCE' | 'COMMUNE',
    type: AssociationUnitDoc['type'],
    founded: string,
    body: string,
  ) => {
    associationUnits.push({
      adminUnitCode: code,
      name,
      level,
      type,
      establishment: { number: `${100 + Math.floor(unit(`decision:${code}`) * 900)}/QĐ-UBND`, date: founded, issuingBody: body },
    });
    // the current term started 1-4 years before asOf; the previous one 5 years earlier
    // (a unit founded since then, e.g. a commune of the 2025 reform, starts its first term on founding)
    const drawn = addDays(asOf, -(365 + Math.floor(unit(`term:${code}`) * 365 * 3)));
    const currentStart = drawn < founded ? founded : drawn;
    const previousStart = addYears(currentStart, -5);
    for (const [start, i] of [
      [previousStart, 0],
      [currentStart, 1],
    ] as const) {
      if (start < founded) continue;
      leadershipTerms.push({
        adminUnitCode: code,
        startDate: start,
        endDate: addYears(start, 5),
        chairName: CHAIRS[Math.floor(unit(`chair:${code}:${i}`) * CHAIRS.length)],
        decision: {
          number: `${10 + Math.floor(unit(`term-decision:${code}:${i}`) * 90)}/QĐ-HNCT`,
          date: addDays(start, 14),
          issuingBody: body,
        },
      });
    }
  };
  addUnit(
    data.province.code,
    `Ban đại diện Hội Người cao tuổi ${data.province.name.replace(/^Tỉnh /, 'tỉnh ')}`,
    'PROVINCE',
    'REPRESENTATIVE_BOARD',
    '2005-03-15',
    provinceBody,
  );
  for (const c of data.communes) {
    const founded = minDate(
      c.validFrom < '2025-07-01' ? '2008-06-01' : addDays(c.validFrom, 30 + Math.floor(unit(`founded:${c.code}`) * 60)),
      asOf,
    );
    addUnit(
      c.code,
      `Hội Người cao tuổi ${c.name.replace(/^(Xã|Phường|Đặc khu) /, (m) => m.toLowerCase())}`,
      'COMMUNE',
      'ASSOCIATION',
      founded,
      `UBND ${c.name.replace(/^(Xã|Phường|Đặc khu) /, (m) => m.toLowerCase())}`,
    );
  }

  const planDate = minDate('2023-12-15', addDays(asOf, -400));
  const plans: PlanDoc[] = [
    {
      planNumber: SEED_PLAN_NUMBER,
      title:
        'Kế hoạch thực hiện Kết luận số 58-KL/TW ngày 29/8/2023 của Ban Bí thư về tiếp tục thực hiện Chỉ thị 59-CT/TW về công tác người cao tuổi',
      date: planDate,
      issuingBody: provinceBody,
      legalBasis: ['Kết luận 58-KL/TW ngày 29/8/2023 của Ban Bí thư', 'Luật Người cao tuổi năm 2009'],
    },
  ];
  const planTasks: PlanTaskDoc[] = PLAN_TASKS.map(([title, leadAgency, leadBody, co, offset, status], i) => {
    const deadline = addDays(asOf, offset) < planDate ? addDays(planDate, 30) : addDays(asOf, offset);
    const started = addDays(planDate, 20 + i * 7);
    const reports =
      status === 'NOT_STARTED'
        ? []
        : [
            {
              date: minDate(addDays(started, 30), asOf),
              text: 'Đã ban hành văn bản triển khai',
              percent: status === 'CANCELLED' ? 10 : 30,
            },
            ...(status === 'DONE' ? [{ date: minDate(deadline, asOf), text: 'Hoàn thành nhiệm vụ', percent: 100 }] : []),
            ...(status === 'IN_PROGRESS'
              ? [
                  {
                    date: minDate(addDays(started, 200), asOf),
                    text: 'Đang triển khai theo kế hoạch',
                    percent: 40 + Math.floor(unit(`pct:${i}`) * 40),
                  },
                ]
              : []),
          ];
    return {
      taskKey: taskKey(SEED_PLAN_NUMBER, i + 1),
      planNumber: SEED_PLAN_NUMBER,
      taskNo: i + 1,
      title,
      leadAgency,
      leadBody,
      cooperatingAgencies: co,
      cooperatingBodies: leadAgency === 'OTHER' ? [] : ['UBND các xã, phường'],
      deadline,
      status,
      statusChangedOn: status === 'NOT_STARTED' ? planDate : minDate(reports[reports.length - 1]?.date ?? started, asOf),
      reports,
    };
  });
  return { associationUnits, leadershipTerms, plans, planTasks };
}
