/**
 * CDNOW: the published fits reproduced on the 1/10 sample (2,357 customers, weeks), and the
 * pipeline on the master file (69,659 rows, 23,570 customers): summary, RFM, BG/NBD, Pareto/NBD
 * and Gamma-Gamma fits, with time and memory. Run: `pnpm bench crm/bench/cdnow`.
 */
import {
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  rfmScores,
  rfmValuesFromSummary,
  segmentCustomers,
  summarizeCustomers,
} from '../src/index.ts';
import { cdnowMaster, cdnowPublishedSummary, cdnowSample, cdnowSummaryRows } from '../test/cdnow.ts';
import { HEADER, measure, row } from './measure.ts';

// The published fits are on lifetimes' summary files (times rounded to 2 decimals); our own
// summary of CDNOW_sample.txt has the exact day counts / 7 and gives LLs within 0.01 of them.
const sample = summarizeCustomers(cdnowSample(), { observationEnd: '1997-09-30', timeUnit: 'week' });
const bg = fitBgNbd(cdnowSummaryRows());
const pareto = fitParetoNbd(cdnowSummaryRows());
const gg = fitGammaGamma(cdnowPublishedSummary());
const exact = [fitBgNbd(sample.customers), fitParetoNbd(sample.customers), fitGammaGamma(sample.customers)];
const f = (v: number, d = 3) => v.toFixed(d).replace('-', '−');
console.log('### CDNOW sample (2,357 customers, weeks): published fits\n');
console.log('| model | parameters (ours) | published | LL (ours) | LL published | LL, our own summary |');
console.log('|---|---|---|---:|---:|---:|');
console.log(
  `| BG/NBD | r ${f(bg.params.r)}, α ${f(bg.params.alpha)}, a ${f(bg.params.a)}, b ${f(bg.params.b)} | r 0.243, α 4.414, a 0.793, b 2.426 | ${f(bg.logLikelihood, 2)} | −9582.43 | ${f(exact[0]!.logLikelihood, 2)} |`,
);
console.log(
  `| Pareto/NBD | r ${f(pareto.params.r)}, α ${f(pareto.params.alpha)}, s ${f(pareto.params.s)}, β ${f(pareto.params.beta)} | r 0.553, α 10.578, s 0.606, β 11.669 | ${f(pareto.logLikelihood, 2)} | −9594.97 | ${f(exact[1]!.logLikelihood, 2)} |`,
);
console.log(
  `| Gamma-Gamma (946 repeaters) | p ${f(gg.params.p, 2)}, q ${f(gg.params.q, 2)}, v ${f(gg.params.v, 2)} | p 6.25, q 3.74, v 15.44 | ${f(gg.logLikelihood, 2)} | −4055.92 | ${f(exact[2]!.logLikelihood, 2)} |`,
);

const sampleSteps = [
  row(
    'BG/NBD fit',
    '2,357 customers',
    measure(() => fitBgNbd(sample.customers), true),
  ),
  row(
    'Pareto/NBD fit',
    '2,357 customers',
    measure(() => fitParetoNbd(sample.customers), true),
  ),
  row(
    'Gamma-Gamma fit',
    '946 repeaters',
    measure(() => fitGammaGamma(sample.customers), true),
  ),
];

const master = cdnowMaster();
const summary = measure(
  () => summarizeCustomers(master, { observationEnd: '1997-09-30', timeUnit: 'week' }),
  true,
);
const table = summary.value;
const rfm = measure(() => segmentCustomers(rfmScores(rfmValuesFromSummary(table))), true);
const bgMaster = measure(() => fitBgNbd(table.customers), true);
const paretoMaster = measure(() => fitParetoNbd(table.customers), true);
// Gamma-Gamma needs a positive spend: the master file has repeat buyers whose repeat days cost $0.
const spenders = table.customers.filter((c) => c.frequency === 0 || c.monetaryValue > 0);
const zeroSpend = table.customers.length - spenders.length;
const ggMaster = measure(() => fitGammaGamma(spenders), true);

console.log('\n### Speed and memory (Node 20, one thread; warm: the second of two runs)\n');
console.log(HEADER.join('\n'));
console.log(sampleSteps.join('\n'));
console.log(
  row('summary, calibration to 1997-09-30', `master: ${master.length.toLocaleString('en-US')} rows`, summary),
);
console.log(row('RFM scores + segments', `${table.customers.length.toLocaleString('en-US')} customers`, rfm));
console.log(
  row(
    'BG/NBD fit',
    `${table.customers.length.toLocaleString('en-US')} customers, ${bgMaster.value.rows} rows`,
    bgMaster,
  ),
);
console.log(
  row('Pareto/NBD fit', `${table.customers.length.toLocaleString('en-US')} customers`, paretoMaster),
);
console.log(
  row(
    'Gamma-Gamma fit',
    `${ggMaster.value.customers.toLocaleString('en-US')} repeaters (${zeroSpend} with $0 left out)`,
    ggMaster,
  ),
);
const p = bgMaster.value.params;
console.log(
  `\nMaster BG/NBD: r ${f(p.r)}, α ${f(p.alpha)}, a ${f(p.a)}, b ${f(p.b)}, LL ${f(bgMaster.value.logLikelihood, 2)} ` +
    `(${table.totals.oneTimeBuyers.toLocaleString('en-US')} one-time, ${table.totals.repeatBuyers.toLocaleString('en-US')} repeat buyers)`,
);
