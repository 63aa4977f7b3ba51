import onnxProto from 'onnx-proto';

export const { onnx } = onnxProto;

/** A dimension: a name for one that varies (batch, sequence), a number for one that is fixed. */
type Dimension = string | number;

/** A graph input or output: its name, element type and shape. */
export function tensorInfo(name: string, elemType: number, dims: readonly Dimension[]): onnxProto.onnx.IValueInfoProto {
  return { name, type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } } };
}

/** Encodes a graph as an ONNX model file (IR 8, the default opset 13, which onnxruntime 1.x runs). */
export function encodeOnnxModel(producerName: string, graph: onnxProto.onnx.IGraphProto): Uint8Array {
  const model = onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: '', version: 13 }], producerName, graph });
  return onnx.ModelProto.encode(model).finish();
}
