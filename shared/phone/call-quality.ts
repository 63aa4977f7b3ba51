/**
 * Call quality from two WebRTC stats samples: packet loss over the interval,
 * the receiver's jitter and the round-trip time. Pure so the thresholds can be
 * tested; the renderer feeds it `RTCPeerConnection.getStats()` numbers.
 */
export interface MediaSample {
  /** inbound-rtp audio */
  packetsReceived: number;
  packetsLost: number;
  bytesReceived: number;
  /** seconds, as WebRTC reports it */
  jitter: number;
  /** outbound-rtp audio */
  bytesSent: number;
  /** seconds, from the nominated candidate pair or remote-inbound-rtp; NaN when unknown */
  roundTripTime: number;
}

export type QualityGrade = 'good' | 'fair' | 'poor' | 'no_media';

export interface CallQuality {
  lossPercent: number;
  jitterMs: number;
  rttMs: number;
  grade: QualityGrade;
  /** Bytes that arrived during the interval: 0 means no audio is reaching the operator. */
  inboundBytesDelta: number;
}

export function callQuality(previous: MediaSample | null, current: MediaSample): CallQuality {
  const received = current.packetsReceived - (previous?.packetsReceived ?? 0);
  const lost = Math.max(0, current.packetsLost - (previous?.packetsLost ?? 0));
  const expected = received + lost;
  const lossPercent = expected > 0 ? (lost / expected) * 100 : 0;
  const jitterMs = current.jitter * 1_000;
  const rttMs = Number.isFinite(current.roundTripTime) ? current.roundTripTime * 1_000 : Number.NaN;
  const inboundBytesDelta = current.bytesReceived - (previous?.bytesReceived ?? 0);
  return { lossPercent, jitterMs, rttMs, inboundBytesDelta, grade: grade(lossPercent, jitterMs, rttMs, inboundBytesDelta) };
}

/** Thresholds after ITU-T G.114 (one-way delay) and common VoIP practice for loss and jitter. */
function grade(lossPercent: number, jitterMs: number, rttMs: number, inboundBytesDelta: number): QualityGrade {
  if (inboundBytesDelta <= 0) return 'no_media';
  const rtt = Number.isFinite(rttMs) ? rttMs : 0;
  if (lossPercent > 5 || jitterMs > 60 || rtt > 600) return 'poor';
  if (lossPercent > 1 || jitterMs > 30 || rtt > 300) return 'fair';
  return 'good';
}
