import { getCurrency, Money } from '@s2b2b/core';
import { rationUnits } from '../allocation/ration.js';
import { roundInBlocks } from '../allocation/round-in-blocks.js';
import { shareCostBlocks } from '../allocation/share-cost.js';
import { standaloneCost } from '../allocation/standalone.js';
import { compareCodePoints } from '../common/compare.js';
import type { ExclusionReason } from '../common/exclusions.js';
import { type Period, periodStart } from '../common/periods.js';
import { divRound, moneyFromScaled, pow10 } from '../common/scaled.js';
import type { Agreement } from '../pricing/schemas.js';
import { qualifyParsed } from '../qualification/qualify.js';
import type { Supplier } from '../qualification/schemas.js';
import { type AwardedQuantity, awardSkuDemand } from './award-sku.js';
import { selectOffers } from './eligibility.js';
import { parseAwardRound } from './parse-round.js';
import type { AwardRoundInput, AwardRoundParsed } from './schemas.js';
import { createSupplyWorkspace } from './supply-plan.js';
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
  return awardParsedRound(parseAwardRound(input));
}

/**
 * {@link awardRound} on validated input (`parseAwardRound` or `awardRoundSchema.parse`).
 *
 * @example
 * awardParsedRound(parseAwardRound(input))
 */
export function awardParsedRound(round: AwardRoundParsed): RoundAward {
  const currency = round.currency;
  const minorDigits = getCurrency(currency).minorDigits;
  const money = (minor: bigint) => Money.fromMinor(minor, currency);
  const suppliers = new Map<string, Supplier>(round.suppliers.map((s) => [s.supplierId, s]));
  const capacityUsed = new Map(round.capacityUsed.map((c) => [c.agreementId, c.used]));
  const agreementsBySku = new Map<string, Agreement[]>();
  for (const agreement of round.agreements) {
    const list = agreementsBySku.get(agreement.sku);
    if (list) list.push(agreement);
    else agreementsBySku.set(agreement.sku, [agreement]);
  }

  // request lines grouped by SKU (a counting sort), in submission order within each SKU; a
  // line's position is its place in the allocations (requests in order, lines in order)
  const skuIndex = new Map(round.skus.map((sku, index) => [sku.sku, index]));
  const regionIndex = new Map(round.regions.map((region, index) => [region, index]));
  let lineCount = 0;
  for (const request of round.requests) lineCount += request.lines.length;
  // each line's SKU and each request's region looked up once
  const lineSku = new Int32Array(lineCount);
  const requestRegion = new Int32Array(round.requests.length);
  const starts = new Int32Array(round.skus.length + 1);
  {
    let position = 0;
    round.requests.forEach((request, r) => {
      requestRegion[r] = regionIndex.get(request.region)!;
      for (const line of request.lines) {
        const k = skuIndex.get(line.sku)!;
        lineSku[position++] = k;
        starts[k + 1]! += 1;
      }
    });
  }
  for (let k = 1; k <= round.skus.length; k++) starts[k]! += starts[k - 1]!;
  const slotOf = new Int32Array(lineCount);
  const lineRegion = new Int32Array(lineCount);
  const lineQuantity = new Int32Array(lineCount);
  {
    const cursor = starts.slice(0, round.skus.length);
    let position = 0;
    round.requests.forEach((request, r) => {
      const region = requestRegion[r]!;
      for (const line of request.lines) {
        const slot = cursor[lineSku[position]!]!++;
        slotOf[position++] = slot;
        lineRegion[slot] = region;
        lineQuantity[slot] = line.quantity;
      }
    });
  }
  // each slot's outcome, filled SKU by SKU and read back in request order: the fill, what it
  // pays and costs alone (minor units), and its three amounts as indexes into `values`
  const lineFill = new Int32Array(lineCount);
  const linePaid = new Float64Array(lineCount);
  const lineOwn = new Float64Array(lineCount);
  const lineValues = new Int32Array(3 * lineCount);
  const values: Money[] = [];
  const value = (amount: Money) => values.push(amount) - 1;
  // merchant totals in minor units as numbers (exact below 2^53; checked at the end)
  const merchants = new Map<
    string,
    { requested: number; filled: number; amount: number; standalone: number }
  >();
  const periodStarts = new Map<string, Date>();
  // suppliers qualified once against the round's own requirements (SKUs with more are judged apart)
  const roundQualification = new Map<string, ExclusionReason[]>();
  const qualifyForRound = (supplier: Supplier) => {
    let reasons = roundQualification.get(supplier.supplierId);
    if (!reasons) {
      reasons = qualifyParsed(supplier, round.requiredDocuments, round.at, round.needBy).reasons;
      roundQualification.set(supplier.supplierId, reasons);
    }
    return reasons;
  };
  const capacityPeriodStart = (period: Period) => {
    let start = periodStarts.get(period);
    if (!start) {
      start = periodStart(round.at, period, round.zone);
      periodStarts.set(period, start);
    }
    return start;
  };

  const skuAwards: SkuAward[] = [];
  const poLines = new Map<string, PurchaseOrderLine[]>();
  const capacity: RoundAward['capacity'] = [];
  let totalCost = 0n;
  let totalStandalone = 0n;
  let totalDemand = 0;
  let totalFilled = 0;
  const workspace = createSupplyWorkspace();

  round.skus.forEach((roundSku, k) => {
    const sku = roundSku.sku;
    const first = starts[k]!;
    const count = starts[k + 1]! - first;
    const requested = Array.from(lineQuantity.subarray(first, first + count));
    let demand = 0;
    for (const quantity of requested) demand += quantity;
    const { offers, excluded } = selectOffers(agreementsBySku.get(sku) ?? [], suppliers, {
      at: round.at,
      currency,
      regions: round.regions,
      needBy: round.needBy,
      requiredDocuments:
        roundSku.requiredDocuments.length === 0
          ? round.requiredDocuments
          : [...new Set([...round.requiredDocuments, ...roundSku.requiredDocuments])],
      zone: round.zone,
      capacityUsed,
      capacityPeriodStart,
      qualify: roundSku.requiredDocuments.length === 0 ? qualifyForRound : undefined,
    });
    const { filled, lines } =
      demand > 0 && offers.length > 0
        ? awardSkuDemand(sku, demand, offers, minorDigits, round.rounding, workspace)
        : { filled: 0, lines: [] as AwardedQuantity[] };
    const fills = rationUnits(requested, filled, round.rationing);
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
    const blocks = shareCostBlocks(cost, fills, standaloneOf);
    let standalone = 0n;
    const zero = value(money(0n));
    for (let i = 0; i < count; i++) {
      lineValues[3 * (first + i)] = zero;
      lineValues[3 * (first + i) + 1] = zero;
      lineValues[3 * (first + i) + 2] = zero;
    }
    // one Money per block value (base, base + 1 minor unit), shared by the block's members
    for (const block of blocks) {
      const alone = value(money(block.standalone));
      const low = value(money(block.base));
      const lowSaving = value(money(block.standalone - block.base));
      const high = block.extra > 0 ? value(money(block.base + 1n)) : low;
      const highSaving = block.extra > 0 ? value(money(block.standalone - block.base - 1n)) : lowSaving;
      standalone += block.standalone * BigInt(block.members.length);
      const own = Number(block.standalone);
      const paid = Number(block.base);
      block.members.forEach((member, m) => {
        const slot = first + member;
        const up = m < block.extra;
        lineFill[slot] = block.units;
        linePaid[slot] = up ? paid + 1 : paid;
        lineOwn[slot] = own;
        lineValues[3 * slot] = up ? high : low;
        lineValues[3 * slot + 1] = alone;
        lineValues[3 * slot + 2] = up ? highSaving : lowSaving;
      });
    }
    const awardLines: AwardLine[] = lines.map((line) => toAwardLine(sku, line, currency));
    // deliveries: each region's filled units split over the SKU's lines, line by line
    const regionUnits = new Array<number>(round.regions.length).fill(0);
    for (let i = 0; i < count; i++) regionUnits[lineRegion[first + i]!]! += fills[i]!;
    const deliveries = splitByRegion(
      lines.map((line) => line.quantity),
      round.regions.flatMap((region, r): [string, number][] =>
        regionUnits[r]! > 0 ? [[region, regionUnits[r]!]] : [],
      ),
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
  });
  // the allocations in request order, and each merchant's totals
  const allocations = new Array<LineAllocation>(lineCount);
  let position = 0;
  for (const request of round.requests) {
    let merchant = merchants.get(request.merchantId);
    if (!merchant) {
      merchant = { requested: 0, filled: 0, amount: 0, standalone: 0 };
      merchants.set(request.merchantId, merchant);
    }
    for (const line of request.lines) {
      const slot = slotOf[position]!;
      const fill = lineFill[slot]!;
      allocations[position++] = {
        requestId: request.requestId,
        merchantId: request.merchantId,
        region: request.region,
        sku: line.sku,
        requested: line.quantity,
        filled: fill,
        unmet: line.quantity - fill,
        amount: values[lineValues[3 * slot]!]!,
        standalone: values[lineValues[3 * slot + 1]!]!,
        saving: values[lineValues[3 * slot + 2]!]!,
      };
      merchant.requested += line.quantity;
      merchant.filled += fill;
      merchant.amount += linePaid[slot]!;
      merchant.standalone += lineOwn[slot]!;
    }
  }
  // a merchant past 2^53 minor units (beyond any real round) is summed again in bigint
  const exactTotals = (merchantId: string) => {
    let amount = 0n;
    let standalone = 0n;
    for (const a of allocations) {
      if (a.merchantId !== merchantId) continue;
      amount += a.amount.toMinorUnits();
      standalone += a.standalone.toMinorUnits();
    }
    return { amount, standalone };
  };
  const merchantList: MerchantAllocation[] = [...merchants]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([merchantId, m]) => {
      const { amount, standalone } = Number.isSafeInteger(m.standalone)
        ? { amount: BigInt(m.amount), standalone: BigInt(m.standalone) }
        : exactTotals(merchantId);
      return {
        merchantId,
        requested: m.requested,
        filled: m.filled,
        amount: money(amount),
        standalone: money(standalone),
        saving: money(standalone - amount),
        savingRate: standalone > 0n ? Number(standalone - amount) / Number(standalone) : 0,
      };
    });
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
