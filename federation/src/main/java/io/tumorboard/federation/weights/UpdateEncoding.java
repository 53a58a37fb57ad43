package io.tumorboard.federation.weights;

/** How values are written as bytes on the wire; the smaller encodings compress updates lossily. */
public enum UpdateEncoding {
    /** IEEE 754 binary32, 4 bytes per value. */
    FP32(4),
    /** IEEE 754 binary16, 2 bytes per value. */
    FP16(2),
    /** Symmetric linear quantisation with one scale per tensor, 1 byte per value. */
    INT8(1);

    private final int bytesPerValue;

    UpdateEncoding(int bytesPerValue) {
        this.bytesPerValue = bytesPerValue;
    }

    public int bytesPerValue() {
        return bytesPerValue;
    }
}
