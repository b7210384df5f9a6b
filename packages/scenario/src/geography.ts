import type { City, Region, RegionId, Warehouse } from './types.js';

/**
 * The cities of the scenario with their real coordinates (city centres, WGS-84, four decimals),
 * in the order the scales take them: each region lists its warehouse city first.
 *
 * @example
 * CITIES.find((c) => c.id === '杭州') // { area: '浙江/杭州', region: '华东', lat: 30.2741, lng: 120.1551, ... }
 */
export const CITIES: readonly City[] = Object.freeze([
  city('上海', 'Shanghai', '上海', '华东', 31.2304, 121.4737),
  city('杭州', 'Hangzhou', '浙江', '华东', 30.2741, 120.1551),
  city('南京', 'Nanjing', '江苏', '华东', 32.0603, 118.7969),
  city('苏州', 'Suzhou', '江苏', '华东', 31.299, 120.5853),
  city('宁波', 'Ningbo', '浙江', '华东', 29.8683, 121.544),
  city('合肥', 'Hefei', '安徽', '华东', 31.8206, 117.2272),
  city('广州', 'Guangzhou', '广东', '华南', 23.1291, 113.2644),
  city('深圳', 'Shenzhen', '广东', '华南', 22.5431, 114.0579),
  city('东莞', 'Dongguan', '广东', '华南', 23.0207, 113.7518),
  city('佛山', 'Foshan', '广东', '华南', 23.0215, 113.1214),
  city('厦门', 'Xiamen', '福建', '华南', 24.4798, 118.0894),
  city('南宁', 'Nanning', '广西', '华南', 22.817, 108.3669),
  city('北京', 'Beijing', '北京', '华北', 39.9042, 116.4074),
  city('天津', 'Tianjin', '天津', '华北', 39.3434, 117.3616),
  city('石家庄', 'Shijiazhuang', '河北', '华北', 38.0428, 114.5149),
  city('济南', 'Jinan', '山东', '华北', 36.6512, 117.1201),
  city('青岛', 'Qingdao', '山东', '华北', 36.0671, 120.3826),
  city('太原', 'Taiyuan', '山西', '华北', 37.8706, 112.5489),
  city('成都', 'Chengdu', '四川', '西南', 30.5728, 104.0668),
  city('重庆', 'Chongqing', '重庆', '西南', 29.563, 106.5516),
  city('昆明', 'Kunming', '云南', '西南', 25.0389, 102.7183),
  city('贵阳', 'Guiyang', '贵州', '西南', 26.647, 106.6302),
  city('绵阳', 'Mianyang', '四川', '西南', 31.4675, 104.6796),
  city('宜宾', 'Yibin', '四川', '西南', 28.7518, 104.643),
  city('武汉', 'Wuhan', '湖北', '华中', 30.5928, 114.3055),
  city('长沙', 'Changsha', '湖南', '华中', 28.2282, 112.9388),
  city('郑州', 'Zhengzhou', '河南', '华中', 34.7466, 113.6253),
  city('南昌', 'Nanchang', '江西', '华中', 28.682, 115.8579),
  city('宜昌', 'Yichang', '湖北', '华中', 30.6919, 111.2865),
  city('洛阳', 'Luoyang', '河南', '华中', 34.6197, 112.454),
]);

/**
 * The five macro-regions, each with its share of demand; `cityIds` lists every city of the
 * region (a scale keeps the first few).
 *
 * @example
 * REGIONS.map((r) => r.id) // ['华东', '华南', '华北', '西南', '华中']
 */
export const REGIONS: readonly Region[] = Object.freeze([
  region('华东', 'East China', 'WH-SH', 0.32),
  region('华南', 'South China', 'WH-GZ', 0.22),
  region('华北', 'North China', 'WH-BJ', 0.2),
  region('西南', 'Southwest China', 'WH-CD', 0.13),
  region('华中', 'Central China', 'WH-WH', 0.13),
]);

/**
 * The regional warehouses, in logistics parks outside the region's first city (real places,
 * approximate coordinates), each with cold rooms.
 *
 * @example
 * WAREHOUSES.map((w) => w.id) // ['WH-SH', 'WH-GZ', 'WH-BJ', 'WH-CD', 'WH-WH']
 */
export const WAREHOUSES: readonly Warehouse[] = Object.freeze([
  {
    id: 'WH-SH',
    name: '上海青浦仓',
    cityId: '上海',
    region: '华东',
    lat: 31.151,
    lng: 121.124,
    coldChain: true,
  },
  {
    id: 'WH-GZ',
    name: '广州白云仓',
    cityId: '广州',
    region: '华南',
    lat: 23.283,
    lng: 113.273,
    coldChain: true,
  },
  {
    id: 'WH-BJ',
    name: '北京大兴仓',
    cityId: '北京',
    region: '华北',
    lat: 39.727,
    lng: 116.341,
    coldChain: true,
  },
  {
    id: 'WH-CD',
    name: '成都双流仓',
    cityId: '成都',
    region: '西南',
    lat: 30.574,
    lng: 103.924,
    coldChain: true,
  },
  {
    id: 'WH-WH',
    name: '武汉东西湖仓',
    cityId: '武汉',
    region: '华中',
    lat: 30.62,
    lng: 114.137,
    coldChain: true,
  },
] satisfies Warehouse[]);

/** Mean Earth radius in km (IUGG), the same as `@s2b2b/logistics` `haversineKm`. */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance between two points in km (haversine formula).
 *
 * @example
 * Math.round(greatCircleKm({ lat: 31.2304, lng: 121.4737 }, { lat: 30.2741, lng: 120.1551 })) // 165 (上海–杭州)
 */
export function greatCircleKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function city(id: string, name: string, province: string, region: RegionId, lat: number, lng: number): City {
  return { id, name, province, area: province === id ? id : `${province}/${id}`, region, lat, lng };
}

function region(id: RegionId, name: string, warehouseId: string, weight: number): Region {
  // CITIES is defined above, so the region's cities are known here.
  const cityIds = CITIES.filter((c) => c.region === id).map((c) => c.id);
  return { id, name, warehouseId, cityIds, weight };
}
