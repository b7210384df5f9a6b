import type { ReportHeadline } from '../model.js';
import { escapeHtml } from './escape-html.js';

/**
 * The day's headline numbers as a row of cards: label, value in large type, one line of context.
 *
 * @param headlines - the model's `headlines`
 * @example
 * headlineCards([{ label: 'Procurement savings', value: '¥12,345.67', detail: 'against buying alone' }])
 */
export function headlineCards(headlines: readonly ReportHeadline[]): string {
  if (headlines.length === 0)
    return '<section class="headlines empty-headlines"><p class="note">No headline numbers in this report.</p></section>';
  const cards = headlines.map(
    (headline) =>
      `<div class="headline"><div class="headline-label">${escapeHtml(headline.label)}</div><div class="headline-value">${escapeHtml(headline.value)}</div>${
        headline.detail ? `<div class="headline-detail">${escapeHtml(headline.detail)}</div>` : ''
      }</div>`,
  );
  return `<section class="headlines" aria-label="Headline numbers">${cards.join('')}</section>`;
}
