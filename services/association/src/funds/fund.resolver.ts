import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import { Access, idempotencyKeyArg, idempotent, inTransaction, pageRequest, RequestContext, toConnection } from '@nct/subgraph-kit';
import { Problem, refuse } from '@nct/rules';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../common/idempotency';
import { cleanText } from '../common/problems';
import type { Models } from '../models';
import type { FundBookDoc } from './fund-book.model';
import type { EntryType, FundKind, LedgerEntryDoc } from './ledger-entry.model';
import { FundEntry, FundEntryConnection, FundLedger, FundRefInput, RecordFundEntryInput } from './ledger';
import { EntryInput, entryProblems, ledgerOf, LedgerRef, nextEntry, sameEntry } from './funds.rules';
import { entriesByLedgerLoader, ledgerView, LedgerView } from './fund.loaders';

const MAX_APPEND_RETRIES = 3;

type Ledger = { ledgerId: string; ownerCode: string; fund: FundKind };

/**
 * Appends an entry to a book, in one transaction with the book's head (`fund_books`) and, when
 * the caller sent an idempotency key, the key's record (`idempotent`, @nct/subgraph-kit):
 * - the same key with the same input returns the first result and writes nothing; with other
 *   input it is CONFLICT (IDEMPOTENCY_KEY_REUSED);
 * - the same reference with the same content returns the stored entry (a retry without a key);
 *   the same reference with other content is a CONFLICT;
 * - the entry goes at book.seq + 1 with the balance computed from the book's; a disbursement
 *   larger than the balance is refused (CONFLICT, nothing written);
 * - the book is updated first, so a concurrent writer of the same book meets a write conflict
 *   and the driver runs its transaction again on the committed balance: two disbursements can
 *   never both spend the same money. A failure after the book's update (a duplicate key on
 *   the entry) aborts the transaction and leaves the book (and the key) as they were.
 */
async function appendEntry(
  ctx: RequestContext,
  models: Models,
  ledger: Ledger,
  input: EntryInput,
  key: string | null,
): Promise<LedgerEntryDoc> {
  const db = models.FundBook.db;
  const request = {
    operation: 'recordFundEntry',
    key,
    input: {
      ledgerId: ledger.ledgerId,
      reference: input.reference,
      type: input.type,
      amount: input.amount,
      date: input.date,
      description: cleanText(input.description),
    },
  };
  for (let attempt = 0; attempt < MAX_APPEND_RETRIES; attempt++) {
    try {
      return await idempotent(ctx, db, request, () => inTransaction(db, () => appendInTransaction(models, ledger, input)));
    } catch (err) {
      // A concurrent request with the same reference committed first: look again.
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  throw new ConflictError({ vi: 'Sổ quỹ đang được ghi đồng thời, hãy thử lại', en: 'The book is busy; try again' }, { field: 'ledger' });
}

/** Inside the transaction: every operation joins it (mongoose's transaction AsyncLocalStorage). */
async function appendInTransaction(models: Models, ledger: Ledger, input: EntryInput): Promise<LedgerEntryDoc> {
  const same = await models.LedgerEntry.findOne(
    { ledgerId: ledger.ledgerId, reference: input.reference },
    { _id: 0 },
  ).lean<LedgerEntryDoc | null>();
  if (same) {
    if (sameEntry(same, input)) return same;
    throw new ConflictError(
      {
        vi: `Số tham chiếu ${input.reference} đã dùng cho bút toán khác`,
        en: `Reference ${input.reference} is already used by another entry`,
      },
      { field: 'reference' },
    );
  }
  const book = await currentBook(models, ledger);
  const next = nextEntry({ seq: book.seq, balanceAfter: book.balance }, input);
  if ('shortfall' in next) {
    throw new ConflictError(
      {
        vi: `Số dư ${next.balance} đồng không đủ để chi ${input.amount} đồng`,
        en: `The balance (${next.balance} VND) does not cover a disbursement of ${input.amount} VND`,
      },
      { field: 'amount', balance: next.balance },
    );
  }
  await models.FundBook.updateOne(
    { ledgerId: ledger.ledgerId },
    { $set: { fund: ledger.fund, ownerCode: ledger.ownerCode, balance: next.balanceAfter, seq: next.seq } },
    { upsert: true },
  );
  const doc: LedgerEntryDoc = {
    ...ledger,
    seq: next.seq,
    balanceAfter: next.balanceAfter,
    reference: input.reference,
    type: input.type as EntryType,
    amount: input.amount,
    date: input.date,
    description: cleanText(input.description),
  };
  await models.LedgerEntry.create([doc]);
  return doc;
}

/** The book's head; for a book whose entries predate heads, what its last entry says. */
async function currentBook(models: Models, ledger: Ledger): Promise<Pick<FundBookDoc, 'seq' | 'balance'>> {
  const book = await models.FundBook.findOne({ ledgerId: ledger.ledgerId }).lean<FundBookDoc | null>();
  if (book) return book;
  const tail = await models.LedgerEntry.findOne({ ledgerId: ledger.ledgerId }).sort({ seq: -1 }).lean<LedgerEntryDoc | null>();
  return { seq: tail?.seq ?? 0, balance: tail?.balanceAfter ?? 0 };
}

/** A book reference checked against the input rules and, for a club fund, the club's existence. */
async function resolveLedger(models: Models, ref: LedgerRef): Promise<{ ledgerId: string; ownerCode: string; fund: FundKind }> {
  const l = ledgerOf(ref);
  if ('field' in l) refuse([l as Problem]);
  const ok = l as { ledgerId: string; ownerCode: string };
  if (ref.fund !== 'CARE' && !(await models.Club.exists({ clubId: ok.ownerCode }))) {
    throw new NotFoundError({ vi: `Không có câu lạc bộ ${ok.ownerCode}`, en: `No club ${ok.ownerCode}` }, { field: 'clubId' });
  }
  return { ...ok, fund: ref.fund };
}

@ArgsType()
class EntriesArgs {
  @Field(() => Int, { nullable: true, description: 'Số phần tử mỗi trang (1-100, mặc định 20). / Page size, 1-100, default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Con trỏ bắt đầu sau. / Start after this cursor.' })
  after?: string | null;
}

@Resolver(() => FundLedger)
export class FundResolver {
  constructor(private readonly models: Models) {}

  @Access('ORGANISATION')
  @Query(() => FundLedger, {
    description: 'Một sổ quỹ với số dư (sổ chưa có bút toán: số dư 0). / One fund book with its balance (0 when empty).',
  })
  async fundLedger(@Arg('ledger', () => FundRefInput) ref: FundRefInput, @Ctx() ctx: RequestContext): Promise<LedgerView> {
    const l = ledgerOf(ref);
    if ('field' in l) refuse([l as Problem]);
    const ok = l as { ledgerId: string; ownerCode: string };
    return ledgerView(ok.ledgerId, ref.fund, ok.ownerCode, await entriesByLedgerLoader(this.models, ctx).load(ok.ledgerId));
  }

  @Access('ORGANISATION')
  @FieldResolver(() => FundEntryConnection, { description: 'Các bút toán theo thứ tự. / Entries in order.' })
  async entries(
    @Root() ledger: LedgerView,
    @Args() { first, after }: EntriesArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<FundEntryConnection> {
    const page = pageRequest(first, after);
    const afterSeq = page.afterKey === null ? 0 : Number(page.afterKey);
    if (!Number.isInteger(afterSeq) || afterSeq < 0) refuse([{ field: 'after', vi: 'Con trỏ không hợp lệ', en: 'Invalid cursor' }]);
    const all = await entriesByLedgerLoader(this.models, ctx).load(ledger.ledgerId);
    const rows = all.filter((e) => e.seq > afterSeq).slice(0, page.limit + 1);
    return toConnection(FundEntryConnection, rows as unknown as FundEntry[], page.limit, (r) => String(r.seq));
  }

  @Access('ORGANISATION_WRITE')
  @Mutation(() => FundEntry, {
    description:
      'Ghi thu/chi vào sổ quỹ (quỹ câu lạc bộ hoặc quỹ chăm sóc NCT). Chi vượt số dư bị từ chối (CONFLICT); cùng số tham chiếu và nội dung: trả lại bút toán đã ghi. / Record a contribution or disbursement; a disbursement above the balance is refused; a retry with the same reference returns the stored entry.',
  })
  async recordFundEntry(
    @Arg('input', () => RecordFundEntryInput) input: RecordFundEntryInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<LedgerEntryDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems = entryProblems(input, ctx.today);
    const l = ledgerOf(input.ledger);
    if ('field' in l) problems.unshift(l as Problem);
    if (problems.length) refuse(problems);
    const ledger = await resolveLedger(this.models, input.ledger);
    return appendEntry(ctx, this.models, ledger, input, key);
  }
}
