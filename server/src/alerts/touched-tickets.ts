/** What new tickets touched: the matters by place, and the callers by matter. */
export interface TouchedTickets {
  places: { category1: string; category2: string; district: string | null }[];
  callers: { number: string; category1: string; category2: string }[];
}

export const placeKey = (p: TouchedTickets['places'][number]): string => `${p.category1}/${p.category2}@${p.district ?? '全市'}`;
export const matterKey = (p: { category1: string; category2: string }): string => `${p.category1}/${p.category2}`;
export const callerKey = (c: TouchedTickets['callers'][number]): string => `${c.number}|${c.category1}/${c.category2}`;
