/**
 * Public holidays and make-up working days (调休上班) of mainland China, as announced each year
 * by the General Office of the State Council (国务院办公厅关于 YYYY 年部分节假日安排的通知).
 * Holiday ranges are the announced 放假 ranges (weekends inside them included); make-up days
 * are the announced 上班 dates. Cross-checked against NateScarlet/holiday-cn and the npm
 * package chinese-days: 251 working days in 2024, 248 in 2025, 248 in 2026.
 */
import { z } from 'zod';
import { localDateSchema } from './schemas.js';

/**
 * One year of announced holidays and make-up working days.
 *
 * @example
 * chinaHolidayYearSchema.parse({ year: 2027, notice: '…', holidays: [], workdays: [] })
 */
export const chinaHolidayYearSchema = z.object({
  year: z.number().int().min(1949).max(2200),
  /** The notice the data comes from. */
  notice: z.string(),
  holidays: z.array(z.object({ from: localDateSchema, to: localDateSchema, name: z.string() })),
  workdays: z.array(z.object({ date: localDateSchema, name: z.string() })),
});

/**
 * One year of the China holiday data.
 *
 * @example
 * const y2025: ChinaHolidayYear = CHINA_HOLIDAYS[1]!;
 */
export type ChinaHolidayYear = z.output<typeof chinaHolidayYearSchema>;

/**
 * The bundled years, 2024–2026.
 *
 * @example
 * CHINA_HOLIDAYS.map((y) => y.year) // [2024, 2025, 2026]
 */
export const CHINA_HOLIDAYS: readonly ChinaHolidayYear[] = Object.freeze([
  {
    year: 2024,
    notice: '国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25)',
    holidays: [
      { from: '2024-01-01', to: '2024-01-01', name: '元旦' },
      { from: '2024-02-10', to: '2024-02-17', name: '春节' },
      { from: '2024-04-04', to: '2024-04-06', name: '清明节' },
      { from: '2024-05-01', to: '2024-05-05', name: '劳动节' },
      { from: '2024-06-10', to: '2024-06-10', name: '端午节' },
      { from: '2024-09-15', to: '2024-09-17', name: '中秋节' },
      { from: '2024-10-01', to: '2024-10-07', name: '国庆节' },
    ],
    workdays: [
      { date: '2024-02-04', name: '春节' },
      { date: '2024-02-18', name: '春节' },
      { date: '2024-04-07', name: '清明节' },
      { date: '2024-04-28', name: '劳动节' },
      { date: '2024-05-11', name: '劳动节' },
      { date: '2024-09-14', name: '中秋节' },
      { date: '2024-09-29', name: '国庆节' },
      { date: '2024-10-12', name: '国庆节' },
    ],
  },
  {
    year: 2025,
    notice: '国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12)',
    holidays: [
      { from: '2025-01-01', to: '2025-01-01', name: '元旦' },
      { from: '2025-01-28', to: '2025-02-04', name: '春节' },
      { from: '2025-04-04', to: '2025-04-06', name: '清明节' },
      { from: '2025-05-01', to: '2025-05-05', name: '劳动节' },
      { from: '2025-05-31', to: '2025-06-02', name: '端午节' },
      { from: '2025-10-01', to: '2025-10-08', name: '国庆节、中秋节' },
    ],
    workdays: [
      { date: '2025-01-26', name: '春节' },
      { date: '2025-02-08', name: '春节' },
      { date: '2025-04-27', name: '劳动节' },
      { date: '2025-09-28', name: '国庆节、中秋节' },
      { date: '2025-10-11', name: '国庆节、中秋节' },
    ],
  },
  {
    year: 2026,
    notice: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
    holidays: [
      { from: '2026-01-01', to: '2026-01-03', name: '元旦' },
      { from: '2026-02-15', to: '2026-02-23', name: '春节' },
      { from: '2026-04-04', to: '2026-04-06', name: '清明节' },
      { from: '2026-05-01', to: '2026-05-05', name: '劳动节' },
      { from: '2026-06-19', to: '2026-06-21', name: '端午节' },
      { from: '2026-09-25', to: '2026-09-27', name: '中秋节' },
      { from: '2026-10-01', to: '2026-10-07', name: '国庆节' },
    ],
    workdays: [
      { date: '2026-01-04', name: '元旦' },
      { date: '2026-02-14', name: '春节' },
      { date: '2026-02-28', name: '春节' },
      { date: '2026-05-09', name: '劳动节' },
      { date: '2026-09-20', name: '国庆节' },
      { date: '2026-10-10', name: '国庆节' },
    ],
  },
] satisfies ChinaHolidayYear[]);
