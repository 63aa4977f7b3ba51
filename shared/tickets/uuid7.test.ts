import { describe, expect, it } from 'vitest';
import { ticketIdSchema } from './ticket';
import { uuidv7 } from './uuid7';

describe('uuidv7', () => {
  it('makes valid version-7 ids that differ and sort by creation time', () => {
    const ids = [uuidv7(1_700_000_000_000), uuidv7(1_700_000_000_001), uuidv7(1_800_000_000_000)];
    for (const id of ids) expect(ticketIdSchema.safeParse(id).success).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1_000 }, () => uuidv7(1_700_000_000_000))).size).toBe(1_000);
  });
});
