/**
 * Why personal data is read (Personal Data Protection Law 91/2025/QH15: processing needs a
 * purpose). Sent by the client in the `x-access-purpose` header; a request for personal data
 * without one of these is refused.
 */
export const PURPOSES = {
  CARE_COORDINATION: { vi: 'Phối hợp chăm sóc người cao tuổi', en: 'Coordinating care for an elderly person' },
  BENEFIT_ADMINISTRATION: { vi: 'Giải quyết chế độ trợ cấp, trợ giúp xã hội', en: 'Administering allowances and social assistance' },
  HEALTH_CARE: { vi: 'Quản lý, chăm sóc sức khỏe', en: 'Health management and care' },
  ASSOCIATION_ACTIVITIES: { vi: 'Hoạt động của Hội Người cao tuổi', en: 'Association of the Elderly activities' },
  REGISTER_MAINTENANCE: { vi: 'Cập nhật sổ đăng ký, đơn vị hành chính', en: 'Maintaining the register and administrative units' },
  STATISTICS: { vi: 'Thống kê tổng hợp (không định danh)', en: 'Aggregate statistics (no identification)' },
  AUDIT: { vi: 'Kiểm tra, thanh tra việc truy cập dữ liệu', en: 'Auditing access to data' },
} as const;

export type Purpose = keyof typeof PURPOSES;

export const PURPOSE_HEADER = 'x-access-purpose';

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PURPOSES, value);
}
