export type Units = 'km' | 'mi';

const M_PER_MI = 1609.344;

export function formatDistance(m: number, units: Units): string {
  return units === 'mi' ? `${(m / M_PER_MI).toFixed(2)} mi` : `${(m / 1000).toFixed(2)} km`;
}

export function distanceIn(m: number, units: Units): number {
  return units === 'mi' ? m / M_PER_MI : m / 1000;
}

export function formatDuration(s: number): string {
  const total = Math.round(s);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

export function formatPace(distanceM: number, movingS: number, units: Units): string {
  if (distanceM <= 0) return '–';
  const per = movingS / distanceIn(distanceM, units);
  return `${formatDuration(per)} /${units}`;
}
