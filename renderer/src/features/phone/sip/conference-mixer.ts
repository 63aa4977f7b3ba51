/**
 * A three-way call mixed in the desk: each party hears the operator and the
 * other party. Two calls stay two SIP dialogs; what each one sends is a WebAudio
 * mix of the microphone and the other call's incoming audio. Muting the operator
 * silences only the microphone, so the two parties keep hearing each other.
 */
export class ConferenceMixer {
  private readonly context = new AudioContext();
  private readonly mic: GainNode;
  private readonly originalTracks: (MediaStreamTrack | null)[];

  constructor(
    private readonly legs: readonly [RTCPeerConnection, RTCPeerConnection],
    remoteStreams: readonly [MediaStream, MediaStream],
    micTrack: MediaStreamTrack,
  ) {
    this.mic = this.context.createGain();
    this.context.createMediaStreamSource(new MediaStream([micTrack])).connect(this.mic);
    this.originalTracks = legs.map((pc) => audioSender(pc)?.track ?? null);
    legs.forEach((pc, index) => {
      const destination = this.context.createMediaStreamDestination();
      this.mic.connect(destination);
      const other = remoteStreams[1 - index];
      if (other) this.context.createMediaStreamSource(other).connect(destination);
      const track = destination.stream.getAudioTracks()[0];
      if (track) void audioSender(pc)?.replaceTrack(track);
    });
    void this.context.resume();
  }

  setMicMuted(muted: boolean): void {
    this.mic.gain.value = muted ? 0 : 1;
  }

  /** Puts the microphone back on any leg that is still up and releases the mix. */
  async close(): Promise<void> {
    await Promise.all(
      this.legs.map(async (pc, index) => {
        const sender = audioSender(pc);
        const original = this.originalTracks[index];
        if (sender && original && pc.connectionState !== 'closed') await sender.replaceTrack(original).catch(() => undefined);
      }),
    );
    await this.context.close().catch(() => undefined);
  }
}

function audioSender(pc: RTCPeerConnection): RTCRtpSender | undefined {
  return pc.getSenders().find((s) => s.track?.kind === 'audio');
}
