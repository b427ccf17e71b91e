package org.slant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slant.label.Attribute;
import org.slant.label.Label;
import org.slant.label.LinkType;
import org.slant.label.Scheme;
import org.slant.label.SchemeTemplates;

/**
 * Every scheme template survives brat's annotation.conf: written, read back and added to an empty project's
 * scheme, it gives the same labels, attributes (kind, values, range), link types and roles. What brat has
 * no place for (definitions, required attributes, hotkeys, sentence labels, questions) is not compared.
 */
class BratConfTemplatesTest {

    static List<String> templates() {
        return SchemeTemplates.IDS;
    }

    private static String attributes(Label l) {
        return l.attributes().stream().map(a -> a.id() + ":" + a.kind() + (a.multiple() ? "*" : "") + a.choiceIds()
                + (a.min() == null ? "" : a.min() + "-" + a.max())).sorted().toList().toString();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void aTemplateComesBackFromItsConf(String id) {
        Scheme template = new SchemeTemplates(SlantJson::readScheme).get(id).scheme();

        BratConf.Read read = BratConf.read(BratConf.annotationConf(template), BratConf.visualConf(template));

        assertThat(read.problems()).isEmpty();
        Scheme back = SchemeImport.merge(new Scheme(List.of(template.labels().getFirst())), read.scheme(), Map.of()).scheme();
        for (Label l : template.labels()) {
            Label b = back.find(l.id()).orElseThrow(() -> new AssertionError("label " + l.id() + " of " + id));
            assertThat(b.name()).isEqualTo(l.name());
            assertThat(b.color()).isEqualTo(l.color());
            if (!l.equals(template.labels().getFirst())) {
                assertThat(attributes(b)).as(id + " " + l.id()).isEqualTo(attributes(l));
            }
        }
        for (LinkType t : template.linkTypes()) {
            LinkType b = back.linkType(t.id()).orElseThrow(() -> new AssertionError("link type " + t.id() + " of " + id));
            assertThat(List.of(b.role(), b.multiple(), b.from(), b.to())).as(id + " " + t.id())
                    .isEqualTo(List.of(t.role(), t.multiple(), t.from(), t.to()));
            assertThat(b.required()).isEqualTo(t.required());
        }
        assertThat(back.labels().stream().map(Label::id).toList())
                .containsExactlyInAnyOrderElementsOf(template.labels().stream().map(Label::id).toList());
        assertThat(back.linkTypes()).hasSameSizeAs(template.linkTypes());
        assertThat(template.labels().stream().flatMap(l -> l.attributes().stream()).map(Attribute::id)).isNotNull();
    }
}
