import fs from 'node:fs';
import path from 'node:path';
import type * as OnnxRuntime from 'onnxruntime-node';
import type { InferenceSession, Tensor } from 'onnxruntime-node';

/** The scan graph (one MatMul; written by scripts/write-cosine-scan-model.ts), under the resources folder. */
export const COSINE_SCAN_FILE = path.join('models', 'cosine-scan.onnx');

/**
 * Every article's cosine with a query vector in one call: a MatMul run by onnxruntime (the semantic model's
 * runtime, already loaded), whose SIMD kernels scan 50,000 × 768 numbers several times faster than a JavaScript
 * loop and off the services' thread. The article matrix is handed over once per refresh, without a copy.
 */
/** The articles' vectors as the scan takes them: `rows` × `width` numbers, row after row. */
export interface ScanMatrix {
  readonly tensor: Tensor | null;
  readonly rows: number;
  readonly width: number;
}

export class CosineScan {
  private constructor(
    private readonly runtime: typeof OnnxRuntime,
    private readonly session: InferenceSession,
  ) {}

  static async open(resourcesDir: string): Promise<CosineScan> {
    const runtime = await import('onnxruntime-node');
    const bytes = fs.readFileSync(path.join(resourcesDir, COSINE_SCAN_FILE));
    const session = await runtime.InferenceSession.create(bytes, { intraOpNumThreads: 2, interOpNumThreads: 1, logSeverityLevel: 3 });
    return new CosineScan(runtime, session);
  }

  /** Wraps the vectors for the scan (no copy: the tensor reads the array). */
  matrix(data: Float32Array, rows: number, width: number): ScanMatrix {
    return { tensor: rows > 0 ? new this.runtime.Tensor('float32', data.subarray(0, rows * width), [rows, width]) : null, rows, width };
  }

  /** The cosine of each row with the query (empty when there are no rows). */
  async similarities(matrix: ScanMatrix, query: Float32Array): Promise<Float32Array> {
    if (!matrix.tensor) return new Float32Array(0);
    if (query.length !== matrix.width) throw new Error(`query has ${query.length} numbers, the vectors ${matrix.width}`);
    const result = await this.session.run({ vectors: matrix.tensor, query: new this.runtime.Tensor('float32', query, [matrix.width, 1]) });
    const similarity = result.similarity;
    if (similarity?.type !== 'float32' || similarity.data.length !== matrix.rows) throw new Error('the scan gave no similarity per article');
    return similarity.data as Float32Array;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
