package org.slant.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slant.agreement.Layers.layer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AgreementExportTest {

    /* x: ann [0,10), bob [5,10): α_u 0.22…, kappa 0.5, exact F1 0, overlap F1 1, partial F1 2/3 (AgreementReportTest). */
    private final AgreementReport report = AgreementReport.of(List.of(layer("ann", 0, 10, "x"), layer("bob", 5, 10, "x")), 20,
            List.of("x", "y"));

    @Test
    void csvHasARowPerLabelOneOverallAndOnePerPairWithEmptyCellsForUndefinedValues() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AgreementExport.csv(report, out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines.getFirst()).isEqualTo("level,label,annotator_a,annotator_b,annotators,spans,alpha_u,kappa,"
                + "exact_f1,overlap_f1,partial_f1,exact_matched,predicted,reference,"
                + "attribute,measure,alpha,units,one_sided,link_type,links,matched,precision,recall,f1");
        String alpha = String.format(java.util.Locale.ROOT, "%.4f", report.overall().alphaU().getAsDouble());
        String noStructure = ",".repeat(11); // span rows leave the structure's columns empty
        assertThat(lines).contains("label,x,,,2,2," + alpha + ",0.5000,0.0000,1.0000,0.6667,,," + noStructure);
        // nobody used y: every value undefined, so empty, never NaN
        assertThat(lines).contains("label,y,,,2,0,,,,,,,," + noStructure);
        assertThat(lines).anyMatch(l -> l.startsWith("overall,,,,2,2," + alpha + ",0.5000,"));
        assertThat(lines).anyMatch(l -> l.startsWith("pair,x,ann,bob,2,,,0.5000,0.0000,1.0000,0.6667,0,1,1"));
        assertThat(String.join("\n", lines)).doesNotContain("NaN");
    }

    @Test
    void jsonCarriesTheSameRowsWithNumbersAndNulls() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AgreementExport.json(report, out);
        JsonNode json = JsonMapper.shared().readTree(out.toByteArray());

        assertThat(json.path("documents").asInt()).isEqualTo(report.documents());
        assertThat(json.path("annotators").toString()).isEqualTo("[\"ann\",\"bob\"]");
        JsonNode x = json.path("rows").get(0);
        assertThat(x.path("level").asString()).isEqualTo("label");
        assertThat(x.path("kappa").isNumber()).isTrue();
        assertThat(x.path("kappa").asDouble()).isEqualTo(0.5);
        assertThat(x.path("annotator_a").isNull()).isTrue();
        JsonNode y = json.path("rows").get(1);
        assertThat(y.path("alpha_u").isNull()).isTrue();
        assertThat(json.path("rows")).hasSize(2 + 1 + report.pairs().size());
    }

    /*
     * The layers of StructureAgreementTest: polarity κ 2/3 = 0.6667, α 24/35 = 0.6857 over 6 matched pairs, 1 one-sided;
     * target all the same (α, κ empty). Links: none in these layers, but the scheme has two link types, so link rows
     * with 0 links and empty F1s.
     */
    @Test
    void structureRowsCarryStableColumnNames() throws Exception {
        List<org.slant.annotation.Layer> layers = StructureAgreementTest.biasLayers();
        AgreementReport structured = AgreementReport.of(layers, 100, null).withStructure(StructureAgreement.of(
                List.of(new TeamLayers("x".repeat(100), layers)), StructureAgreementTest.SCHEME, List.of("ann", "bob")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AgreementExport.csv(structured, out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).contains("attribute,bias,,,2,,,0.6667,,,,,,,polarity,nominal,0.6857,6,1,,,,,,");
        assertThat(lines).contains("attribute_pair,bias,ann,bob,2,,,0.6667,,,,,,,polarity,nominal,0.6857,6,1,,,,,,");
        assertThat(lines).contains("attribute,bias,,,2,,,,,,,,,,target,nominal,,2,0,,,,,,");
        assertThat(lines).contains("attribute,bias,,,2,,,0.5000,,,,,,,intensity,ordinal,0.7778,3,0,,,,,,");
        assertThat(lines).contains("link,,,,2,,,,,,,,,,,,,,,source,0,,,,");
        assertThat(lines).contains("link_pair,,ann,bob,2,,,,,,,,0,0,,,,,,source,,0,,,");
        assertThat(lines).anyMatch(l -> l.startsWith("sentence_label,,,,2,")).anyMatch(l -> l.startsWith("question,,,,2,"));

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        AgreementExport.json(structured, json);
        JsonNode rows = JsonMapper.shared().readTree(json.toByteArray()).path("rows");
        JsonNode polarity = null;
        for (JsonNode r : rows) {
            if (r.path("level").asString().equals("attribute") && r.path("attribute").asString().equals("polarity")) {
                polarity = r;
            }
        }
        assertThat(polarity).isNotNull();
        assertThat(polarity.path("measure").asString()).isEqualTo("nominal");
        assertThat(polarity.path("alpha").asDouble()).isEqualTo(0.6857);
        assertThat(polarity.path("units").asInt()).isEqualTo(6);
        assertThat(polarity.path("alpha_u").isNull()).isTrue();
    }
}
