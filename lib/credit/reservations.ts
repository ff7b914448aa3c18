import type { Redis } from 'ioredis';

/**
 * Credit reserved by our own checkouts, per customer, in one Redis hash (`reservationId → JSON`):
 * - `held`: a checkout is placing an order; expires on its own if the process dies before it finishes;
 * - `placed`: the BigCommerce order exists but the ERP has not confirmed it yet, so its unbilled figure lacks it.
 * The sum of both is the exposure the ERP cannot see. Reserving is one Lua script, so concurrent checkouts against
 * one credit line are serialised by Redis and can never jointly exceed it.
 */
export interface Reservation {
  amount: number;
  state: 'held' | 'placed';
  orderId?: number;
  /** Epoch ms; held reservations only. */
  expiresAt?: number;
  /** Epoch ms the order was created; placed reservations only. */
  placedAt?: number;
}

/**
 * A placed order the ERP has not confirmed after this long was cancelled before posting or is stuck in the
 * dead-letter queue for someone to fix; it stops counting rather than shrink the credit line for good.
 */
export const PLACED_EXPOSURE_MAX_AGE_MS = 7 * 86_400_000;

/**
 * KEYS[1] reservations hash. ARGV: now ms, reservation id, amount, headroom (what the ERP figures allow before our
 * exposure), hold ttl ms. Expired holds are dropped; a retry with the same id replaces its own hold.
 * Returns {1, availableAfter} when reserved, {0, availableBefore} when the amount does not fit, {-1, 0} when this
 * id already belongs to a placed order.
 */
const RESERVE = `
local now = tonumber(ARGV[1])
local exposure = 0
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  local id, r = fields[i], cjson.decode(fields[i + 1])
  if r.state == 'held' and r.expiresAt and r.expiresAt <= now then
    redis.call('HDEL', KEYS[1], id)
  elseif id == ARGV[2] and r.state == 'placed' then
    -- This checkout already became an order: a retry must not turn its exposure back into a fresh hold.
    return {-1, 0}
  elseif id ~= ARGV[2] then
    exposure = exposure + r.amount
  end
end
local available = tonumber(ARGV[4]) - exposure
local amount = tonumber(ARGV[3])
if amount > available then return {0, available} end
redis.call('HSET', KEYS[1], ARGV[2], cjson.encode({amount = amount, state = 'held', expiresAt = now + tonumber(ARGV[5])}))
redis.call('PEXPIRE', KEYS[1], 30 * 86400000)
return {1, available - amount}
`;

/** Only a hold may become placed: a hold that expired (or was released) must not come back as exposure silently. */
const PLACE = `
local r = redis.call('HGET', KEYS[1], ARGV[1])
if not r then return 0 end
local v = cjson.decode(r)
v.state = 'placed'
v.orderId = tonumber(ARGV[2])
v.expiresAt = nil
v.placedAt = tonumber(ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(v))
return 1
`;

/** Where one customer's reservations live (the app's; tests use their own prefixes). */
export function reservationsKey(storeHash: string, customerNumber: string): string {
  return `credit:${storeHash}:reservations:${customerNumber}`;
}

export type ReserveResult = { reserved: true; availableAfter: number } | { reserved: false; available: number } | { reserved: false; alreadyPlaced: true };

export class CreditReservations {
  constructor(
    private readonly redis: Redis,
    private readonly keyOf: (customerNumber: string) => string,
  ) {}

  async reserve(customerNumber: string, id: string, amount: number, headroom: number, holdTtlMs: number, now = Date.now()): Promise<ReserveResult> {
    const [ok, value] = (await this.redis.eval(RESERVE, 1, this.keyOf(customerNumber), now, id, amount, headroom, holdTtlMs)) as [number, number];
    if (ok === -1) return { reserved: false, alreadyPlaced: true };
    return ok === 1 ? { reserved: true, availableAfter: value } : { reserved: false, available: value };
  }

  /** The order was created: the reservation stays as exposure until the ERP confirms the order. */
  async markPlaced(customerNumber: string, id: string, orderId: number): Promise<boolean> {
    return (await this.redis.eval(PLACE, 1, this.keyOf(customerNumber), id, orderId, Date.now())) === 1;
  }

  async release(customerNumber: string, id: string): Promise<void> {
    await this.redis.hdel(this.keyOf(customerNumber), id);
  }

  async list(customerNumber: string, now = Date.now()): Promise<Map<string, Reservation>> {
    const all = await this.redis.hgetall(this.keyOf(customerNumber));
    const live = new Map<string, Reservation>();
    for (const [id, text] of Object.entries(all)) {
      const reservation = JSON.parse(text) as Reservation;
      if (reservation.state === 'held' && (reservation.expiresAt ?? 0) <= now) continue;
      live.set(id, reservation);
    }
    return live;
  }

  /**
   * Drops placed reservations whose orders the ERP has confirmed (its unbilled figure, read live just now, includes
   * them) or that are older than PLACED_EXPOSURE_MAX_AGE_MS.
   */
  async settle(customerNumber: string, isConfirmed: (orderId: number) => Promise<boolean>, now = Date.now()): Promise<void> {
    for (const [id, reservation] of await this.list(customerNumber, now)) {
      if (reservation.state !== 'placed' || reservation.orderId === undefined) continue;
      const tooOld = reservation.placedAt !== undefined && now - reservation.placedAt > PLACED_EXPOSURE_MAX_AGE_MS;
      if (tooOld || (await isConfirmed(reservation.orderId))) await this.release(customerNumber, id);
    }
  }

  async exposure(customerNumber: string): Promise<number> {
    let sum = 0;
    for (const reservation of (await this.list(customerNumber)).values()) sum += reservation.amount;
    return sum;
  }
}
