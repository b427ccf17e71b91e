package org.slant.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.slant.teaching.TeachingFixture.T0;
import static org.slant.teaching.TeachingFixture.TEXT;
import static org.slant.teaching.TeachingFixture.at;
import static org.slant.teaching.TeachingFixture.exerciseWith;
import static org.slant.teaching.TeachingFixture.span;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.slant.label.Scheme;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HeatmapImageTest {

    private static final Exercise EXERCISE = exerciseWith(List.of(span("a", "HUMILIATED", "sensational", "t"),
                    span("b", "seem doomed", "opinion", "t")),
            new LinkedHashSet<>(List.of("sensational", "opinion")));

    private static final ClassHeatmap MAP = ClassHeatmap.of(EXERCISE, TEXT, List.of(
            new Submission("ex", "ana", T0, false, 1, List.of(span("1", "HUMILIATED", "sensational", "ana"),
                    span("2", "<over>", "opinion", "ana"))),
            new Submission("ex", "bo", T0, false, 1, List.of(span("1", "Trump HUMILIATED", "sensational", "bo"))),
            new Submission("ex", "cy", T0, false, 1, List.of()),
            new Submission("ex", "dee", T0, false, 1, List.of())));

    private static HeatmapImage image(String label) {
        return new HeatmapImage(MAP, Scheme.defaults(), label, "Spot <the> framing", 40);
    }

    @Test
    void wrapsAtTheLastSpaceBeforeTheWidth() {
        // code point 40 is the space after "officials": the first line is exactly 40 wide
        assertThat(image(null).lines()).containsExactly(new HeatmapImage.Line(0, 40), new HeatmapImage.Line(41, 78));
        int[] cps = "aaa bbb ccccccccccccccccccccccccc\n\nd".codePoints().toArray();
        assertThat(HeatmapImage.wrap(cps, 20)).containsExactly(new HeatmapImage.Line(0, 7), new HeatmapImage.Line(8, 28),
                new HeatmapImage.Line(28, 33), new HeatmapImage.Line(34, 34), new HeatmapImage.Line(35, 36));
    }

    @Test
    void svgIsValidXmlWithEscapedTextAndCounts() throws Exception {
        String svg = image("sensational").svg();

        assertThat(svg).contains("&lt;over&gt;", "&amp;", "Spot &lt;the&gt; framing");
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo("400");
        assertThat(root.getAttribute("height")).isEqualTo("144");

        StringBuilder drawn = new StringBuilder();
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            drawn.append(texts.item(i).getTextContent());
        }
        assertThat(drawn.toString()).contains("HUMILIATED", "<over>.", "🔥");

        int h = at(TEXT, "HUMILIATED")[0];
        int trump = at(TEXT, "Trump")[0];
        List<String> runs = new ArrayList<>();
        NodeList rects = doc.getElementsByTagNameNS("*", "rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getAttribute("class").equals("run")) {
                runs.add(r.getAttribute("data-start") + "-" + r.getAttribute("data-end") + ":" + r.getAttribute("data-count"));
            }
        }
        // Trump and its space: bo only; HUMILIATED: both, and in the reference
        assertThat(runs).containsExactly(trump + "-" + h + ":1", h + "-" + (h + 10) + ":2");
        assertThat(svg).contains("2 of 4 students marked this as sensational; reference: sensational");
        assertThat(svg).contains("class=\"reference\"");
    }

    @Test
    void allLabelsCountEachStudentOnceAndOverlayEveryReferenceLabel() throws Exception {
        String svg = image(null).svg();
        parse(svg);
        int over = at(TEXT, "<over>")[0];
        int seem = at(TEXT, "seem doomed")[0];
        assertThat(svg).contains("data-start=\"" + over + "\" data-end=\"" + (over + 6) + "\" data-count=\"1\"");
        assertThat(svg).contains("data-start=\"" + seem + "\" data-end=\"" + (seem + 11) + "\" data-count=\"0\"");
        assertThat(svg).contains("0 of 4 students marked this; reference: opinion");
    }

    @Test
    void pngDecodesWithTheLayoutSizeAndShading() throws Exception {
        HeatmapImage image = image("sensational");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        image.writePng(out);

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(png.getWidth()).isEqualTo(400);
        assertThat(png.getHeight()).isEqualTo(144);
        int h = at(TEXT, "HUMILIATED")[0];
        int x = HeatmapImage.MARGIN + h * HeatmapImage.CELL_WIDTH + 1;
        assertThat(png.getRGB(x, HeatmapImage.MARGIN + 1) & 0xffffff).isEqualTo(image.shade(2).getRGB() & 0xffffff);
        assertThat(png.getRGB(HeatmapImage.MARGIN + 1, HeatmapImage.MARGIN + 1) & 0xffffff).isEqualTo(0xffffff);
        // the reference underline
        assertThat(png.getRGB(x, HeatmapImage.MARGIN + HeatmapImage.LINE_HEIGHT - 5) & 0xffffff).isZero();
    }

    @Test
    void aLabelNotInPlayIsRefused() {
        assertThatThrownBy(() -> image("fact")).hasMessageContaining("not in play");
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
