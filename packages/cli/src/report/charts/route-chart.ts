import { chartSection } from '../html/chart-section.js';
import { escapeHtml } from '../html/escape-html.js';
import { formatNumber } from '../html/format-number.js';
import { htmlTable } from '../html/html-table.js';
import { legend } from '../html/legend.js';
import { categoryColor, PALETTE } from '../html/palette.js';
import type { ReportWarehouseRoutes } from '../model.js';
import { chartSvg, emptyChart } from '../svg/chart-svg.js';
import { fitProjection } from '../svg/geo-projection.js';
import { linePath } from '../svg/paths.js';
import { scaleBar } from '../svg/scale-bar.js';
import { svgElement, svgText, svgTitle } from '../svg/svg-element.js';

const WIDTH = 460;
const HEIGHT = 320;
const DEPOT = 12;

/**
 * The route-maps section: one map per warehouse with each vehicle's route as a coloured loop from
 * the depot (the dark square) through its stops and back, and a table of the vehicles with their
 * stops, kilometres and load against capacity.
 *
 * @param routes - the model's `routes`
 * @example
 * routeChart(model.routes) // '<section class="card" data-chart="routes" …'
 */
export function routeChart(routes: readonly ReportWarehouseRoutes[]): string {
  const drawn = routes.filter((warehouse) => warehouse.routes.length > 0 || warehouse.unassigned > 0);
  const vehicles = routes.reduce((count, warehouse) => count + warehouse.routes.length, 0);
  const km = routes.reduce(
    (total, warehouse) => total + warehouse.routes.reduce((sum, r) => sum + r.distanceKm, 0),
    0,
  );
  const body =
    drawn.length === 0
      ? emptyChart('No deliveries were routed today.')
      : `${legend([
          { label: 'Depot (warehouse)', color: PALETTE.node },
          { label: 'Stop', color: '#ffffff', shape: 'dot' },
          { label: 'One colour per vehicle', color: categoryColor(0), shape: 'line' },
        ])}<div class="${drawn.length === 2 || drawn.length === 4 ? 'grid-2' : 'grid-3'}">${drawn.map(warehouseFigure).join('')}</div>`;
  return chartSection({
    name: 'routes',
    title: 'Delivery routes by warehouse',
    description: `The day's deliveries from each warehouse: ${vehicles} vehicle route${vehicles === 1 ? '' : 's'}, ${formatNumber(km)} km in all.`,
    body,
  });
}

/** ' (53 %)' for a load of 633 in 1,200, nothing when there is no meaningful capacity. */
function utilisation(load: number, capacity: number): string {
  // The percentage itself must be finite: load / capacity is finite for a subnormal capacity
  // while ×100 overflows.
  const percent = Math.round((load / capacity) * 100);
  return capacity > 0 && Number.isFinite(percent) ? ` (${percent} %)` : '';
}

function warehouseFigure(entry: ReportWarehouseRoutes): string {
  const km = entry.routes.reduce((sum, route) => sum + route.distanceKm, 0);
  const stops = entry.routes.reduce((sum, route) => sum + route.stops.length, 0);
  const caption = `<figcaption><strong>${escapeHtml(entry.warehouse.name)}</strong><span class="sub">${entry.routes.length} route${entry.routes.length === 1 ? '' : 's'} · ${stops} stops · ${formatNumber(km)} km${entry.unassigned > 0 ? ` · ${entry.unassigned} unassigned` : ''}</span></figcaption>`;
  if (entry.routes.length === 0) {
    return `<figure class="mini">${caption}${emptyChart(`No routes; ${entry.unassigned} orders unassigned.`, WIDTH)}</figure>`;
  }
  const places = [entry.warehouse, ...entry.routes.flatMap((route) => route.stops)];
  const projection = fitProjection(places, { width: WIDTH, height: HEIGHT, padding: 24 });
  const [depotX, depotY] = projection.project(entry.warehouse.lat, entry.warehouse.lng);
  const parts: string[] = [
    svgElement('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, rx: 6, class: 'map-bg' }),
  ];
  const stopMarks: string[] = [];
  entry.routes.forEach((route, index) => {
    const color = categoryColor(index);
    const points = [
      [depotX, depotY] as const,
      ...route.stops.map((stop) => projection.project(stop.lat, stop.lng)),
      [depotX, depotY] as const,
    ];
    parts.push(
      svgElement('path', { d: linePath(points), class: 'route', stroke: color }, [
        svgTitle(
          `${route.vehicle}: ${route.stops.length} stops, ${route.distanceKm.toFixed(1)} km, load ${formatNumber(route.load)} of ${formatNumber(route.capacity)}`,
        ),
      ]),
    );
    route.stops.forEach((stop, order) => {
      const [x, y] = projection.project(stop.lat, stop.lng);
      stopMarks.push(
        svgElement('circle', { cx: x, cy: y, r: 3.5, class: 'stop', stroke: color }, [
          svgTitle(`${route.vehicle} stop ${order + 1}: ${stop.name}`),
        ]),
      );
    });
  });
  parts.push(
    ...stopMarks,
    svgElement(
      'rect',
      {
        x: depotX - DEPOT / 2,
        y: depotY - DEPOT / 2,
        width: DEPOT,
        height: DEPOT,
        rx: 2,
        fill: PALETTE.node,
        class: 'depot',
      },
      [svgTitle(`Depot: ${entry.warehouse.name}`)],
    ),
    svgText(depotX + DEPOT, depotY - DEPOT / 2, 'depot', { class: 'node-label' }),
    scaleBar(projection, 12, HEIGHT - 12),
  );
  const table = htmlTable(
    [
      { header: 'Vehicle' },
      { header: 'Stops', numeric: true },
      { header: 'km', numeric: true },
      { header: 'Load', numeric: true },
    ],
    entry.routes.map((route, index) => [
      {
        html: `<span class="key key-line" style="border-color:${categoryColor(index)}"></span>${escapeHtml(route.vehicle)}`,
      },
      String(route.stops.length),
      route.distanceKm.toFixed(1),
      `${formatNumber(route.load)} / ${formatNumber(route.capacity)}${utilisation(route.load, route.capacity)}`,
    ]),
  );
  return `<figure class="mini">${caption}${chartSvg(WIDTH, HEIGHT, `Routes from ${entry.warehouse.name}`, parts)}${table}</figure>`;
}
