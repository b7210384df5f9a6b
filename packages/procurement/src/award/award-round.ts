import { getCurrency, type Money, parseInput } from '@s2b2b/core';
import { rationUnits } from '../allocation/ration.js';
import { roundInBlocks } from '../allocation/round-in-blocks.js';
import { shareCost } from '../allocation/share-cost.js';
import { standaloneCost } from '../allocation/standalone.js';
import { compareCodePoints } from '../common/compare.js';
import { divRound, moneyFromScaled, pow10 } from '../common/scaled.js';
import type { Agreement } from '../pricing/schemas.js';
import { qualifyParsed } from '../qualification/qualify.js';
import type { Supplier } from '../qualification/schemas.js';
import { type AwardedQuantity, awardSkuDemand } from './award-sku.js';
import { selectOffers } from './eligibility.js';
import { type AwardRoundInput, type AwardRoundParsed, awardRoundSchema } from './schemas.js';
import type {
  AwardLine,
  LineAllocation,
  MerchantAllocation,
  PurchaseOrderDraft,
  PurchaseOrderLine,
  RoundAward,
  SkuAward,
} from './types.js';

/**
 * Awards a closed buying round and passes the cost back to the merchants — the pure core of
 * `closeRound`, usable on its own.
 *
 * Per SKU: the eligible agreements (`selectOffers`: qualified suppliers, valid agreements,
 * capacity left, …; the others listed with every reason) supply the pooled demand exactly at
 * least cost (`planSupply`: the most that whole packs above the MOQs and within capacity can
 * make up, never more than the demand — the rest is `unmet`, never an error); if less than the
 * demand is bought, the fills are rationed (`rationing`). Each request line then pays its share
 * of the SKU's invoices by **the uniform pooled price, capped at its stand-alone cost**
 * (`shareCost`, `standaloneCost`), rounded by largest remainder with equal requests as a block:
 *
 * - the amounts of a SKU sum exactly to its supplier invoice lines, so all amounts sum to the
 *   purchase orders' totals;
 * - no request line pays more than its stand-alone cost (its saving is never negative);
 * - equal fills of a SKU pay equal amounts (but for the one block a rounding residue smaller
 *   than it must split, one minor unit apart);
 * - each amount is within one minor unit of its exact share.
 *
 * @throws ValidationError on the input (unknown SKUs and regions in requests name their path);
 *   DomainError `AWARD_TOO_LARGE`, `AWARD_OUT_OF_RANGE` (see `awardSkuDemand`)
 * @example
 * const award = awardRound({
 *   roundId: 'R-1', at: '2026-03-10T10:00:00+08:00', regions: ['华东'], skus: [{ sku: 'MILK-1L' }],
 *   requests: [
 *     { requestId: 'q1', merchantId: 'M-1', region: '华东', lines: [{ sku: 'MILK-1L', quantity: 60 }] },
 *     { requestId: 'q2', merchantId: 'M-2', region: '华东', lines: [{ sku: 'MILK-1L', quantity: 40 }] },
 *   ],
 *   agreements: [{
 *     agreementId: 'AG-1', supplierId: 'SUP-1', sku: 'MILK-1L', validFrom: '2026-01-01T00:00:00+08:00',
 *     tiers: [{ minQuantity: 1, unitPrice: '5.00' }, { minQuantity: 100, unitPrice: '4.50' }],
 *   }],
 *   suppliers: [{ supplierId: 'SUP-1' }],
 * });
 * award.merchants.map((m) => [m.merchantId, m.amount.toString(), m.saving.toString()])
 * // [['M-1', '270.00 CNY', '30.00 CNY'], ['M-2', '180.00 CNY', '20.00 CNY']]
 */
export function awardRound(input: AwardRoundInput): RoundAward {
  const round = parseInput(awardRoundSchema, input);
  return awardParsedRound(round);
}

/**
 * {@link awardRound} on validated input.
 *
 * @example
 * awardParsedRound(awardRoundSchema.parse(input))
 */
export function awardParsedRound(round: AwardRoundParsed): RoundAward {
  const currency = round.currency;
  const minorDigits = getCurrency(currency).minorDigits;
  const money = moneyCache(currency);
  const suppliers = new Map<string, Supplier>(round.suppliers.map((s) => [s.supplierId, s]));
  const capacityUsed = new Map(round.capacityUsed.map((c) => [c.agreementId, c.used]));
  const agreementsBySku = new Map<string, Agreement[]>();
  for (const agreement of round.agreements) {
    const list = agreementsBySku.get(agreement.sku);
    if (list) list.push(agreement);
    else agreementsBySku.set(agreement.sku, [agreement]);
  }

  // request lines by SKU, in submission order
  const linesBySku = new Map<string, { request: number; line: number; quantity: number }[]>();
  round.requests.forEach((request, r) => {
    request.lines.forEach((line, l) => {
      const list = linesBySku.get(line.sku);
      const entry = { request: r, line: l, quantity: line.quantity };
      if (list) list.push(entry);
      else linesBySku.set(line.sku, [entry]);
    });
  });
  const results: { amount: bigint; standalone: bigint; filled: number }[][] = round.requests.map((request) =>
    request.lines.map(() => ({ amount: 0n, standalone: 0n, filled: 0 })),
  );

  const skuAwards: SkuAward[] = [];
  const poLines = new Map<string, PurchaseOrderLine[]>();
  const capacity: RoundAward['capacity'] = [];
  let totalCost = 0n;
  let totalStandalone = 0n;
  let totalDemand = 0;
  let totalFilled = 0;

  for (const roundSku of round.skus) {
    const sku = roundSku.sku;
    const requestLines = linesBySku.get(sku) ?? [];
    const demand = requestLines.reduce((total, line) => total + line.quantity, 0);
    const { offers, excluded } = selectOffers(agreementsBySku.get(sku) ?? [], suppliers, {
      at: round.at,
      currency,
      regions: round.regions,
      needBy: round.needBy,
      requiredDocuments: [...new Set([...round.requiredDocuments, ...roundSku.requiredDocuments])],
      zone: round.zone,
      capacityUsed,
    });
    const { filled, lines } =
      demand > 0 && offers.length > 0
        ? awardSkuDemand(sku, demand, offers, minorDigits, round.rounding)
        : { filled: 0, lines: [] as AwardedQuantity[] };

    const fills = rationUnits(
      requestLines.map((line) => line.quantity),
      filled,
      round.rationing,
    );
    const cost = lines.reduce((total, line) => total + line.amountMinor, 0n);
    const standaloneByFill = new Map<number, bigint>();
    const standaloneOf = (f: number) => {
      let value = standaloneByFill.get(f);
      if (value === undefined) {
        value = standaloneCost(f, filled, lines, minorDigits);
        standaloneByFill.set(f, value);
      }
      return value;
    };
    const amounts = shareCost(cost, fills, standaloneOf);
    let standalone = 0n;
    requestLines.forEach((line, i) => {
      const result = results[line.request]![line.line]!;
      result.filled = fills[i]!;
      result.amount = amounts[i]!;
      result.standalone = standaloneOf(fills[i]!);
      standalone += result.standalone;
    });

    const awardLines: AwardLine[] = lines.map((line) => toAwardLine(sku, line, currency));
    // deliveries: each region's filled units split over the SKU's lines, line by line
    const regionUnits = new Map<string, number>();
    requestLines.forEach((line, i) => {
      const region = round.requests[line.request]!.region;
      regionUnits.set(region, (regionUnits.get(region) ?? 0) + fills[i]!);
    });
    const deliveries = splitByRegion(
      lines.map((line) => line.quantity),
      [...regionUnits].filter(([, units]) => units > 0),
    );
    lines.forEach((line, index) => {
      const supplierId = line.offer.supplier.supplierId;
      const list = poLines.get(supplierId) ?? [];
      const awardLine = awardLines[index]!;
      list.push({
        sku,
        agreementId: line.offer.agreement.agreementId,
        quantity: line.quantity,
        tier: line.tier,
        unitPrice: awardLine.unitPrice,
        amount: awardLine.amount,
        deliveries: deliveries[index]!,
      });
      poLines.set(supplierId, list);
      if (line.offer.capacity) {
        capacity.push({
          agreementId: line.offer.agreement.agreementId,
          periodStart: line.offer.capacity.periodStart,
          quantity: line.quantity,
          limit: line.offer.capacity.limit,
        });
      }
    });

    totalCost += cost;
    totalStandalone += standalone;
    totalDemand += demand;
    totalFilled += filled;
    skuAwards.push({
      sku,
      demand,
      filled,
      unmet: demand - filled,
      cost: money(cost),
      unitPrice: filled > 0 ? averagePrice(cost, filled, minorDigits, currency) : null,
      standalone: money(standalone),
      saving: money(standalone - cost),
      lines: awardLines,
      excluded,
      eligible: offers.length,
    });
  }

  const allocations: LineAllocation[] = [];
  const merchants = new Map<
    string,
    { requested: number; filled: number; amount: bigint; standalone: bigint }
  >();
  round.requests.forEach((request, r) => {
    const merchant = merchants.get(request.merchantId) ?? {
      requested: 0,
      filled: 0,
      amount: 0n,
      standalone: 0n,
    };
    request.lines.forEach((line, l) => {
      const result = results[r]![l]!;
      allocations.push({
        requestId: request.requestId,
        merchantId: request.merchantId,
        region: request.region,
        sku: line.sku,
        requested: line.quantity,
        filled: result.filled,
        unmet: line.quantity - result.filled,
        amount: money(result.amount),
        standalone: money(result.standalone),
        saving: money(result.standalone - result.amount),
      });
      merchant.requested += line.quantity;
      merchant.filled += result.filled;
      merchant.amount += result.amount;
      merchant.standalone += result.standalone;
    });
    merchants.set(request.merchantId, merchant);
  });
  const merchantList: MerchantAllocation[] = [...merchants]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([merchantId, m]) => ({
      merchantId,
      requested: m.requested,
      filled: m.filled,
      amount: money(m.amount),
      standalone: money(m.standalone),
      saving: money(m.standalone - m.amount),
      savingRate: m.standalone > 0n ? Number(m.standalone - m.amount) / Number(m.standalone) : 0,
    }));

  const purchaseOrders: PurchaseOrderDraft[] = [...poLines]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([supplierId, lines]) => ({
      purchaseOrderId: `${round.roundId}/${supplierId}`,
      roundId: round.roundId,
      supplierId,
      currency,
      needBy: round.needBy,
      lines,
      total: lines.reduce((total, line) => total.add(line.amount), money(0n)),
    }));

  const qualification = round.suppliers.map((supplier) =>
    qualifyParsed(supplier, round.requiredDocuments, round.at, round.needBy),
  );

  return {
    roundId: round.roundId,
    currency,
    at: round.at,
    skus: skuAwards,
    allocations,
    merchants: merchantList,
    purchaseOrders,
    qualification,
    capacity,
    totals: {
      demand: totalDemand,
      filled: totalFilled,
      unmet: totalDemand - totalFilled,
      cost: money(totalCost),
      standalone: money(totalStandalone),
      saving: money(totalStandalone - totalCost),
    },
  };
}

/** Splits each region's units over the lines in order: line by line, by largest remainder of what is left. */
function splitByRegion(lineUnits: readonly number[], regions: readonly [string, number][]) {
  const left = regions.map(([, units]) => units);
  return lineUnits.map((units, index) => {
    let parts: number[];
    if (index === lineUnits.length - 1) parts = [...left];
    else {
      const remaining = left.reduce((total, u) => total + u, 0);
      const rounded = roundInBlocks(
        left.map((u) => ({ size: 1, numerator: BigInt(units) * BigInt(u) })),
        BigInt(remaining),
      );
      parts = rounded.map((r) => Number(r.base) + r.extra);
    }
    parts.forEach((part, r) => {
      left[r]! -= part;
    });
    return regions
      .map(([region], r) => ({ region, quantity: parts[r]! }))
      .filter((delivery) => delivery.quantity > 0);
  });
}

function toAwardLine(sku: string, line: AwardedQuantity, currency: string): AwardLine {
  const { curve } = line;
  const unitPrice =
    curve.mode === 'all-units'
      ? moneyFromScaled(curve.prices[line.tier]!, curve.scale, currency)
      : (() => {
          const places = Math.max(6, curve.scale);
          const value = divRound(
            line.exactCost * pow10(places - curve.scale),
            BigInt(line.quantity),
            'half-even',
          );
          return moneyFromScaled(value, places, currency);
        })();
  return {
    sku,
    supplierId: line.offer.supplier.supplierId,
    agreementId: line.offer.agreement.agreementId,
    quantity: line.quantity,
    tier: line.tier,
    unitPrice,
    exactAmount: moneyFromScaled(line.exactCost, curve.scale, currency),
    amount: moneyFromScaled(line.amountMinor, getCurrency(currency).minorDigits, currency),
  };
}

function averagePrice(costMinor: bigint, filled: number, minorDigits: number, currency: string): Money {
  const places = Math.max(6, minorDigits);
  return moneyFromScaled(
    divRound(costMinor * pow10(places - minorDigits), BigInt(filled), 'half-even'),
    places,
    currency,
  );
}

/** Money from minor units, one object per distinct amount (they are immutable). */
function moneyCache(currency: string): (minor: bigint) => Money {
  const cache = new Map<bigint, Money>();
  const minorDigits = getCurrency(currency).minorDigits;
  return (minor) => {
    let value = cache.get(minor);
    if (value === undefined) {
      value = moneyFromScaled(minor, minorDigits, currency);
      if (cache.size < 100_000) cache.set(minor, value);
    }
    return value;
  };
}
