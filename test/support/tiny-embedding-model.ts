import fs from 'node:fs';
import path from 'node:path';
import { encodeOnnxModel, onnx, tensorInfo } from '../../scripts/models/onnx-graph';

const { DataType } = onnx.TensorProto;

/** The special tokens of a BERT-style vocabulary, first, as real Chinese BERT tokenizers have them. */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const;

export interface TinyModelOptions {
  /** Every character the vocabulary holds (others become [UNK]). */
  characters: Iterable<string>;
  /** A token's embedding row: the model is an embedding table, so a text's vector is the mean of its tokens' rows. */
  rowOf: (token: string) => readonly number[];
  /** `sentence_embedding`: the graph pools (mean over all positions) itself; default: it gives `last_hidden_state`. */
  output?: 'last_hidden_state' | 'sentence_embedding';
  /** Graph inputs; default: input_ids, attention_mask, token_type_ids, as BERT exports have them. */
  inputs?: readonly string[];
  /** Written to tokenizer_config.json when set. */
  maxTokens?: number;
}

/**
 * Writes a real ONNX model and a real Hugging Face `tokenizer.json` to `folder`, small enough to build in a test:
 * a BERT tokenizer (one token per Chinese character, [CLS] … [SEP]) and a graph that looks each token up in an
 * embedding table and multiplies by the attention mask (so padding gives zeros, as a real encoder's pooling
 * expects). It checks the loading, pooling and fusion code against numbers a test can work out by hand; it says
 * nothing about how good a real model is.
 */
export function writeTinyEmbeddingModel(folder: string, options: TinyModelOptions): { vocab: Map<string, number> } {
  fs.mkdirSync(folder, { recursive: true });
  const tokens = [...SPECIAL_TOKENS, ...new Set(options.characters)];
  const vocab = new Map(tokens.map((token, id) => [token, id]));
  const rows = tokens.map((token) => options.rowOf(token));
  const width = rows[0]?.length ?? 0;
  const table = new Float32Array(tokens.length * width);
  rows.forEach((row, id) => {
    table.set(row, id * width);
  });
  const inputs = options.inputs ?? ['input_ids', 'attention_mask', 'token_type_ids'];
  const pooled = options.output === 'sentence_embedding';
  const outputShape = pooled ? ['batch', width] : ['batch', 'sequence', width];
  const hasMask = inputs.includes('attention_mask');
  const masked = hasMask ? 'masked' : 'looked_up';
  const nodes = [
    { opType: 'Gather', input: ['embeddings', inputs.includes('input_ids') ? 'input_ids' : (inputs[0] ?? '')], output: ['looked_up'] },
    ...(hasMask
      ? [
          { opType: 'Cast', input: ['attention_mask'], output: ['mask_float'], attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: DataType.FLOAT }] },
          { opType: 'Unsqueeze', input: ['mask_float', 'last_axis'], output: ['mask_3d'] },
          { opType: 'Mul', input: ['looked_up', 'mask_3d'], output: ['masked'] },
        ]
      : []),
    ...(pooled
      ? [{ opType: 'ReduceMean', input: [masked], output: ['sentence_embedding'], attribute: [{ name: 'axes', type: onnx.AttributeProto.AttributeType.INTS, ints: [1] }, { name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 }] }]
      : [{ opType: 'Identity', input: [masked], output: ['last_hidden_state'] }]),
  ];
  const model = encodeOnnxModel('hotline-desk tests', {
    name: 'tiny_embedding',
    input: inputs.map((name) => tensorInfo(name, DataType.INT64, ['batch', 'sequence'])),
    output: [tensorInfo(pooled ? 'sentence_embedding' : 'last_hidden_state', DataType.FLOAT, outputShape)],
    initializer: [
      { name: 'embeddings', dims: [tokens.length, width], dataType: DataType.FLOAT, rawData: new Uint8Array(table.buffer) },
      ...(hasMask ? [{ name: 'last_axis', dims: [1], dataType: DataType.INT64, int64Data: [-1] }] : []),
    ],
    node: nodes,
  });
  fs.writeFileSync(path.join(folder, 'model.onnx'), model);
  fs.writeFileSync(path.join(folder, 'tokenizer.json'), JSON.stringify(bertTokenizer(vocab)));
  if (options.maxTokens !== undefined) fs.writeFileSync(path.join(folder, 'tokenizer_config.json'), JSON.stringify({ model_max_length: options.maxTokens }));
  return { vocab };
}

/** A `tokenizer.json` as Chinese BERT models ship it: BERT normaliser and pre-tokeniser, WordPiece, [CLS] text [SEP]. */
function bertTokenizer(vocab: ReadonlyMap<string, number>): object {
  const special = (token: string) => ({ id: token, ids: [vocab.get(token) ?? 0], tokens: [token] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({ id: vocab.get(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab) },
  };
}
