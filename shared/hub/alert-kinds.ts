/**
 * Early warning (预警): the hub counts tickets by matter and place in sliding
 * windows and raises alerts for supervisors. 多发 many of the same matter in
 * one district within a day; 新发 a matter not seen for weeks appearing again;
 * 爆发 a sudden burst within the hour against the matter's usual rate there;
 * 重复来电 one caller ringing about the same matter again and again.
 */
export const alertKinds = ['many', 'new', 'burst', 'repeat'] as const;
export type AlertKind = (typeof alertKinds)[number];
