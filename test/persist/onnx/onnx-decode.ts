// Test helper: an independent ONNX decoder (protobufjs over the onnx.proto messages we write).
import protobuf from 'protobufjs';

// The messages and field numbers of onnx/onnx.proto that the writer uses, for an independent decoder.
const onnxSchema = protobuf.parse(`
  syntax = "proto3";
  package onnx;
  message AttributeProto {
    string name = 1; float f = 2; int64 i = 3; bytes s = 4; TensorProto t = 5;
    repeated float floats = 7; repeated int64 ints = 8; repeated bytes strings = 9; int32 type = 20;
  }
  message ValueInfoProto { string name = 1; TypeProto type = 2; string doc_string = 3; }
  message NodeProto {
    repeated string input = 1; repeated string output = 2; string name = 3; string op_type = 4;
    repeated AttributeProto attribute = 5; string domain = 7;
  }
  message ModelProto {
    int64 ir_version = 1; string producer_name = 2; string producer_version = 3; string doc_string = 6;
    GraphProto graph = 7; repeated OperatorSetIdProto opset_import = 8;
    repeated StringStringEntryProto metadata_props = 14;
  }
  message StringStringEntryProto { string key = 1; string value = 2; }
  message GraphProto {
    repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5;
    repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12;
  }
  message TensorProto {
    repeated int64 dims = 1; int32 data_type = 2; repeated float float_data = 4;
    repeated int64 int64_data = 7; string name = 8; repeated double double_data = 10;
  }
  message TensorShapeProto {
    message Dimension { oneof value { int64 dim_value = 1; string dim_param = 2; } }
    repeated Dimension dim = 1;
  }
  message TypeProto {
    message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
    oneof value { Tensor tensor_type = 1; }
  }
  message OperatorSetIdProto { string domain = 1; int64 version = 2; }
`).root;

/** An ONNX file decoded by protobufjs, as plain objects (int64 as numbers, bytes as strings). */
// biome-ignore lint/suspicious/noExplicitAny: decoded protobuf objects are untyped.
export function decodeOnnx(bytes: Uint8Array): any {
  const Model = onnxSchema.lookupType('onnx.ModelProto');
  return Model.toObject(Model.decode(bytes), {
    longs: Number,
    bytes: String,
    defaults: false,
    oneofs: false,
  });
}
