package uk.nhs.icr.platform.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A printable A4 document made of headings and wrapped paragraphs (PDFBox, the standard Helvetica fonts): for the packs that
 * travel on paper (the hospital pack, the downtime pack). Text the fonts cannot draw is replaced, never dropped silently; every
 * page carries the document's footer and its number.
 */
public final class PrintedDocument {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    // a document's own fonts: PDFBox objects are not shared between threads
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private record Line(String text, PDType1Font font, float size, float spaceBefore) {
    }

    private final String title;
    private final String footer;
    private final List<Line> lines = new ArrayList<>();

    public PrintedDocument(String title, String footer) {
        this.title = title;
        this.footer = footer;
        add(title, bold, 18, 0);
    }

    public PrintedDocument heading(String text) {
        add(text, bold, 13, 12);
        return this;
    }

    /** A paragraph, wrapped to the page; nothing for an empty one. */
    public PrintedDocument paragraph(String text) {
        if (text != null && !text.isBlank()) {
            add(text, regular, 10.5f, 3);
        }
        return this;
    }

    /** "Label: value", or the label with "none recorded". */
    public PrintedDocument field(String label, String value) {
        return paragraph(label + ": " + (value == null || value.isBlank() ? "none recorded" : value));
    }

    private void add(String text, PDType1Font font, float size, float spaceBefore) {
        boolean first = true;
        for (String paragraph : drawable(text).split("\n")) {
            for (String line : wrap(paragraph, font, size)) {
                lines.add(new Line(line, font, size, first ? spaceBefore : 0));
                first = false;
            }
        }
    }

    public byte[] bytes() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(drawable(title));
            info.setCreator("ICR - Integrated Care Record");
            document.setDocumentInformation(info);
            int pageNumber = 0;
            int next = 0;
            while (next < lines.size() || pageNumber == 0) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                pageNumber++;
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = PDRectangle.A4.getHeight() - MARGIN;
                    while (next < lines.size()) {
                        Line line = lines.get(next);
                        float height = line.size() * 1.35f + line.spaceBefore();
                        if (y - height < MARGIN + 20) {
                            break;
                        }
                        y -= height;
                        write(content, line.text(), line.font(), line.size(), MARGIN, y);
                        next++;
                    }
                    write(content, drawable(footer) + " - page " + pageNumber, regular, 8, MARGIN, MARGIN - 10);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("printing a document failed", e);
        }
    }

    private static void write(PDPageContentStream content, String text, PDType1Font font, float size, float x, float y) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /** Lines that fit the page's width: broken between words, and inside a word too long for a line of its own. */
    private static List<String> wrap(String paragraph, PDType1Font font, float size) {
        List<String> wrapped = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        List<String> words = new ArrayList<>();
        for (String word : paragraph.split(" ")) {
            while (width(word, font, size) > WIDTH && word.length() > 1) {
                int fits = 1;
                while (fits < word.length() && width(word.substring(0, fits + 1), font, size) <= WIDTH) {
                    fits++;
                }
                words.add(word.substring(0, fits));
                word = word.substring(fits);
            }
            words.add(word);
        }
        for (String word : words) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) > WIDTH && !line.isEmpty()) {
                wrapped.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        wrapped.add(line.toString());
        return wrapped;
    }

    private static float width(String text, PDType1Font font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the standard fonts (WinAnsi) can draw: other characters become "?", tabs and stray controls spaces. */
    static String drawable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(c)) {
                out.append(' ');
            } else if (c < 256 || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".indexOf(c) >= 0) {
                out.appendCodePoint(c);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }
}
