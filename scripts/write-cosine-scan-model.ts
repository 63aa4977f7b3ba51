// Writes resources/models/cosine-scan.onnx (see scripts/models/cosine-scan-model.ts). Run: tsx scripts/write-cosine-scan-model.ts
import fs from 'node:fs';
import { cosineScanModel } from './models/cosine-scan-model';

fs.mkdirSync('resources/models', { recursive: true });
fs.writeFileSync('resources/models/cosine-scan.onnx', cosineScanModel());
