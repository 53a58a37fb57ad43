/**
 * Model weights as the federation sees them: a flat float vector with a layout of named tensors, and
 * its byte encodings for the wire (fp32, and the lossy fp16 and int8 used to shrink updates). Everything
 * here is free of gRPC and of any learning library, so the coordinator's arithmetic and the encodings
 * can be tested on their own and any learner plugs in by flattening its parameters.
 */
package io.tumorboard.federation.weights;
