/**
 * A minimal sanity check of an offered SDP before the desk rings: a broken
 * offer is refused with 488 at once instead of ringing and failing on answer.
 */
export function isUsableAudioOffer(body: string | undefined): boolean {
  if (body === undefined || body.trim() === '') return true; // offerless INVITE: the desk makes the offer in its 200
  const lines = body.split(/\r?\n/);
  if (lines[0]?.trim() !== 'v=0') return false;
  const audio = lines.find((line) => line.startsWith('m=audio '));
  if (!audio || !/^m=audio \d+ [A-Z/]+( \d+)+\s*$/.test(audio)) return false;
  return lines.some((line) => line.startsWith('c=IN IP')) && lines.some((line) => line.startsWith('o='));
}
