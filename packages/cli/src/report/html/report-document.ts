import { escapeHtml } from './escape-html.js';
import { REPORT_STYLES } from './report-styles.js';

/**
 * The HTML page around the report's body: UTF-8, a viewport for phones, the inlined style sheet
 * and a content security policy that forbids every fetch (no scripts, fonts, images or frames
 * from anywhere), so the file shows the same offline and cannot call out.
 *
 * @param title - the page title (escaped)
 * @param body - the page's markup
 * @example
 * reportDocument('Platform day 2026-11-11', '<main>…</main>') // '<!doctype html>…'
 */
export function reportDocument(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_STYLES}</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}
