package io.github.sitegen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

/** The digest the build cache records: what it is made of and how it is written. */
class DigestTest {

    @Test
    void aDigestIsTheLengthThenBothChecksumsIn32LowerCaseHexDigits() {
        for (String text : new String[] {"", "a", "site-gen", "x".repeat(70_000)}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            CRC32C castagnoli = new CRC32C();
            castagnoli.update(bytes);
            CRC32 ieee = new CRC32();
            ieee.update(bytes);
            String expected = String.format("%016x%08x%08x", (long) bytes.length, castagnoli.getValue(), ieee.getValue());
            assertEquals(expected, Digest.of(bytes));
            Digest byByte = new Digest();
            for (byte b : bytes) {
                byByte.update(b);
            }
            assertEquals(expected, byByte.hex());
        }
    }
}
