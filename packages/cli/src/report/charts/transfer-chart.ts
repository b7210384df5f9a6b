import { chartSection } from '../html/chart-section.js';
import { htmlTable } from '../html/html-table.js';
import { legend } from '../html/legend.js';
import { moneyText } from '../html/money-text.js';
import { PALETTE } from '../html/palette.js';
import { shownNote } from '../html/shown-note.js';
import type { PlatformDayReport } from '../model.js';
import { curvedArrow } from '../svg/arrow.js';
import { chartSvg, emptyChart } from '../svg/chart-svg.js';
import { formatTick } from '../svg/format-tick.js';
import { fitProjection } from '../svg/geo-projection.js';
import { graticule } from '../svg/graticule.js';
import { linearScale } from '../svg/linear-scale.js';
import { scaleBar } from '../svg/scale-bar.js';
import { svgElement, svgText, svgTitle } from '../svg/svg-element.js';
import { transferFlows } from './transfer-flows.js';

const WIDTH = 720;
const HEIGHT = 500;
const NODE_RADIUS = 6;
/** Most flows listed in the table beside the map. */
const MAX_TABLE_ROWS = 12;

/**
 * The transfer-flows section: warehouses on a map (equirectangular, north up, with a graticule),
 * an arrow per pair of warehouses whose width follows the units moved and whose label is the
 * cost, and a table of the flows with their total.
 *
 * @param transfers - the model's `transfers`
 * @example
 * transferChart(model.transfers) // '<section class="card" data-chart="transfers" …'
 */
export function transferChart(transfers: PlatformDayReport['transfers']): string {
  const flows = transferFlows(transfers.transfers);
  const total = moneyText(transfers.total);
  if (flows.length === 0 || transfers.warehouses.length === 0) {
    return chartSection({
      name: 'transfers',
      title: 'Transfer flows',
      description: 'Planned rebalancing transfers between warehouses.',
      body: emptyChart('No rebalancing transfers were planned today.'),
    });
  }
  const places = new Map(transfers.warehouses.map((place) => [place.id, place]));
  const nameOf = (id: string) => places.get(id)?.name ?? id;
  const projection = fitProjection(transfers.warehouses, { width: WIDTH, height: HEIGHT, padding: 60 });
  const at = (id: string) => {
    const place = places.get(id)!;
    return projection.project(place.lat, place.lng);
  };
  const maxUnits = Math.max(...flows.map((flow) => flow.units));
  const width = linearScale([0, maxUnits], [1.5, 8]);
  const arrows: string[] = [];
  const labels: string[] = [];
  // Thick arrows first, so thin ones stay visible on top.
  for (const flow of flows) {
    const arrow = curvedArrow(at(flow.fromWarehouseId), at(flow.toWarehouseId), {
      width: width(flow.units),
      inset: NODE_RADIUS + 3,
      labelOffset: width(flow.units) / 2 + 7,
    });
    const tooltip = `${nameOf(flow.fromWarehouseId)} → ${nameOf(flow.toWarehouseId)}: ${formatTick(flow.units)} units of ${flow.skus} SKU${flow.skus === 1 ? '' : 's'}, ${moneyText(flow.cost.toJSON())}`;
    arrows.push(
      svgElement('g', { class: 'flow' }, [
        svgTitle(tooltip),
        svgElement('path', {
          d: arrow.path,
          class: 'flow-line',
          'stroke-width': width(flow.units),
          stroke: PALETTE.flow,
        }),
        svgElement('path', { d: arrow.head, fill: PALETTE.flow, class: 'flow-head' }),
      ]),
    );
    labels.push(
      svgText(arrow.label[0], arrow.label[1] + 4, moneyText(flow.cost.toJSON()), {
        class: 'flow-label',
        'text-anchor': 'middle',
      }),
    );
  }
  const nodes = transfers.warehouses.map((place) => {
    const [x, y] = projection.project(place.lat, place.lng);
    return svgElement('g', { class: 'node' }, [
      svgTitle(place.name),
      svgElement('circle', { cx: x, cy: y, r: NODE_RADIUS, fill: PALETTE.node, class: 'node-dot' }),
      svgText(x + NODE_RADIUS + 4, y - NODE_RADIUS - 2, place.name, { class: 'node-label' }),
    ]);
  });
  const map = chartSvg(WIDTH, HEIGHT, 'Transfer flows between warehouses', [
    svgElement('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'map-bg', rx: 6 }),
    graticule(projection, WIDTH, HEIGHT),
    ...arrows,
    ...nodes,
    ...labels,
    scaleBar(projection, WIDTH - 150, HEIGHT - 22),
  ]);
  const rows = flows
    .slice(0, MAX_TABLE_ROWS)
    .map((flow) => [
      `${nameOf(flow.fromWarehouseId)} → ${nameOf(flow.toWarehouseId)}`,
      String(flow.skus),
      formatTick(flow.units),
      moneyText(flow.cost.toJSON()),
    ]);
  const totalUnits = flows.reduce((sum, flow) => sum + flow.units, 0);
  const table = htmlTable(
    [
      { header: 'Flow' },
      { header: 'SKUs', numeric: true },
      { header: 'Units', numeric: true },
      { header: 'Cost', numeric: true },
    ],
    rows,
    ['Total', String(new Set(transfers.transfers.map((t) => t.sku)).size), formatTick(totalUnits), total],
  );
  return chartSection({
    name: 'transfers',
    title: 'Transfer flows',
    description: `Planned rebalancing between warehouses: ${transfers.transfers.length} transfers in ${flows.length} flows for ${total}. Arrow width follows the units moved; the label is the flow's cost.`,
    body: `${legend([
      { label: `Thin: few units · thick: ${formatTick(maxUnits)} units`, color: PALETTE.flow, shape: 'line' },
      { label: 'Warehouse', color: PALETTE.node, shape: 'dot' },
    ])}<div class="split"><div class="split-main">${map}</div><div class="split-side">${table}</div></div>`,
    note: shownNote(rows.length, flows.length, 'largest', 'flows in the table'),
  });
}
