package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlantJsonTest {

    @Test
    void fastInstantFormatMatchesTheJdk() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(SlantJson.iso(instant)).isEqualTo(instant.toString());
        }
        assertThat(SlantJson.iso(Instant.parse("2025-08-16T09:30:00.000100Z"))).isEqualTo("2025-08-16T09:30:00.000100Z");
        assertThat(SlantJson.iso(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
    }

    @org.junit.jupiter.api.Test
    void fastInstantParsingAgreesWithTheJdkAndDefersOnAnythingElse() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 100_000; i++) {
            java.time.Instant t = java.time.Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000));
            String text = t.toString();
            org.assertj.core.api.Assertions.assertThat(SlantJson.parseIsoFast(text)).as(text).isEqualTo(java.time.Instant.parse(text));
        }
        org.assertj.core.api.Assertions.assertThat(SlantJson.parseIsoFast("2025-08-16T09:30:00.5Z"))
                .isEqualTo(java.time.Instant.parse("2025-08-16T09:30:00.500Z"));
        for (String other : new String[] {"2025-02-31T00:00:00Z", "2025-08-16T09:30:00+02:00", "2025-8-16T09:30:00Z",
                "2025-08-16T24:00:00Z", "2025-08-16T09:30:00.Z", "2025-08-16T09:30:00.1234567890Z", "x"}) {
            org.assertj.core.api.Assertions.assertThat(SlantJson.parseIsoFast(other)).as(other).isNull();
        }
    }

    private static org.slant.document.Document readDocument(String source) {
        return SlantJson.readDocument(SlantJson.parse(("{\"format\": \"slant-document/1\", \"id\": \"peace\", \"text\": \"Text.\","
                + " \"created\": \"2025-08-16T09:30:00Z\"" + (source == null ? "" : ", \"source\": " + source) + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String written(org.slant.document.Source source) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (tools.jackson.core.JsonGenerator g = SlantJson.generator(out, 1)) {
            g.writeStartObject();
            SlantJson.writeSource(g, source);
            g.writeEndObject();
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", "");
    }

    @Test
    void aDocumentsDatasetIdKeepsItsJsonTypeAndOlderFilesReadAsBefore() {
        org.slant.document.Source number = readDocument("{\"outlet\": \"Wire\", \"id\": 12345678901234567890, \"file\": \"a\\\\b.txt\"}").source();
        assertThat(number).isEqualTo(new org.slant.document.Source("Wire", null, null, "12345678901234567890", true, "a/b.txt"));
        assertThat(written(number)).isEqualTo("{\"source\":{\"outlet\":\"Wire\",\"id\":12345678901234567890,\"file\":\"a/b.txt\"}}");

        org.slant.document.Source string = readDocument("{\"id\": \"17\"}").source();
        assertThat(string.idIsNumber()).isFalse();
        assertThat(written(string)).isEqualTo("{\"source\":{\"id\":\"17\"}}");

        assertThat(readDocument("{\"outlet\": \"Wire\"}").source()).isEqualTo(new org.slant.document.Source("Wire", null, null));
        assertThat(readDocument(null).source()).isEqualTo(org.slant.document.Source.UNKNOWN);
        assertThat(written(org.slant.document.Source.UNKNOWN)).isEqualTo("{}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> readDocument("{\"id\": 1.5}"))
                .hasMessageContaining("\"id\" must be a string or a whole number");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new org.slant.document.Source(null, null, null, "x", true, null))
                .hasMessageContaining("said to be a number");
    }
}
