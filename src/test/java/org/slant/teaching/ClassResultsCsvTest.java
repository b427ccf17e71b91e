package org.slant.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slant.teaching.TeachingFixture.T0;
import static org.slant.teaching.TeachingFixture.exerciseWith;
import static org.slant.teaching.TeachingFixture.span;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slant.agreement.SpanMatchCounts;
import org.slant.label.Scheme;

class ClassResultsCsvTest {

    private static final Exercise EXERCISE = exerciseWith(List.of(span("a", "HUMILIATED", "sensational", "t"),
                    span("b", "seem doomed", "opinion", "t")),
            new LinkedHashSet<>(List.of("sensational", "opinion")));

    private static ClassResults results() {
        Roster roster = new Roster("ex", List.of(new RosterEntry("ana", "Ana \"the Great\", Lima", T0),
                new RosterEntry("bo", "=HYPERLINK(\"http://x\")", T0), new RosterEntry("cy", "Cy", T0)));
        List<Submission> submissions = List.of(
                new Submission("ex", "ana", T0, false, 1, List.of(span("1", "HUMILIATED", "sensational", "ana"))),
                new Submission("ex", "bo", T0.plusSeconds(5), true, 1, List.of(span("1", "HUMILIATED", "opinion", "bo"),
                        span("2", "doomed", "opinion", "bo"))),
                new Submission("ex", "zed", T0, false, 1, List.of()));
        return ClassResults.of(EXERCISE, roster, submissions, Scheme.defaults());
    }

    @Test
    void rowsPerStudentWithStateAndScores() {
        ClassResults r = results();

        assertThat(r.labelNames()).containsExactly("Sensational framing", "Opinion");
        assertThat(r.rows()).extracting(ClassResults.Row::user).containsExactly("ana", "bo", "cy", "zed");
        assertThat(r.rows()).extracting(ClassResults.Row::state).containsExactly(ClassResults.State.SUBMITTED,
                ClassResults.State.LATE, ClassResults.State.NOT_SUBMITTED, ClassResults.State.SUBMITTED);
        ClassResults.Row bo = r.rows().get(1);
        assertThat(bo.perLabel()).containsExactly(new SpanMatchCounts(0, 0, 1), new SpanMatchCounts(1, 2, 1));
        assertThat(bo.overall()).isEqualTo(new SpanMatchCounts(1, 2, 2));
        assertThat(r.rows().get(0).overall().f1()).hasValue(2.0 / 3);
    }

    @Test
    void csvQuotesFieldsAndDefusesFormulas() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClassResultsCsv.write(results(), out);
        String csv = out.toString(StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFstudent,name,state,submitted,Sensational framing F1,Sensational framing found,");
        List<String> lines = List.of(csv.substring(1).split("\r\n"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).endsWith("Opinion F1,Opinion found,Opinion in reference,Opinion marked,overall F1");
        assertThat(lines.get(1)).isEqualTo("ana,\"Ana \"\"the Great\"\", Lima\",SUBMITTED,2025-09-01T08:00:00Z,"
                + "1.000,1,1,1,0.000,0,1,0,0.667");
        assertThat(lines.get(2)).startsWith("bo,\"'=HYPERLINK(\"\"http://x\"\")\",LATE,");
        assertThat(lines.get(3)).isEqualTo("cy,Cy,NOT_SUBMITTED,,,,,,,,,,");
        assertThat(org.slant.exchange.SpreadsheetCsv.defuse("+1")).isEqualTo("'+1");
        assertThat(org.slant.exchange.SpreadsheetCsv.defuse("@x")).isEqualTo("'@x");
        assertThat(org.slant.exchange.SpreadsheetCsv.defuse("-x")).isEqualTo("'-x");
        assertThat(org.slant.exchange.SpreadsheetCsv.defuse("Ann")).isEqualTo("Ann");
    }
}
