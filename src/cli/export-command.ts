import { Command } from 'commander';
import { StacklearnError } from '../errors.js';
import { writeFileAtomic } from '../persist/atomic-write.js';
import { loadModel } from '../persist/model-io.js';
import { toOnnx } from '../persist/onnx/to-onnx.js';
import { oneOf, parseInteger } from './parse-flags.js';

interface ExportFlags {
  onnx?: boolean;
  opset: number;
  precision: 'float32' | 'float64';
}

/** `stacklearn export --onnx model.slm out.onnx`: a saved model as an ONNX file. */
export function exportCommand(): Command {
  return new Command('export')
    .description('convert a saved model to another format: --onnx writes an ONNX file')
    .argument('<model>', 'the model file (stacklearn fit --out)')
    .argument('<out>', 'the file to write (atomically)')
    .option(
      '--onnx',
      'write ONNX: input "X" [N, features] (categorical columns as level codes), outputs "prediction" or "label" + "probabilities"',
    )
    .option('--opset <n>', 'the ai.onnx operator-set version, 13 … 21', parseInteger, 17)
    .option(
      '--precision <type>',
      'float32 (what most runtimes expect) or float64 (tree decisions exactly as stacklearn makes them)',
      oneOf('float32', 'float64'),
      'float32',
    )
    .action(async (modelPath: string, out: string, flags: ExportFlags) => {
      if (!flags.onnx) throw new StacklearnError('export: choose the format to write: --onnx');
      const model = await loadModel(modelPath);
      const bytes = toOnnx(model, {
        opset: flags.opset,
        precision: flags.precision,
        producerVersion: '0.1.0',
      });
      await writeFileAtomic(out, bytes);
      const outputs =
        model.task === 'regression'
          ? '"prediction" [N]'
          : `"label" [N] and "probabilities" [N, ${model.classes.length}]`;
      process.stderr.write(
        `wrote ${out}: ONNX opset ${flags.opset}, ${flags.precision} input "X" [N, ${model.info.features.length}], ` +
          `output ${outputs} (${bytes.length} bytes)\n`,
      );
    });
}
