import type { MediaSample } from '../../../../shared/phone/call-quality';

/** Sums the audio RTP counters of a peer connection into one sample (what the quality indicator and tests read). */
export async function mediaSample(
  pc: RTCPeerConnection,
): Promise<MediaSample & { iceState: RTCIceConnectionState; signalingState: RTCSignalingState; localUfrag: string }> {
  const report = await pc.getStats();
  const sample = { packetsReceived: 0, packetsLost: 0, bytesReceived: 0, jitter: 0, bytesSent: 0, roundTripTime: Number.NaN };
  report.forEach((stat: Record<string, unknown>) => {
    if (stat.kind !== undefined && stat.kind !== 'audio') return;
    if (stat.type === 'inbound-rtp') {
      sample.packetsReceived += num(stat.packetsReceived);
      sample.packetsLost += num(stat.packetsLost);
      sample.bytesReceived += num(stat.bytesReceived);
      sample.jitter = Math.max(sample.jitter, num(stat.jitter));
    } else if (stat.type === 'outbound-rtp') {
      sample.bytesSent += num(stat.bytesSent);
    } else if (stat.type === 'candidate-pair' && stat.nominated === true && typeof stat.currentRoundTripTime === 'number') {
      sample.roundTripTime = stat.currentRoundTripTime;
    } else if (stat.type === 'remote-inbound-rtp' && typeof stat.roundTripTime === 'number' && Number.isNaN(sample.roundTripTime)) {
      sample.roundTripTime = stat.roundTripTime;
    }
  });
  const ufrag = /a=ice-ufrag:(\S+)/.exec(pc.localDescription?.sdp ?? '')?.[1] ?? '';
  return { ...sample, iceState: pc.iceConnectionState, signalingState: pc.signalingState, localUfrag: ufrag };
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
