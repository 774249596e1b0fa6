import { InvalidArgumentError } from 'commander';

/** commander argument parsers with messages that say what was expected and what was received. */
export function parseNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new InvalidArgumentError(`expected a number, received "${value}"`);
  return n;
}

export function parseInteger(value: string): number {
  const n = parseNumber(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`expected a whole number ≥ 0, received "${value}"`);
  return n;
}

export function parseTask(value: string): 'regression' | 'classification' {
  if (value === 'regression' || value === 'classification') return value;
  throw new InvalidArgumentError(`expected "regression" or "classification", received "${value}"`);
}

export function oneOf<T extends string>(...values: T[]): (value: string) => T {
  return (value) => {
    if ((values as string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`expected one of ${values.join(', ')}, received "${value}"`);
  };
}
