import type { CustomerCredit, ErpAdapter } from '../../sync/erp/erp';
import type { CreditSnapshotRead } from '../../sync/flows/credit/sync-credit';
import { availableCredit, discountedAvailability, nearLimit } from '../money/credit';
import type { Money } from '../money/money';
import type { CreditReservations } from './reservations';

/**
 * The on-account credit gate. At the moment of placing an order it decides from the ERP's live figures, minus what
 * our own unconfirmed orders and in-flight checkouts already use, and reserves the order's amount atomically.
 * When the ERP does not answer it falls back to the last credit snapshot, only if it is fresher than the configured
 * age, and then counts only part of what the snapshot says is available. Every decision is logged with its inputs.
 */
export interface CreditGateSettings {
  /** Oldest snapshot the gate will decide on when the ERP is unreachable. */
  snapshotMaxAgeMs: number;
  /** Share of a snapshot's available credit that counts, per mille (e.g. 800 = 80 %). */
  snapshotKeptPerMille: number;
  /** A checkout's hold lapses after this if the process dies mid-placement. */
  holdTtlMs: number;
  /** Warn the buyer when this share of the limit is used, per mille. */
  warnPerMille: number;
  /** How long a live ERP credit read may take before the snapshot is used instead. */
  liveReadTimeoutMs: number;
}

export interface CreditGateDeps {
  erp: Pick<ErpAdapter, 'getCredit'>;
  reservations: CreditReservations;
  readSnapshot: (customerNumber: string) => Promise<CreditSnapshotRead | null>;
  /** Whether the ERP has confirmed (received) this BigCommerce order, so its unbilled figure includes it. */
  isOrderConfirmed: (orderId: number) => Promise<boolean>;
  settings: CreditGateSettings;
  log: (event: string, fields: Record<string, unknown>) => void;
  now?: () => number;
}

export type CreditSource = { kind: 'live' } | { kind: 'snapshot'; asOf: string };

/** What the buyer sees of their credit (cart, account, checkout). Money in minor units of `currency`. */
export interface CreditView {
  customerNumber: string;
  currency: string;
  creditLimit: number | null;
  balance: number;
  unbilledOrders: number;
  pendingExposure: number;
  /** null: no limit configured (on-account not offered). */
  available: number | null;
  onHold: boolean;
  termsName: string | null;
  source: CreditSource;
  nearLimit: boolean;
}

export type CreditUnavailable = { unavailable: true; reason: 'unknown-customer' | 'erp-unreachable'; message: string };

export type CreditRefusal = 'on-hold' | 'insufficient' | 'no-limit' | 'currency-mismatch' | 'unknown-customer' | 'erp-unreachable' | 'already-placed';

export type CreditDecision =
  | { allowed: true; reservationId: string; view: CreditView; availableAfter: number }
  | { allowed: false; refusal: CreditRefusal; message: string; view?: CreditView; available?: number; shortfall?: number };

async function figures(deps: CreditGateDeps, customerNumber: string): Promise<{ credit: CustomerCredit; source: CreditSource } | CreditUnavailable> {
  const now = deps.now?.() ?? Date.now();
  let liveError: unknown;
  try {
    const live = await withTimeout(deps.erp.getCredit(customerNumber), deps.settings.liveReadTimeoutMs);
    if (live === null) return { unavailable: true, reason: 'unknown-customer', message: 'Your company has no account in our ERP; on-account ordering is not available.' };
    return { credit: live, source: { kind: 'live' } };
  } catch (error) {
    liveError = error;
  }
  const snapshot = await deps.readSnapshot(customerNumber);
  const age = snapshot ? now - Date.parse(snapshot.confirmedAt) : Number.POSITIVE_INFINITY;
  deps.log('credit: ERP unreachable, considering the snapshot', {
    customerNumber,
    error: liveError instanceof Error ? liveError.message : String(liveError),
    snapshotConfirmedAt: snapshot?.confirmedAt ?? null,
    snapshotAgeMs: Number.isFinite(age) ? age : null,
    maxAgeMs: deps.settings.snapshotMaxAgeMs,
  });
  if (!snapshot || age > deps.settings.snapshotMaxAgeMs) {
    return {
      unavailable: true,
      reason: 'erp-unreachable',
      message: 'We cannot confirm your credit with our ERP right now, so on-account ordering is paused. You can pay by card, or try again shortly.',
    };
  }
  return { credit: snapshot, source: { kind: 'snapshot', asOf: snapshot.confirmedAt } };
}

/** ERP figures less our own exposure; from a snapshot, only the kept share of it counts. */
function headroomOf(credit: CustomerCredit, source: CreditSource, keptPerMille: number): number | null {
  const erpAvailable = availableCredit({ creditLimit: credit.creditLimit, balance: credit.balance, unbilledOrders: credit.unbilledOrders, pendingExposure: 0 });
  if (erpAvailable === null) return null;
  return source.kind === 'snapshot' ? discountedAvailability(erpAvailable, keptPerMille) : erpAvailable;
}

/**
 * Confirmed orders stop counting as our exposure only against live figures: a snapshot may predate the ERP
 * receiving them, and then nothing else would count them.
 */
async function settleAgainst(deps: CreditGateDeps, customerNumber: string, source: CreditSource): Promise<void> {
  if (source.kind === 'live') await deps.reservations.settle(customerNumber, deps.isOrderConfirmed, deps.now?.());
}

export async function readCreditView(deps: CreditGateDeps, customerNumber: string): Promise<CreditView | CreditUnavailable> {
  const read = await figures(deps, customerNumber);
  if ('unavailable' in read) return read;
  await settleAgainst(deps, customerNumber, read.source);
  const pendingExposure = await deps.reservations.exposure(customerNumber);
  return viewOf(deps, customerNumber, read.credit, read.source, pendingExposure);
}

function viewOf(deps: CreditGateDeps, customerNumber: string, credit: CustomerCredit, source: CreditSource, pendingExposure: number): CreditView {
  const headroom = headroomOf(credit, source, deps.settings.snapshotKeptPerMille);
  const available = headroom === null ? null : headroom - pendingExposure;
  return {
    customerNumber,
    currency: credit.currency,
    creditLimit: credit.creditLimit,
    balance: credit.balance,
    unbilledOrders: credit.unbilledOrders,
    pendingExposure,
    available,
    onHold: credit.onHold,
    termsName: credit.termsName,
    source,
    nearLimit: nearLimit(credit.creditLimit, available, deps.settings.warnPerMille),
  };
}

/**
 * Decides and, when allowed, reserves `amount` under `reservationId` (idempotent per id: a retried placement
 * replaces its own hold). The caller must `markPlaced` after creating the order or `release` if placing fails.
 */
export async function reserveCredit(deps: CreditGateDeps, input: { customerNumber: string; reservationId: string; amount: Money }): Promise<CreditDecision> {
  const { customerNumber, reservationId, amount } = input;
  const read = await figures(deps, customerNumber);
  if (!('unavailable' in read)) await settleAgainst(deps, customerNumber, read.source);
  const decide = (decision: CreditDecision): CreditDecision => {
    deps.log('credit decision', {
      customerNumber,
      reservationId,
      amount: amount.minor,
      currency: amount.currency,
      allowed: decision.allowed,
      ...(decision.allowed ? { availableAfter: decision.availableAfter } : { refusal: decision.refusal, available: decision.available, shortfall: decision.shortfall }),
      source: 'unavailable' in read ? null : read.source,
      erp: 'unavailable' in read ? null : { limit: read.credit.creditLimit, balance: read.credit.balance, unbilled: read.credit.unbilledOrders, onHold: read.credit.onHold },
    });
    return decision;
  };
  if ('unavailable' in read) return decide({ allowed: false, refusal: read.reason, message: read.message });
  const { credit, source } = read;
  const view = viewOf(deps, customerNumber, credit, source, await deps.reservations.exposure(customerNumber));
  if (credit.onHold) {
    return decide({ allowed: false, refusal: 'on-hold', view, message: 'Your company’s account is on credit hold, so on-account orders are paused. Please pay by card or contact your account manager.' });
  }
  if (credit.currency.toUpperCase() !== amount.currency.toUpperCase()) {
    return decide({ allowed: false, refusal: 'currency-mismatch', view, message: `Your credit line is in ${credit.currency}; this order is in ${amount.currency}. Please pay by card.` });
  }
  const headroom = headroomOf(credit, source, deps.settings.snapshotKeptPerMille);
  if (headroom === null) {
    return decide({ allowed: false, refusal: 'no-limit', view, message: 'Your company has no credit limit set up for on-account orders. Please pay by card.' });
  }
  const result = await deps.reservations.reserve(customerNumber, reservationId, amount.minor, headroom, deps.settings.holdTtlMs, deps.now?.());
  if (!result.reserved && 'alreadyPlaced' in result) {
    return decide({ allowed: false, refusal: 'already-placed', view, message: 'This checkout has already placed an order. Check your order history before ordering again.' });
  }
  if (!result.reserved) {
    const available = Math.max(0, result.available);
    return decide({ allowed: false, refusal: 'insufficient', view, available, shortfall: amount.minor - available, message: 'This order is more than your available credit. Pay by card, or reduce the order.' });
  }
  return decide({ allowed: true, reservationId, view: { ...view, available: result.availableAfter + amount.minor }, availableAfter: result.availableAfter });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ERP did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error: unknown) => { clearTimeout(timer); reject(error); },
    );
  });
}
