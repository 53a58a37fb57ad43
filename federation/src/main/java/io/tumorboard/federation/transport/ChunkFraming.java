package io.tumorboard.federation.transport;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.tumorboard.federation.v1.WeightChunk;

/**
 * Recognises a message that is a weight chunk and nothing else — {@code Part{chunk: WeightChunk{data}}}, as
 * protobuf writes it, for TaskPart and ResultPart alike — from its first bytes, so that a marshaller can take the
 * chunk's bytes without protobuf copying them into one array. Any other shape is left to protobuf.
 */
final class ChunkFraming {

    /** Longest chunk framing: two one-byte tags and two five-byte lengths. */
    static final int MAX_FRAMING = 12;

    private static final int DATA_TAG = WeightChunk.DATA_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;

    private ChunkFraming() {
    }

    /**
     * Where the chunk's data starts if the {@code read} bytes of {@code head} frame a chunk in field
     * {@code chunkField} and nothing else, in a message {@code total} bytes long (-1: length unknown); else -1.
     */
    static int dataOffset(byte[] head, int read, int total, int chunkField) {
        int chunkTag = chunkField << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
        if (total < 0 || read < 2 || (head[0] & 0xff) != chunkTag) {
            return -1;
        }
        int[] at = {1};
        long chunkBytes = varint(head, read, at);
        if (chunkBytes < 0 || at[0] >= read || (head[at[0]] & 0xff) != DATA_TAG) {
            return -1;
        }
        int chunkStart = at[0];
        at[0]++;
        long dataBytes = varint(head, read, at);
        boolean exact = dataBytes >= 0 && chunkStart + chunkBytes == total
                && 1 + CodedOutputStream.computeUInt64SizeNoTag(dataBytes) + dataBytes == chunkBytes;
        return exact ? at[0] : -1;
    }

    /** The varint at {@code at[0]} (which it advances), or -1 if it does not end within {@code read} bytes. */
    private static long varint(byte[] b, int read, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 35 && at[0] < read; shift += 7) {
            int x = b[at[0]++] & 0xff;
            value |= (long) (x & 0x7f) << shift;
            if (x < 0x80) {
                return value;
            }
        }
        return -1;
    }
}
