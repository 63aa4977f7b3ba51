import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type * as OnnxRuntime from 'onnxruntime-node';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import type { Tokenizer } from '@huggingface/tokenizers';

/** What a centre puts in the model folder: the ONNX export and its Hugging Face tokenizer. */
export const MODEL_FILE = 'model.onnx';
export const TOKENIZER_FILE = 'tokenizer.json';
/** Optional, beside the tokenizer: its `model_max_length` bounds how many tokens an article gives. */
const TOKENIZER_CONFIG_FILE = 'tokenizer_config.json';

/** Largest model file read (a base-size sentence model is ~400 MB in float32). */
const MODEL_BYTES_CAP = 1_500_000_000;
const TOKENIZER_BYTES_CAP = 50_000_000;
/** Tokens per text when the tokenizer does not say; sentence models are trained on short passages. */
const DEFAULT_MAX_TOKENS = 256;
const MAX_TOKENS_CAP = 512;

/** Why a model folder could not be used; the desk words each one for the operator. */
export type ModelProblem = 'MODEL_MISSING' | 'TOKENIZER_MISSING' | 'MODEL_TOO_LARGE' | 'MODEL_UNREADABLE' | 'MODEL_UNSUPPORTED';

export class ModelLoadError extends Error {
  constructor(
    readonly problem: ModelProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ModelLoadError';
  }
}

/**
 * A sentence-embedding model that a centre installs (for instance a Chinese BERT-family model exported to
 * ONNX), run on the CPU by onnxruntime-node. Texts are tokenized by the model's own `tokenizer.json`, fed as
 * `input_ids` / `attention_mask` / `token_type_ids` (whichever the model declares), and the output is pooled:
 * a `sentence_embedding` output is taken as it is, otherwise the token states are averaged over the attention
 * mask. Vectors are L2-normalised, so a dot product is the cosine similarity.
 */
export class EmbeddingModel {
  private constructor(
    private readonly session: InferenceSession,
    private readonly tokenizer: Tokenizer,
    private readonly runtime: typeof OnnxRuntime,
    /** A hash of the model and tokenizer files: vectors are kept per key, so a new model recomputes them. */
    readonly key: string,
    readonly dimensions: number,
    private readonly maxTokens: number,
    private readonly output: { name: string; pooled: boolean },
  ) {}

  /** Loads `model.onnx` and `tokenizer.json` from the folder; throws a ModelLoadError saying what is wrong. */
  static async load(folder: string): Promise<EmbeddingModel> {
    const modelFile = path.join(folder, MODEL_FILE);
    const tokenizerFile = path.join(folder, TOKENIZER_FILE);
    const modelSize = sizeOf(modelFile);
    if (modelSize === null) throw new ModelLoadError('MODEL_MISSING', `no ${MODEL_FILE} in ${folder}`);
    if (modelSize > MODEL_BYTES_CAP) throw new ModelLoadError('MODEL_TOO_LARGE', `${MODEL_FILE} is ${modelSize} bytes`);
    const tokenizerSize = sizeOf(tokenizerFile);
    if (tokenizerSize === null) throw new ModelLoadError('TOKENIZER_MISSING', `no ${TOKENIZER_FILE} in ${folder}`);
    if (tokenizerSize > TOKENIZER_BYTES_CAP) throw new ModelLoadError('MODEL_TOO_LARGE', `${TOKENIZER_FILE} is ${tokenizerSize} bytes`);

    // Loaded only when a centre sets a model: desks without one never pay for the runtime.
    const [runtime, { Tokenizer }] = await Promise.all([import('onnxruntime-node'), import('@huggingface/tokenizers')]);
    const tokenizerText = fs.readFileSync(tokenizerFile, 'utf8');
    const config = readJsonOrNothing(path.join(folder, TOKENIZER_CONFIG_FILE));
    let tokenizer: Tokenizer;
    try {
      tokenizer = new Tokenizer(JSON.parse(tokenizerText) as object, config ?? {});
      tokenizer.encode('测试');
    } catch (error) {
      throw new ModelLoadError('MODEL_UNREADABLE', `${TOKENIZER_FILE} could not be read as a tokenizer`, { cause: error });
    }
    let session: InferenceSession;
    try {
      // From the file, not a buffer: onnxruntime maps it (no second copy of a model of hundreds of MB) and finds
      // the external data files large models keep beside it. Two threads at most: the desk shares its CPU with
      // the call's audio and the workbench.
      session = await runtime.InferenceSession.create(modelFile, { intraOpNumThreads: 2, interOpNumThreads: 1, graphOptimizationLevel: 'all', logSeverityLevel: 3 });
    } catch (error) {
      throw new ModelLoadError('MODEL_UNREADABLE', `${MODEL_FILE} could not be loaded by onnxruntime`, { cause: error });
    }
    const unknown = session.inputNames.filter((name) => !FED_INPUTS.has(name));
    if (!session.inputNames.includes('input_ids') || unknown.length > 0) {
      await session.release();
      throw new ModelLoadError('MODEL_UNSUPPORTED', `model inputs ${session.inputNames.join(', ')}: expected input_ids with attention_mask / token_type_ids`);
    }
    const output = chooseOutput(session.outputNames);
    const key = await modelKey(modelFile, tokenizerText);
    const maxTokens = Math.min(MAX_TOKENS_CAP, numberOr(config?.model_max_length, DEFAULT_MAX_TOKENS));
    const probe = new EmbeddingModel(session, tokenizer, runtime, key, 0, maxTokens, output);
    let dimensions: number;
    try {
      dimensions = (await probe.run(['测试']))[0]?.length ?? 0;
    } catch (error) {
      await session.release();
      throw new ModelLoadError('MODEL_UNSUPPORTED', 'the model did not run on a test sentence', { cause: error });
    }
    if (dimensions < 2 || dimensions > 4096) {
      await session.release();
      throw new ModelLoadError('MODEL_UNSUPPORTED', `the model gives vectors of ${dimensions} numbers`);
    }
    return new EmbeddingModel(session, tokenizer, runtime, key, dimensions, maxTokens, output);
  }

  /** One normalised vector per text (an empty text gives the model's vector of its special tokens). */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const vectors = await this.run(texts);
    for (const vector of vectors) {
      if (vector.length !== this.dimensions) throw new Error(`model gave ${vector.length} numbers, ${this.dimensions} expected`);
    }
    return vectors;
  }

  async close(): Promise<void> {
    await this.session.release();
  }

  private async run(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const encoded = texts.map((text) => this.encode(text));
    const length = Math.max(...encoded.map((e) => e.length));
    const batch = texts.length;
    const ids = new BigInt64Array(batch * length);
    const mask = new BigInt64Array(batch * length);
    encoded.forEach((tokens, row) => {
      for (let i = 0; i < tokens.length; i++) {
        ids[row * length + i] = BigInt(tokens[i] ?? 0);
        mask[row * length + i] = 1n;
      }
    });
    const shape = [batch, length];
    const all: Record<string, Tensor> = {
      input_ids: new this.runtime.Tensor('int64', ids, shape),
      attention_mask: new this.runtime.Tensor('int64', mask, shape),
      token_type_ids: new this.runtime.Tensor('int64', new BigInt64Array(batch * length), shape),
    };
    const feeds = Object.fromEntries(this.session.inputNames.map((name) => [name, all[name] as Tensor]));
    const result = await this.session.run(feeds);
    const out = result[this.output.name];
    if (!out || out.type !== 'float32') throw new Error(`model output ${this.output.name} is not float32`);
    const data = out.data as Float32Array;
    const vectors = this.output.pooled ? rowsOf(data, out.dims, batch) : meanPooled(data, out.dims, encoded.map((e) => e.length));
    for (const vector of vectors) normalise(vector);
    return vectors;
  }

  /** Token ids with the model's special tokens, cut to its length (keeping the closing special token). */
  private encode(text: string): number[] {
    // Reading more characters than tokens can hold only costs time: Chinese gives about one token per character.
    const ids = this.tokenizer.encode(text.slice(0, this.maxTokens * 2)).ids;
    if (ids.length <= this.maxTokens) return ids;
    const last = ids[ids.length - 1] ?? 0;
    return [...ids.slice(0, this.maxTokens - 1), last];
  }
}

const FED_INPUTS = new Set(['input_ids', 'attention_mask', 'token_type_ids']);

function chooseOutput(names: readonly string[]): { name: string; pooled: boolean } {
  if (names.includes('sentence_embedding')) return { name: 'sentence_embedding', pooled: true };
  if (names.includes('last_hidden_state')) return { name: 'last_hidden_state', pooled: false };
  const first = names[0];
  if (first === undefined) throw new ModelLoadError('MODEL_UNSUPPORTED', 'the model has no outputs');
  return { name: first, pooled: false };
}

/** Rows of a [batch, dimensions] output. */
function rowsOf(data: Float32Array, dims: readonly number[], batch: number): Float32Array[] {
  if (dims.length !== 2 || dims[0] !== batch) throw new Error(`pooled output has shape [${dims.join(', ')}]`);
  const width = dims[1] ?? 0;
  return Array.from({ length: batch }, (_, row) => data.slice(row * width, (row + 1) * width));
}

/** The average of each text's token states over its own tokens (padding left out). */
function meanPooled(data: Float32Array, dims: readonly number[], lengths: readonly number[]): Float32Array[] {
  if (dims.length !== 3 || dims[0] !== lengths.length) throw new Error(`token output has shape [${dims.join(', ')}]`);
  const steps = dims[1] ?? 0;
  const width = dims[2] ?? 0;
  return lengths.map((count, row) => {
    const vector = new Float32Array(width);
    const used = Math.min(count, steps);
    for (let t = 0; t < used; t++) {
      const at = (row * steps + t) * width;
      for (let d = 0; d < width; d++) vector[d] = (vector[d] ?? 0) + (data[at + d] ?? 0);
    }
    if (used > 0) for (let d = 0; d < width; d++) vector[d] = (vector[d] ?? 0) / used;
    return vector;
  });
}

function normalise(vector: Float32Array): void {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let d = 0; d < vector.length; d++) vector[d] = (vector[d] ?? 0) / norm;
}

/** A hash of the model file (read as a stream) and the tokenizer: vectors are kept per key. */
async function modelKey(modelFile: string, tokenizerText: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(modelFile)) hash.update(chunk as Buffer);
  return hash.update(tokenizerText).digest('hex').slice(0, 32);
}

function sizeOf(file: string): number | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

function readJsonOrNothing(file: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}
