package dev.augctl.generate.output;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet compression over zstd-jni directly. parquet-hadoop's own codec factory loads Hadoop classes
 * even for UNCOMPRESSED; this one needs no Hadoop class at all. Zstd is the only codec the worker
 * writes, so snappy-java is not in the jar (with its native libraries it weighed 2.4 MB).
 */
final class LocalCodecFactory implements CompressionCodecFactory {
    /** Zstd's default level: a good ratio at a few hundred MB/s. */
    static final int ZSTD_LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> new Compressor(codec) {
                @Override
                byte[] compress(byte[] raw) {
                    return Zstd.compress(raw, ZSTD_LEVEL);
                }
            };
            case UNCOMPRESSED -> new Compressor(codec) {
                @Override
                byte[] compress(byte[] raw) {
                    return raw;
                }
            };
            default -> throw new IllegalArgumentException("unsupported Parquet codec " + codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                byte[] in = bytes.toByteArray();
                return BytesInput.from(switch (codec) {
                    case ZSTD -> Zstd.decompress(in, uncompressedSize);
                    case UNCOMPRESSED -> in;
                    default -> throw new IllegalArgumentException("unsupported Parquet codec " + codec);
                });
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(decompress(BytesInput.from(in), uncompressedSize).toByteArray());
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    private abstract static class Compressor implements BytesInputCompressor {
        private final CompressionCodecName codec;

        Compressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        abstract byte[] compress(byte[] raw) throws IOException;

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(compress(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
        }
    }
}
