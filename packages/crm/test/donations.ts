// The donation data of Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time
// noncontractual setting", Marketing Science 29(6), Table 1: 11,104 first-time donors of 1995 and
// their repeat donations in the six years 1996–2001 (frequency, year of the last donation, count).
export const DONATIONS: { frequency: number; recency: number; n: number; weight: number }[] = [
  [0, 0, 3464],
  [1, 1, 1091],
  [1, 2, 277],
  [1, 3, 129],
  [1, 4, 78],
  [1, 5, 119],
  [1, 6, 129],
  [2, 2, 613],
  [2, 3, 255],
  [2, 4, 155],
  [2, 5, 173],
  [2, 6, 234],
  [3, 3, 322],
  [3, 4, 181],
  [3, 5, 225],
  [3, 6, 357],
  [4, 4, 240],
  [4, 5, 284],
  [4, 6, 512],
  [5, 5, 335],
  [5, 6, 728],
  [6, 6, 1203],
].map(([frequency, recency, weight]) => ({
  frequency: frequency!,
  recency: recency!,
  n: 6,
  weight: weight!,
}));
