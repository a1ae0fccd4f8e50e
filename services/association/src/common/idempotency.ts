/** The description of every create's `idempotencyKey` argument (docs/consistency.md section 4). */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Khóa chống ghi trùng (8-128 ký tự A-Z a-z 0-9 . _ : -): gửi lại cùng khóa và cùng nội dung trả lại kết quả lần đầu, không ghi thêm; cùng khóa, nội dung khác: CONFLICT IDEMPOTENCY_KEY_REUSED. / Retry key (8-128 characters of A-Z a-z 0-9 . _ : -): a repeat with the same key and input returns the first result and writes nothing; the same key with other input is CONFLICT IDEMPOTENCY_KEY_REUSED.';
