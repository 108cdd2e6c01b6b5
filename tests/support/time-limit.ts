// Wall-clock bounds in tests ("quickly", "no quadratic blow-up") scaled by
// HIPCHECK_TIME_LIMIT_FACTOR: mutation testing (stryker.config.mjs) runs instrumented code, many
// times over, next to other work, where a bound of the plain run says nothing. Default factor 1.
export function timeLimitMs(ms: number): number {
  const factor = Number(process.env.HIPCHECK_TIME_LIMIT_FACTOR ?? '1');
  return Number.isFinite(factor) && factor >= 1 ? ms * factor : ms;
}
