/** The description of every create's `idempotencyKey` argument (docs/consistency.md section 4). */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Khóa chống ghi trùng (8-128 ký tự A-Z a-z 0-9 . _ : -): gửi lại cùng khóa và cùng dữ liệu trả kết quả lần đầu, không ghi thêm; cùng khóa khác dữ liệu bị từ chối (CONFLICT, IDEMPOTENCY_KEY_REUSED). / Idempotency key (8-128 characters of A-Z a-z 0-9 . _ : -): a retry with the same key and input returns the first result and writes nothing; the same key with other input is refused (CONFLICT, IDEMPOTENCY_KEY_REUSED).';
