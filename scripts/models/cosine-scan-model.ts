import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;

/**
 * The knowledge pane's nearest-article scan as an ONNX graph of one MatMul: `vectors` [articles, width] times
 * `query` [width, 1] gives `similarity` [articles, 1] (the vectors are normalised, so these are cosines).
 * onnxruntime runs it with its SIMD kernels on the desk's cores, several times faster than a JavaScript loop.
 * The desk ships the encoded file (`resources/models/cosine-scan.onnx`); a test checks it is what this writes.
 */
export function cosineScanModel(): Uint8Array {
  const matrix = (name: string, rows: string, columns: string | number) => ({
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimParam: rows }, typeof columns === 'number' ? { dimValue: columns } : { dimParam: columns }] } } },
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'hotline-desk',
    graph: {
      name: 'cosine_scan',
      input: [matrix('vectors', 'articles', 'width'), matrix('query', 'width', 1)],
      output: [matrix('similarity', 'articles', 1)],
      node: [{ opType: 'MatMul', input: ['vectors', 'query'], output: ['similarity'] }],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
