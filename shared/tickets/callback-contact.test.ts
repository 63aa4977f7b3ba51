import { describe, expect, it } from 'vitest';
import { callbackContact, MASKED_NUMBER, maskNumber } from './callback-contact';

const source = { callerNumber: '13905391234', confidential: false, author: 'op01', contactMasked: false };
const op01 = { username: 'op01', role: 'operator' };
const op02 = { username: 'op02', role: 'operator' };

describe('the caller number on the callback form', () => {
  it('shows and dials an ordinary caller’s number in full', () => {
    expect(callbackContact(source, op02)).toEqual({ shown: '13905391234', masked: false, dial: '13905391234' });
    expect(callbackContact(source, { username: null, role: null })).toEqual({ shown: '13905391234', masked: false, dial: '13905391234' });
  });

  it('masks a confidential caller for anyone but the operator who registered the ticket, and still dials the number', () => {
    const confidential = { ...source, confidential: true };
    expect(callbackContact(confidential, op01)).toEqual({ shown: '13905391234', masked: false, dial: '13905391234' });
    expect(callbackContact(confidential, op02)).toEqual({ shown: '139****1234', masked: true, dial: '13905391234' });
    expect(callbackContact(confidential, { username: null, role: null })).toEqual({ shown: '139****1234', masked: true, dial: '13905391234' });
    // A trainee sees it masked even on a ticket of their own.
    expect(callbackContact(confidential, { username: 'op01', role: 'trainee' }).masked).toBe(true);
  });

  it('cannot dial a number the hub masked (no copy on this desk)', () => {
    expect(callbackContact({ ...source, callerNumber: MASKED_NUMBER, contactMasked: true, confidential: true }, op01)).toEqual({ shown: MASKED_NUMBER, masked: true, dial: null });
    expect(callbackContact({ ...source, callerNumber: '' }, op01)).toEqual({ shown: '', masked: false, dial: null });
  });

  it('keeps the first three and the last four digits of a mobile number, the last four of a shorter line', () => {
    expect(maskNumber('05398881234')).toBe('053****1234');
    expect(maskNumber('8881234')).toBe('***1234');
    expect(maskNumber('12345')).toBe(MASKED_NUMBER);
  });
});
