package org.slant.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slant.annotation.Layer;
import org.slant.annotation.Link;
import org.slant.annotation.SentenceAnnotation;
import org.slant.annotation.Span;
import org.slant.label.LinkType;
import org.slant.label.Scheme;

/**
 * The whole layer as spreadsheet tables, zipped, each written like {@link CsvWriter}'s (UTF-8 with BOM,
 * CRLF, formulas neutralised):
 * <ul>
 *   <li>{@code spans.csv}: {@code document,title,annotator,span,label,start,end,text,note} and a column per
 *       span attribute; {@code span} is the span's id, which the links name;</li>
 *   <li>{@code links.csv}: {@code document,annotator,link,type,from,to,from_text,to_text}: the type's name and
 *       the two span ids (with their texts, for reading);</li>
 *   <li>{@code sentences.csv}: {@code document,annotator,start,end,text} and a column per sentence label;</li>
 *   <li>{@code answers.csv}: {@code document,annotator} and a column per document question.</li>
 * </ul>
 * A zip entry cannot be reopened, so spans stream into spans.csv while the other three tables are kept until
 * the end (a few dozen bytes per link, sentence or document).
 */
public final class CsvTablesWriter implements DatasetWriter {

    public static final String SPANS_HEADER = "document,title,annotator,span,label,start,end,text,note";
    public static final String LINKS_HEADER = "document,annotator,link,type,from,to,from_text,to_text";

    @Override
    public void write(Scheme labels, Stream<ExportItem> items, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("spans.csv"));
        SpreadsheetCsv spans = SpreadsheetCsv.forSpreadsheet(zip);
        List<String> attributes = CsvWriter.attributeIds(labels);
        List<String> sentenceColumns = CsvWriter.ids(labels.sentenceLabels());
        List<String> questionColumns = CsvWriter.ids(labels.documentQuestions());
        spans.row(header(SPANS_HEADER, attributes));
        ByteArrayOutputStream linkBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream sentenceBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream answerBytes = new ByteArrayOutputStream();
        SpreadsheetCsv links = SpreadsheetCsv.forSpreadsheet(linkBytes);
        SpreadsheetCsv sentences = SpreadsheetCsv.forSpreadsheet(sentenceBytes);
        SpreadsheetCsv answers = SpreadsheetCsv.forSpreadsheet(answerBytes);
        links.row(LINKS_HEADER.split(","));
        sentences.row(header("document,annotator,start,end,text", sentenceColumns));
        answers.row(header("document,annotator", questionColumns));
        Iterable<ExportItem> all = items::iterator;
        ExportNames names = new ExportNames();
        for (ExportItem item : all) {
            String id = names.of(item.document(), name -> true);
            for (Layer layer : item.layers()) {
                Map<String, Span> byId = new HashMap<>();
                for (Span s : layer.spans()) {
                    byId.put(s.id(), s);
                    List<String> row = new ArrayList<>(List.of(id, item.document().title(), layer.annotator(), s.id(),
                            LabelNames.name(labels, s.label()), Integer.toString(s.start()), Integer.toString(s.end()),
                            s.text(), s.note() == null ? "" : s.note()));
                    CsvWriter.addValues(row, attributes, s.attributes());
                    spans.row(row);
                }
                for (Link l : layer.links()) {
                    links.row(id, layer.annotator(), l.id(), labels.linkType(l.type()).map(LinkType::name).orElse(l.type()),
                            l.from(), l.to(), byId.get(l.from()).text(), byId.get(l.to()).text());
                }
                for (SentenceAnnotation s : layer.sentences()) {
                    List<String> row = new ArrayList<>(List.of(id, layer.annotator(), Integer.toString(s.start()),
                            Integer.toString(s.end()), s.text()));
                    CsvWriter.addValues(row, sentenceColumns, s.values());
                    sentences.row(row);
                }
                if (!layer.answers().isEmpty()) {
                    List<String> row = new ArrayList<>(List.of(id, layer.annotator()));
                    CsvWriter.addValues(row, questionColumns, layer.answers());
                    answers.row(row);
                }
            }
        }
        spans.flush();
        zip.closeEntry();
        links.flush();
        sentences.flush();
        answers.flush();
        entry(zip, "links.csv", linkBytes);
        entry(zip, "sentences.csv", sentenceBytes);
        entry(zip, "answers.csv", answerBytes);
        zip.finish();
        out.flush();
    }

    private static List<String> header(String fixed, List<String> columns) {
        List<String> header = new ArrayList<>(List.of(fixed.split(",")));
        header.addAll(columns);
        return header;
    }

    private static void entry(ZipOutputStream zip, String name, ByteArrayOutputStream content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        content.writeTo(zip);
        zip.closeEntry();
    }
}
