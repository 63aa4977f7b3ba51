import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/temp-dir';
import { writeTinyEmbeddingModel } from '../../../../test/support/tiny-embedding-model';
import { EmbeddingModel, ModelLoadError } from './embedding-model';

/** Rows by token: the special tokens share one direction, each test character its own. */
const rows: Record<string, number[]> = {
  '[CLS]': [0, 0, 0, 1],
  '[SEP]': [0, 0, 0, 1],
  猫: [1, 0, 0, 0],
  狗: [0, 1, 0, 0],
  鱼: [0, 0, 1, 0],
};
const rowOf = (token: string) => rows[token] ?? [0, 0, 0, 0];
const characters = ['猫', '狗', '鱼'];

function normalised(values: number[]): number[] {
  const norm = Math.hypot(...values);
  return values.map((v) => v / norm);
}

function expectVector(actual: Float32Array | undefined, expected: number[]): void {
  expect(actual?.length).toBe(expected.length);
  expected.forEach((value, i) => {
    expect(actual?.[i]).toBeCloseTo(value, 5);
  });
}

const opened: EmbeddingModel[] = [];
async function load(folder: string): Promise<EmbeddingModel> {
  const model = await EmbeddingModel.load(folder);
  opened.push(model);
  return model;
}

async function problemOf(folder: string): Promise<string> {
  try {
    await load(folder);
  } catch (error) {
    if (error instanceof ModelLoadError) return error.problem;
    throw error;
  }
  return 'loaded';
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((model) => model.close()));
});

describe('the optional embedding model (onnxruntime-node, a model the test builds)', () => {
  it('averages the token states over the attention mask, [CLS] and [SEP] included, and normalises', async () => {
    const folder = tempDir();
    writeTinyEmbeddingModel(folder, { characters, rowOf });
    const model = await load(folder);
    expect(model.dimensions).toBe(4);
    const [vector] = await model.embed(['猫狗']);
    // [CLS] 猫 狗 [SEP]: (0,0,0,1) + (1,0,0,0) + (0,1,0,0) + (0,0,0,1), over 4.
    expectVector(vector, normalised([0.25, 0.25, 0, 0.5]));
  });

  it('gives a text the same vector alone and in a batch beside a longer one (padding is not averaged in)', async () => {
    const folder = tempDir();
    writeTinyEmbeddingModel(folder, { characters, rowOf });
    const model = await load(folder);
    const [alone] = await model.embed(['猫']);
    const [inBatch, longer] = await model.embed(['猫', '鱼鱼鱼鱼鱼鱼鱼狗']);
    expect([...(inBatch ?? [])].map((v) => v.toFixed(5))).toEqual([...(alone ?? [])].map((v) => v.toFixed(5)));
    expect(longer?.[2]).toBeGreaterThan(0.5);
    expect(Math.hypot(...(longer ?? []))).toBeCloseTo(1, 5);
  });

  it('takes a model’s own sentence_embedding output as it is', async () => {
    const folder = tempDir();
    writeTinyEmbeddingModel(folder, { characters, rowOf, output: 'sentence_embedding' });
    const model = await load(folder);
    const [vector] = await model.embed(['鱼']);
    expectVector(vector, normalised([0, 0, 1 / 3, 2 / 3]));
  });

  it('feeds only the inputs a model declares', async () => {
    const folder = tempDir();
    writeTinyEmbeddingModel(folder, { characters, rowOf, inputs: ['input_ids'] });
    const model = await load(folder);
    const [vector] = await model.embed(['狗']);
    expect(vector?.[1]).toBeCloseTo(normalised([0, 1 / 3, 0, 2 / 3])[1] ?? 0, 5);
  });

  it('cuts a long text to the tokenizer’s model_max_length, keeping the closing [SEP]', async () => {
    const folder = tempDir();
    writeTinyEmbeddingModel(folder, { characters, rowOf, maxTokens: 4 });
    const model = await load(folder);
    // [CLS] 猫 猫 [SEP] after the cut: the fish and the dogs never reach the model.
    const [vector] = await model.embed(['猫猫鱼鱼狗狗']);
    expectVector(vector, normalised([0.5, 0, 0, 0.5]));
  });

  it('keys its vectors by the model files, so another model never reuses them', async () => {
    const a = tempDir();
    const b = tempDir();
    writeTinyEmbeddingModel(a, { characters, rowOf });
    writeTinyEmbeddingModel(b, { characters, rowOf: (token) => (token === '猫' ? [0, 1, 0, 0] : rowOf(token)) });
    const [first, again, other] = await Promise.all([load(a), load(a), load(b)]);
    expect(first.key).toBe(again.key);
    expect(first.key).not.toBe(other.key);
  });

  it('says what is wrong with a folder it cannot use', async () => {
    expect(await problemOf(path.join(tempDir(), 'nothing-here'))).toBe('MODEL_MISSING');

    const noTokenizer = tempDir();
    writeTinyEmbeddingModel(noTokenizer, { characters, rowOf });
    fs.rmSync(path.join(noTokenizer, 'tokenizer.json'));
    expect(await problemOf(noTokenizer)).toBe('TOKENIZER_MISSING');

    const notOnnx = tempDir();
    writeTinyEmbeddingModel(notOnnx, { characters, rowOf });
    fs.writeFileSync(path.join(notOnnx, 'model.onnx'), 'this is not a model');
    expect(await problemOf(notOnnx)).toBe('MODEL_UNREADABLE');

    const badTokenizer = tempDir();
    writeTinyEmbeddingModel(badTokenizer, { characters, rowOf });
    fs.writeFileSync(path.join(badTokenizer, 'tokenizer.json'), '{"model": ');
    expect(await problemOf(badTokenizer)).toBe('MODEL_UNREADABLE');

    // An image model, say: its input is not text.
    const otherInputs = tempDir();
    writeTinyEmbeddingModel(otherInputs, { characters, rowOf, inputs: ['pixel_values'] });
    expect(await problemOf(otherInputs)).toBe('MODEL_UNSUPPORTED');
  });
});
