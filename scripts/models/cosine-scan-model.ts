import { encodeOnnxModel, onnx, tensorInfo } from './onnx-graph';

const FLOAT = onnx.TensorProto.DataType.FLOAT;

/**
 * The knowledge pane's nearest-article scan as an ONNX graph of one MatMul: `vectors` [articles, width] times
 * `query` [width, 1] gives `similarity` [articles, 1] (the vectors are normalised, so these are cosines).
 * onnxruntime runs it with its SIMD kernels on the desk's cores, several times faster than a JavaScript loop.
 * The desk ships the encoded file (`resources/models/cosine-scan.onnx`); a test checks it is what this writes.
 */
export function cosineScanModel(): Uint8Array {
  return encodeOnnxModel('hotline-desk', {
    name: 'cosine_scan',
    input: [tensorInfo('vectors', FLOAT, ['articles', 'width']), tensorInfo('query', FLOAT, ['width', 1])],
    output: [tensorInfo('similarity', FLOAT, ['articles', 1])],
    node: [{ opType: 'MatMul', input: ['vectors', 'query'], output: ['similarity'] }],
  });
}
