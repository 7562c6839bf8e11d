package dev.augctl.merge;

import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Lets parquet-hadoop's writer run without Hadoop classes in tests: pages are stored uncompressed. */
final class UncompressedCodecFactory implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) {
                return bytes;
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CompressionCodecName.UNCOMPRESSED;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
                return bytes;
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
                output.put(input);
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    private static void check(CompressionCodecName codec) {
        if (codec != CompressionCodecName.UNCOMPRESSED) {
            throw new IllegalArgumentException("test codec factory supports UNCOMPRESSED only, not " + codec);
        }
    }
}
