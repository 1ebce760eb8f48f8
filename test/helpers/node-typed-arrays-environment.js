/**
 * Jest's node environment with the process's own Float32Array. Jest runs each test file in a
 * separate realm, so a Float32Array made by a native addon (onnxruntime-node's output tensors,
 * the card reader's text detector) fails onnxruntime's `instanceof Float32Array` check there,
 * though it never does in the service.
 */
const { TestEnvironment } = require('jest-environment-node');

class NodeTypedArraysEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.Float32Array = Float32Array;
  }
}

module.exports = NodeTypedArraysEnvironment;
