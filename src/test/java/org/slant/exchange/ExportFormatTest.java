package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExportFormatTest {

    @Test
    void parsesEveryIdBackToItsFormat() {
        for (ExportFormat f : ExportFormat.values()) {
            assertThat(ExportFormat.parse(f.id())).isSameAs(f);
            assertThat(f.title()).isNotBlank();
            assertThat(f.mediaType()).contains("/");
        }
        assertThat(ExportFormat.parse("webanno")).isSameAs(ExportFormat.WEB_ANNOTATION);
    }

    @Test
    void anUnknownIdNamesTheValidOnes() {
        assertThatThrownBy(() -> ExportFormat.parse("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"xml\"")
                .hasMessageContaining("json, jsonl, csv, csv-zip, brat, conll, webanno, semeval");
        assertThatThrownBy(() -> ExportFormat.parse("JSON")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExportFormat.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fileNamesAndWriters() {
        assertThat(ExportFormat.JSONL.fileName("peace")).isEqualTo("peace.jsonl");
        assertThat(ExportFormat.SLANT_JSON.fileName("peace")).isEqualTo("peace.json");
        assertThat(ExportFormat.BRAT.fileName("peace")).isEqualTo("peace.zip");
        assertThat(ExportFormat.SEMEVAL.fileName("peace")).isEqualTo("peace.zip");
        assertThat(ExportFormat.CSV.writer()).isInstanceOf(CsvWriter.class);
        assertThat(ExportFormat.CONLL.writer()).isInstanceOf(ConllWriter.class);
        assertThat(ExportFormat.BRAT.mediaType()).isEqualTo("application/zip");
    }
}
