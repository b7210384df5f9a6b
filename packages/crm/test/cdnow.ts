// Loaders of the CDNOW files copied into bench/data/cdnow (see its README), for tests and benches.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const dir = new URL('../bench/data/cdnow/', import.meta.url);

/** `YYYYMMDD` → `YYYY-MM-DD`. */
function isoDay(text: string): string {
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** The 6,919 rows of the 1/10 sample, keyed by the sample id (the id of the summaries). */
export function cdnowSample(): { customerId: string; date: string; amount: string }[] {
  return readFileSync(new URL('CDNOW_sample.txt', dir), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
      return { customerId: String(Number(sampleId)), date: isoDay(date!), amount: dollars! };
    });
}

/** The 69,659 rows of the master file (23,570 customers). */
export function cdnowMaster(): { customerId: string; date: string; amount: string }[] {
  return gunzipSync(readFileSync(new URL('CDNOW_master.txt.gz', dir)))
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [id, date, , dollars] = line.trim().split(/\s+/);
      return { customerId: String(Number(id)), date: isoDay(date!), amount: dollars! };
    });
}

/** `cdnow_customers_summary_with_transactions.csv`: ID, x, t_x, T, zbar. */
export function cdnowPublishedSummary(): {
  id: string;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
}[] {
  return readFileSync(new URL('cdnow_customers_summary_with_transactions.csv', dir), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [id, x, tx, T, zbar] = line.split(',');
      return {
        id: id!,
        frequency: Number(x),
        recency: Number(tx),
        T: Number(T),
        monetaryValue: Number(zbar),
      };
    });
}

/** `cdnow_customers_summary.csv`: ID, frequency, recency, T (the BG/NBD and Pareto/NBD input). */
export function cdnowSummaryRows(): { frequency: number; recency: number; T: number }[] {
  return readFileSync(new URL('cdnow_customers_summary.csv', dir), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [, x, tx, T] = line.split(',');
      return { frequency: Number(x), recency: Number(tx), T: Number(T) };
    });
}
