import { describe, expect, it } from 'vitest';
import { carrierCards } from './carriers.js';
import { CITIES, greatCircleKm, REGIONS, WAREHOUSES } from './geography.js';
import { fleetsFor, lanesBetween, MAX_REEFER_KM } from './network.js';
import { SCALES } from './scales.js';

describe('the network', () => {
  it('measures real distances between real cities', () => {
    const at = (id: string) => CITIES.find((c) => c.id === id)!;
    expect(greatCircleKm(at('上海'), at('杭州'))).toBeCloseTo(165, -1);
    expect(greatCircleKm(at('北京'), at('广州'))).toBeCloseTo(1888, -1);
    expect(greatCircleKm(at('成都'), at('重庆'))).toBeCloseTo(268, -1);
  });

  it('lists every region with its warehouse and cities', () => {
    expect(REGIONS.map((r) => r.warehouseId)).toEqual(WAREHOUSES.map((w) => w.id));
    for (const region of REGIONS) {
      const warehouse = WAREHOUSES.find((w) => w.id === region.warehouseId)!;
      expect(region.cityIds[0]).toBe(warehouse.cityId);
      expect(CITIES.filter((c) => c.region === region.id).map((c) => c.id)).toEqual(region.cityIds);
    }
    expect(REGIONS.reduce((sum, r) => sum + r.weight, 0)).toBeCloseTo(1, 12);
  });

  it('prices lanes by distance and runs reefers only on the shorter ones', () => {
    const lanes = lanesBetween(WAREHOUSES);
    expect(lanes).toHaveLength(20);
    const shWh = lanes.find((l) => l.from === 'WH-SH' && l.to === 'WH-WH')!;
    // great circle ≈ 689 km, × 1.25 road factor
    expect(shWh.distanceKm).toBe(Math.round(greatCircleKm(WAREHOUSES[0]!, WAREHOUSES[4]!) * 1.25));
    expect(shWh.costPerKg).toBe(`0.${String(800 + Math.round(3.5 * shWh.distanceKm)).padStart(4, '0')}`);
    expect(shWh.leadTimeDays).toBe(Math.ceil(shWh.distanceKm / 700));
    for (const lane of lanes) {
      expect(lane.coldChain).toBe(lane.distanceKm <= MAX_REEFER_KM);
      expect(lane.coldCostPerKg === null).toBe(!lane.coldChain);
    }
    const back = lanes.find((l) => l.from === 'WH-WH' && l.to === 'WH-SH')!;
    expect(back.distanceKm).toBe(shWh.distanceKm);
  });

  it('gives every warehouse vans and hired trucks', () => {
    const fleets = fleetsFor(WAREHOUSES, SCALES.medium);
    expect(fleets.map((f) => f.van.count)).toEqual([8, 8, 8, 8, 8]);
    expect(fleets[0]!.truck).toEqual({
      id: '4.2m',
      capacityKg: 2000,
      capacityM3: 16,
      baseCost: '300.00',
      perKm: '4.50',
    });
  });

  it('writes rate cards with three zones from every warehouse province', () => {
    const cards = carrierCards(WAREHOUSES);
    expect(cards.map((c) => [c.carrierId, c.mode, c.volumetricDivisor, c.coldChain])).toEqual([
      ['SF', 'parcel', 6000, false],
      ['ZTO', 'parcel', 8000, false],
      ['DB', 'ltl', 6000, false],
      ['JDCOLD', 'parcel', 6000, true],
    ]);
    const sf = cards[0]!;
    expect(sf.zones.map((z) => z.id)).toEqual(['省内', '区域', '全国']);
    expect(sf.zones[0]!.lanes).toContainEqual({ from: '上海', to: '上海' });
    expect(sf.zones[1]!.lanes).toContainEqual({ from: '上海', to: '浙江' });
    expect(sf.zones[1]!.lanes).not.toContainEqual({ from: '上海', to: '上海' });
    expect(sf.zones[0]!.pricing).toEqual({
      type: 'first-additional',
      firstWeightKg: 1,
      firstPrice: '13',
      stepKg: 0.5,
      stepPrice: '1',
    });
  });
});
