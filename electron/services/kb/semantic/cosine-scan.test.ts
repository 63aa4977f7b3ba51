import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cosineScanModel } from '../../../../scripts/models/cosine-scan-model';
import { COSINE_SCAN_FILE, CosineScan } from './cosine-scan';

const resources = path.resolve(import.meta.dirname, '../../../../resources');
const opened: CosineScan[] = [];
afterAll(async () => {
  await Promise.all(opened.map((scan) => scan.close()));
});

describe('the cosine scan (one MatMul run by onnxruntime)', () => {
  it('ships exactly the graph its script writes', () => {
    expect(Buffer.from(fs.readFileSync(path.join(resources, COSINE_SCAN_FILE))).equals(Buffer.from(cosineScanModel()))).toBe(true);
  });

  it('gives every row’s dot product with the query', async () => {
    const scan = await CosineScan.open(resources);
    opened.push(scan);
    const rows = [
      [1, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5],
      [0, 0, -1, 0],
    ];
    const matrix = scan.matrix(Float32Array.from(rows.flat()), 3, 4);
    const query = Float32Array.from([0.6, 0, 0.8, 0]);
    const similarities = await scan.similarities(matrix, query);
    expect([...similarities].map((v) => v.toFixed(4))).toEqual(['0.6000', '0.7000', '-0.8000']);
  });

  it('answers nothing for no articles and refuses a query of another width', async () => {
    const scan = await CosineScan.open(resources);
    opened.push(scan);
    expect(await scan.similarities(scan.matrix(new Float32Array(0), 0, 4), Float32Array.from([1, 0, 0, 0]))).toHaveLength(0);
    await expect(scan.similarities(scan.matrix(new Float32Array(8), 2, 4), Float32Array.from([1, 0, 0]))).rejects.toThrow(/3 numbers/);
  });
});
