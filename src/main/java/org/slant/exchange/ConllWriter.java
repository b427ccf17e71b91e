package org.slant.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.label.Label;
import org.slant.label.Scheme;

/**
 * CoNLL-style columns, one token per line: {@code token start end} (code points) and then one BIO
 * column per label, so overlapping spans of different labels are all kept. The first line names the
 * columns ({@code # columns: token start end sensational attribution ...}); each (document, layer)
 * starts with {@code # document: id} (the id the document was imported with, else its workspace id) and {@code # annotator: name}; sentences end with a blank line.
 * Tags are {@code B-id}, {@code I-id} and {@code O}. Tokens come from {@link Tokenizer}.
 *
 * <p>Lossy in two ways, both documented in docs/formats.md: a token is tagged when it overlaps a
 * span at all (a span boundary inside a token widens it to the token), and overlapping spans of the
 * same label in one layer merge in their column. Spans with a label outside the label set are left out.
 */
public final class ConllWriter implements DatasetWriter {

    @Override
    public void write(Scheme labels, Stream<ExportItem> items, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<Label> columns = labels.labels();
        w.write("# columns: token start end");
        for (Label l : columns) {
            w.write(' ');
            w.write(l.id());
        }
        w.write('\n');
        Iterable<ExportItem> all = items::iterator;
        ExportNames names = new ExportNames();
        for (ExportItem item : all) {
            String id = names.of(item.document(), ExportNames::isOneLine); // the dataset's id, else the workspace id
            String text = item.document().text();
            List<List<Tokenizer.Token>> sentences = Tokenizer.sentences(text);
            List<Tokenizer.Token> tokens = sentences.stream().flatMap(List::stream).toList();
            List<Layer> layers = item.layers().isEmpty() ? java.util.Collections.singletonList(null) : item.layers();
            for (Layer layer : layers) {
                w.write("\n# document: " + id + "\n");
                if (layer != null) {
                    w.write("# annotator: " + layer.annotator() + "\n");
                }
                char[][] tags = tags(columns, tokens, layer);
                int t = 0;
                for (List<Tokenizer.Token> sentence : sentences) {
                    for (Tokenizer.Token token : sentence) {
                        w.write(token.text());
                        w.write('\t');
                        w.write(Integer.toString(token.start()));
                        w.write('\t');
                        w.write(Integer.toString(token.end()));
                        for (int c = 0; c < columns.size(); c++) {
                            w.write('\t');
                            char tag = tags[c][t];
                            w.write(tag == 'O' ? "O" : tag + "-" + columns.get(c).id());
                        }
                        w.write('\n');
                        t++;
                    }
                    w.write('\n');
                }
            }
        }
        w.flush();
    }

    /** tags[column][token]: 'B' on the first token overlapping a span, 'I' on the rest, 'O' elsewhere. */
    static char[][] tags(List<Label> columns, List<Tokenizer.Token> tokens, Layer layer) {
        char[][] tags = new char[columns.size()][tokens.size()];
        for (char[] column : tags) {
            java.util.Arrays.fill(column, 'O');
        }
        if (layer == null) {
            return tags;
        }
        for (Span s : layer.spans()) {
            int c = indexOf(columns, s.label());
            if (c < 0) {
                continue;
            }
            // first token ending after the span's start
            int lo = 0;
            int hi = tokens.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tokens.get(mid).end() <= s.start()) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (int t = lo; t < tokens.size() && tokens.get(t).start() < s.end(); t++) {
                if (tags[c][t] == 'O') { // a token already in a span of this label stays in it: they merge
                    tags[c][t] = t == lo ? 'B' : 'I';
                }
            }
        }
        return tags;
    }

    private static int indexOf(List<Label> columns, String labelId) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id().equals(labelId)) {
                return i;
            }
        }
        return -1;
    }
}
