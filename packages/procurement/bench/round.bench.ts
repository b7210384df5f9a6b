/**
 * One buying round at platform scale: up to 1,000,000 requests across 10,000 SKUs and 50
 * suppliers (seeded), validated, awarded exactly and allocated back to the merchants.
 * Run: `pnpm bench round`.
 *
 * Stages, each with wall and CPU seconds (`process.cpuUsage`; CPU includes V8's helper threads,
 * so on an idle machine it can pass the wall time, on a shared one the wall time passes it):
 * - validate — `parseAwardRound`: the round and market through zod, the requests by hand;
 * - award + allocate — `awardParsedRound`: eligibility, the exact award per SKU, rationing,
 *   stand-alone costs, the allocation by largest remainder, purchase orders, merchant totals;
 * - of which the exact award — the same `selectOffers` + `awardSkuDemand` per SKU timed again
 *   in a pass of their own (the dynamic programme over each SKU's pooled quantity).
 * Memory: the JavaScript heap the input and the result hold (after a forced GC), and the
 * process's peak resident set. Last, the 1M round validated by `awardRoundSchema.parse` alone
 * (what `parseAwardRound` replaces) for comparison.
 *
 * The market: each SKU has 3-8 agreements from the 50 suppliers (all-units tiers, one in five
 * incremental; 2-4 tiers stepping 3-8 % down; MOQs, packs of 1/6/12/24, a capacity on one in
 * three), 2 of the 50 suppliers hold an expired licence and 1 a blocking standing. Requests ask
 * 1-60 units of a SKU drawn with a skewed popularity (the top 1 % of SKUs get 10 % of the
 * requests; the largest pools about 300,000 units), from 50,000 merchants in 4 regions.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createRng } from '@s2b2b/core';
import {
  type AwardRoundInput,
  type AwardRoundParsed,
  awardParsedRound,
  awardRoundSchema,
  awardSkuDemand,
  createSupplyWorkspace,
  type Period,
  parseAwardRound,
  periodStart,
  type RoundAward,
  selectOffers,
} from '../src/index.ts';

const AT = '2026-03-10T10:00:00+08:00';

function market(requests: number, skus: number, suppliers: number, seed: number): AwardRoundInput {
  const rng = createRng(`round-bench/${seed}`);
  const supplierList = Array.from({ length: suppliers }, (_, i) => ({
    supplierId: `SUP-${String(i).padStart(2, '0')}`,
    documents: [{ kind: 'business-licence', expiresAt: i < 2 ? '2026-01-01T00:00:00+08:00' : null }],
    rating:
      i === 2
        ? { score: 22.5, standing: 'Very Poor', blocksAwards: true, asOf: AT }
        : { score: 50 + rng.int(0, 49), standing: 'Average', blocksAwards: false, asOf: AT },
  }));
  const agreements: AwardRoundInput['agreements'] = [];
  const skuList = Array.from({ length: skus }, (_, s) => ({ sku: `SKU-${String(s).padStart(5, '0')}` }));
  for (const { sku } of skuList) {
    const base = rng.int(300, 50_000); // 3.00 - 500.00
    const count = rng.int(3, 8);
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(rng.int(0, suppliers - 1));
    for (const supplier of chosen) {
      const tiers = [{ minQuantity: 1, unitPrice: ((base * (0.95 + 0.1 * rng.next())) / 100).toFixed(2) }];
      const steps = rng.int(1, 3);
      let min = 1;
      for (let k = 0; k < steps; k++) {
        min += rng.int(20, 200) * (k + 1);
        const previous = Number(tiers[tiers.length - 1]!.unitPrice);
        tiers.push({ minQuantity: min, unitPrice: (previous * (1 - 0.03 - 0.05 * rng.next())).toFixed(2) });
      }
      const pack = [1, 6, 12, 24][rng.int(0, 3)]!;
      agreements.push({
        agreementId: `${sku}/${supplier}`,
        supplierId: supplierList[supplier]!.supplierId,
        sku,
        pricing: rng.next() < 0.2 ? 'incremental' : 'all-units',
        tiers,
        moq: pack * rng.int(1, 4),
        packSize: pack,
        capacity: rng.next() < 1 / 3 ? { quantity: rng.int(50, 400), period: 'month' } : null,
        validFrom: '2026-01-01T00:00:00+08:00',
      });
    }
  }
  const regions = ['华东', '华南', '华北', '西南'];
  const requestList: AwardRoundInput['requests'] = new Array(requests);
  for (let r = 0; r < requests; r++) {
    // skewed popularity: SKU index ~ skus × u²
    const u = rng.next();
    const sku = skuList[Math.min(skus - 1, Math.floor(skus * u * u))]!.sku;
    requestList[r] = {
      requestId: `q${r}`,
      merchantId: `M-${rng.int(0, 49_999)}`,
      region: regions[rng.int(0, 3)]!,
      lines: [{ sku, quantity: rng.int(1, 60) }],
    };
  }
  return {
    roundId: 'BENCH',
    at: AT,
    regions,
    skus: skuList,
    requiredDocuments: ['business-licence'],
    requests: requestList,
    agreements,
    suppliers: supplierList,
  };
}

/** The exact award of every SKU on its own, as `awardParsedRound` runs it (no allocation). */
function awardOnly(round: AwardRoundParsed): number {
  const suppliers = new Map(round.suppliers.map((s) => [s.supplierId, s]));
  const bySku = new Map<string, AwardRoundParsed['agreements']>();
  for (const agreement of round.agreements) {
    const list = bySku.get(agreement.sku);
    if (list) list.push(agreement);
    else bySku.set(agreement.sku, [agreement]);
  }
  const demand = new Map<string, number>();
  for (const request of round.requests) {
    for (const line of request.lines) demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity);
  }
  const starts = new Map<Period, Date>();
  const workspace = createSupplyWorkspace();
  let filled = 0;
  for (const { sku } of round.skus) {
    const { offers } = selectOffers(bySku.get(sku) ?? [], suppliers, {
      at: round.at,
      currency: round.currency,
      regions: round.regions,
      needBy: round.needBy,
      requiredDocuments: round.requiredDocuments,
      zone: round.zone,
      capacityUsed: new Map(),
      capacityPeriodStart: (period) => {
        let start = starts.get(period);
        if (!start) {
          start = periodStart(round.at, period, round.zone);
          starts.set(period, start);
        }
        return start;
      },
    });
    const units = demand.get(sku) ?? 0;
    if (units > 0 && offers.length > 0) {
      filled += awardSkuDemand(sku, units, offers, 2, round.rounding, workspace).filled;
    }
  }
  return filled;
}

// a gc() of our own, so that the heap figures are exact without node flags
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)}`;

interface Timed<T> {
  value: T;
  wall: number;
  cpu: number;
}
function timed<T>(step: () => T): Timed<T> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = step();
  const used = process.cpuUsage(cpu);
  return { value, wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
}
const s = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(2)} / ${t.cpu.toFixed(2)}`;

console.log(
  '| requests | SKUs | agreements | validate s | award + allocate s | of which exact award s | total s | heap: input MB | heap: result MB | peak RSS MB | saving | unmet |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
let last: RoundAward | undefined;
let lastInput: AwardRoundInput | undefined;
for (const [requests, skus] of [
  [10_000, 1_000],
  [100_000, 10_000],
  [1_000_000, 10_000],
] as const) {
  last = undefined;
  lastInput = undefined;
  const before = heap();
  const input = market(requests, skus, 50, 1);
  const withInput = heap();
  const validate = timed(() => parseAwardRound(input));
  const award = timed(() => awardParsedRound(validate.value));
  const withResult = heap();
  const exact = timed(() => awardOnly(validate.value));
  if (exact.value !== award.value.totals.filled) throw new Error('the award-only pass bought something else');
  const { totals } = award.value;
  const rate = Number(totals.saving.amount()) / Number(totals.standalone.amount());
  const total = { wall: validate.wall + award.wall, cpu: validate.cpu + award.cpu };
  console.log(
    `| ${requests.toLocaleString('en-US')} | ${skus.toLocaleString('en-US')} | ${input.agreements.length.toLocaleString('en-US')} | ${s(validate)} | ${s(award)} | ${s(exact)} | ${s(total)} | ${mb(withInput - before)} | ${mb(withResult - withInput)} | ${Math.round(process.resourceUsage().maxRSS / 1024)} | ${(100 * rate).toFixed(2)} % | ${((100 * totals.unmet) / totals.demand).toFixed(2)} % |`,
  );
  last = award.value;
  lastInput = input;
}
if (last && lastInput) {
  const input = lastInput;
  const zod = timed(() => awardRoundSchema.parse(input).requests.length);
  console.log(
    `\nValidating the 1M round with awardRoundSchema.parse instead (zod copies every request): ${s(zod)} s.`,
  );
  const { totals, purchaseOrders, merchants, skus } = last;
  console.log(
    `seconds are wall / CPU. The 1M round: ${totals.demand.toLocaleString('en-US')} units requested, ${totals.filled.toLocaleString('en-US')} bought for ${totals.cost.format()} (alone ${totals.standalone.format()}, saving ${totals.saving.format()}), ${purchaseOrders.length} purchase orders, ${merchants.length.toLocaleString('en-US')} merchants, ${skus.filter((sku) => sku.lines.length > 1).length.toLocaleString('en-US')} SKUs split over several suppliers. Node ${process.version}.`,
  );
}
