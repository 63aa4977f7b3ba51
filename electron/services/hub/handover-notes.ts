import type { HandoverNote } from '../../../shared/hub/desk-session';
import { handoverNoteSchema } from '../../../shared/hub/desk-session';
import type { AppStateStore } from '../app-state';

/** The outgoing operator's note to the next shift on this desk (交接班), kept on the desk so it survives the hub being down. */
export class HandoverNotes {
  constructor(
    private readonly appState: AppStateStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  read(): HandoverNote | null {
    return this.appState.read('handoverNote', handoverNoteSchema.nullable(), null);
  }

  write(from: string, text: string): HandoverNote {
    return this.appState.write('handoverNote', handoverNoteSchema, { from, text: text.trim(), at: this.now().toISOString() });
  }
}
