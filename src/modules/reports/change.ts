/**
 * The change from `previous` to `current` in percent, rounded half away from zero to one decimal;
 * null when there was nothing before to compare with. Kept apart from the period's validation so
 * the staff app can word the same figures without bringing the validation library into its bundle.
 */
export function changePercent(current: number, previous: number): number | null {
  if (previous === 0) return null;
  // Per mille of integers: a value exactly halfway (12.25) is exact in binary, so it rounds as it should.
  const perMille = ((current - previous) * 1000) / previous;
  return (Math.sign(perMille) * Math.round(Math.abs(perMille))) / 10 || 0;
}
