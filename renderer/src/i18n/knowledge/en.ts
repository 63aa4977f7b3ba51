import type { Shape } from '../shape';
import type { knowledgeZhCN } from './zh-CN';

/** English for the knowledge base pane; the type makes a missing or extra key a compile error. */
export const knowledgeEn: Shape<typeof knowledgeZhCN> = {
  suggested: 'Suggested from the ticket',
  feedback: { helpful: 'Helpful', outdated: 'Outdated', wrong: 'Wrong', thanks: 'Noted for the KB editors' },
  expired: 'Expired',
  phrasing: 'Asked as: {{phrasing}}',
  learned: 'Often used by operators',
  updated: 'updated {{date}}',
  linked: 'Linked:',
  noHits: 'Nothing found; try other words',
  weak: {
    title: 'No article matches well',
    detail: 'The articles below share only a few of the words searched for and may not answer the question.',
    widen: 'Widen the search (Shift+Enter)',
    widened: 'Search widened: all districts, more articles',
    registerNew: 'Register as a new matter (Alt+Enter)',
  },
  copied: 'The answer of “{{title}}” was copied into the ticket',
  nothingToCopy: 'Pick an article in the knowledge pane first',
  searchPlaceholder: 'Search the knowledge base (F3; ↑↓ pick, Enter open, Alt+I copy to ticket)',
  semantic: {
    tag: 'Similar meaning',
    tagTip: 'None of the words searched for is in it; the semantic model found it by meaning (similarity {{similarity}})',
    title: 'Semantic model (optional)',
    intro:
      'A sentence-embedding model the centre installs (a folder with model.onnx and tokenizer.json), ranked together with the word search: it finds articles that say the same thing in other words. Leave empty to search by words only.',
    folder: 'Model folder',
    folderHint: 'Full path on this computer, e.g. D:\\12345\\models\\bge-small-zh',
    save: 'Save and use',
    turnOff: 'Turn off',
    close: 'Close',
    saved: 'Saved; loading the semantic model',
    turnedOff: 'Semantic model turned off; knowledge search uses words only',
    settings: 'Settings',
    states: {
      off: 'Off: search by words only',
      loading: 'Loading the semantic model…',
      indexing: 'Semantic model: computing article vectors {{done}} / {{total}} (search uses words meanwhile)',
      ready: 'Semantic model in use: {{articles}} articles, {{dimensions}}-number vectors',
      failed: 'The semantic model cannot be used: {{reason}}. Knowledge search uses words as usual.',
    },
    problems: {
      MODEL_MISSING: 'there is no model.onnx in the folder',
      TOKENIZER_MISSING: 'there is no tokenizer.json in the folder',
      MODEL_TOO_LARGE: 'the model file is too large (1.5 GB at most)',
      MODEL_UNREADABLE: 'the model or tokenizer file cannot be read (damaged, or not ONNX)',
      MODEL_UNSUPPORTED: 'this is not a text sentence-embedding model (its input should be input_ids)',
      VECTORS_FAILED: 'computing the article vectors failed (see the log)',
    },
  },
  empty: 'Two or three keywords are enough',
  detach: 'Move to second screen',
  detachUnsupported: 'The browser version cannot move panes to a second screen',
};
