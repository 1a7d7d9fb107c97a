// Quality flag bits, in the order internal/quality defines them.
export const flagNames = [
  'hard_range',
  'soft_range',
  'rate_of_change',
  'flat_line',
  'spike',
  'future_timestamp',
  'too_old',
  'duplicate_conflict',
  'negative_increment',
  'meter_rollback',
  'gap_filled',
  'estimated',
  'corrected',
  'missing',
  'replay',
  'impersonation',
  'clock_skew',
];

export function decodeFlags(f) {
  const out = [];
  for (let i = 0; i < flagNames.length; i++) if (f & (1 << i)) out.push(flagNames[i]);
  return out;
}
