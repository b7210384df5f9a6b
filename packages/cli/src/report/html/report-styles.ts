import { PALETTE } from './palette.js';

/**
 * The report's whole style sheet, inlined into the page: system fonts (with the usual Chinese
 * UI fonts), cards on a light grey page, charts that scale to their card, print-friendly.
 *
 * @example
 * `<style>${REPORT_STYLES}</style>`
 */
export const REPORT_STYLES = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f3f4f6;color:${PALETTE.ink};font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;font-variant-numeric:tabular-nums}
main{max-width:1180px;margin:0 auto;padding:28px 24px 40px}
header.page{display:flex;flex-wrap:wrap;align-items:flex-end;justify-content:space-between;gap:12px;margin-bottom:18px}
header.page h1{font-size:26px;line-height:1.2;margin:0 0 6px}
.meta{display:flex;flex-wrap:wrap;gap:6px;margin:0;padding:0;list-style:none}
.meta li{background:#fff;border:1px solid #e5e7eb;border-radius:999px;padding:2px 10px;font-size:12px;color:${PALETTE.muted}}
.meta b{color:${PALETTE.ink};font-weight:600}
nav.toc{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px;margin:0 0 18px}
nav.toc a{color:#1d4ed8;text-decoration:none}
nav.toc a:hover{text-decoration:underline}
.headlines{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px;margin-bottom:18px}
.headline{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:14px 16px}
.headline-label{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:${PALETTE.muted}}
.headline-value{font-size:23px;font-weight:650;margin:2px 0;line-height:1.25}
.headline-detail{font-size:12px;color:${PALETTE.muted}}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:18px 20px 16px;margin-bottom:18px;break-inside:avoid}
.card h2{font-size:18px;margin:0 0 2px}
.card h3{font-size:14px;margin:16px 0 6px}
.lead{margin:0 0 10px;color:${PALETTE.muted}}
.note{margin:8px 0 0;font-size:12px;color:${PALETTE.muted}}
.muted{color:${PALETTE.muted};font-weight:400}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0 0 10px;padding:0;list-style:none;font-size:12px;color:#374151}
.legend li{display:flex;align-items:center;gap:6px}
.key{display:inline-block;flex:none}
.key-box{width:12px;height:12px;border-radius:2px}
.key-dot{width:10px;height:10px;border-radius:50%;box-shadow:inset 0 0 0 1.5px rgba(0,0,0,.3)}
.key-line{width:18px;height:0;border-top:3px solid;margin-right:6px;vertical-align:middle}
.key-dashed{width:18px;height:0;border-top:3px dashed}
.grid-2{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px}
.grid-3{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:16px}
@media (max-width:900px){.grid-2,.grid-3{grid-template-columns:minmax(0,1fr)}.split{flex-direction:column}}
figure.mini{margin:0;min-width:0}
figure.mini figcaption{font-size:13px;margin:0 0 4px}
figcaption .sub{display:block;font-size:12px;color:${PALETTE.muted}}
.narrow{max-width:620px}
.split{display:flex;gap:18px;align-items:flex-start}
.split-main{flex:3;min-width:0}
.split-side{flex:2;min-width:0}
svg.chart-svg{display:block;width:100%;height:auto;overflow:visible}
svg text{font-family:inherit;fill:${PALETTE.ink}}
table.data{width:100%;border-collapse:collapse;font-size:12px;margin-top:6px}
table.data th{text-align:left;font-weight:600;color:${PALETTE.muted};border-bottom:1px solid #e5e7eb;padding:4px 6px}
table.data td{border-bottom:1px solid #f3f4f6;padding:4px 6px}
table.data tfoot td{font-weight:650;border-top:1px solid #e5e7eb;border-bottom:0}
table.data .num{text-align:right;white-space:nowrap}
.grid{stroke:#eef0f3;stroke-width:1}
.axis-zero{stroke:${PALETTE.axis};stroke-width:1}
.tick{font-size:11px;fill:${PALETTE.muted}}
.axis-title{font-size:11px;font-weight:600;fill:${PALETTE.muted}}
.row-label{font-size:12px}
.row-label.small{font-size:11px}
.row-sub{font-size:10.5px;fill:${PALETTE.muted}}
.column-head{font-size:11px;font-weight:600;fill:${PALETTE.muted}}
.value-label{font-size:11px;fill:#374151}
.value-label.strong{font-weight:650}
.saving-label{font-size:12px;font-weight:600;fill:${PALETTE.saves}}
.bar-text{font-size:11px;font-weight:600;fill:#fff}
.horizon{fill:#f8fafc}
.divider{stroke:${PALETTE.axis};stroke-dasharray:3 3}
.line{fill:none;stroke-width:1.8;stroke-linejoin:round;stroke-linecap:round}
.line.dashed{stroke-dasharray:6 4;stroke-width:2.2}
.dot{stroke:#fff;stroke-width:1}
.badge-text{font-size:11px;font-weight:700;fill:#fff}
.badge-text-zero{font-size:11px;fill:#9ca3af}
.map-bg{fill:#f8fafc;stroke:#e5e7eb}
.graticule{stroke:#e5e9f0;stroke-width:1}
.graticule-label{font-size:10px;fill:#9ca3af}
.scale-line{stroke:${PALETTE.muted};stroke-width:1.5}
.flow-line{fill:none;stroke-linecap:round;opacity:.72}
.flow-head{opacity:.85}
.flow-label,.node-label{font-size:11.5px;paint-order:stroke;stroke:#fff;stroke-width:3.5px;stroke-linejoin:round}
.flow-label{font-weight:600;fill:#1e3a8a}
.node-label{font-weight:600}
.node-dot{stroke:#fff;stroke-width:2}
.route{fill:none;stroke-width:2.2;stroke-linejoin:round;opacity:.9}
.stop{fill:#fff;stroke-width:1.8}
.depot{stroke:#fff;stroke-width:2}
.cell-same{fill:#f3f4f6}
.cell-text{font-size:11px;font-weight:600;fill:#1e1b4b}
.cell-text-light{fill:#fff}
.track{fill:#eef0f3}
.target{stroke:${PALETTE.target};stroke-width:2}
.status-breached{fill:${PALETTE.breached};font-weight:600}
.empty-frame{fill:#f9fafb;stroke:#d1d5db;stroke-dasharray:6 4}
.empty-note{font-size:14px;fill:${PALETTE.muted}}
footer.page{font-size:12px;color:${PALETTE.muted};text-align:center;margin-top:8px}
@media print{body{background:#fff}main{padding:0}.card,.headline{border-color:#d1d5db}}
`
  .trim()
  .replace(/\n/g, '');
