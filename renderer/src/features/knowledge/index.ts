/** The knowledge base pane (知识库): search, results, and copying the chosen answer. */
export { KnowledgePane } from './KnowledgePane';
export { copySelectedAnswer } from './use-knowledge-search';
export { openSemanticModelDialog } from './semantic-model-store';
