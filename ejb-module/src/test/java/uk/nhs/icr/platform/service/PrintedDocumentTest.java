package uk.nhs.icr.platform.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PrintedDocumentTest {

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void what_the_fonts_cannot_draw_is_replaced_and_long_words_are_broken_to_fit() throws IOException {
        String word = "x".repeat(400);
        byte[] pdf = new PrintedDocument("Pack for Zoë", "footer").heading("Medicines").paragraph("Tea ☕ at 08:00").paragraph(word).bytes();
        String text = text(pdf);
        assertTrue(text.contains("Pack for Zoë"), text);
        assertTrue(text.contains("Tea ? at 08:00"), text);
        assertEquals(400, text.chars().filter(c -> c == 'x').count(), "every letter of the long word printed");
    }

    @Test
    void a_long_document_runs_over_pages_each_with_its_footer() throws IOException {
        PrintedDocument document = new PrintedDocument("Long", "Printed for the test");
        for (int i = 0; i < 200; i++) {
            document.paragraph("Line " + i);
        }
        try (PDDocument pdf = Loader.loadPDF(document.bytes())) {
            assertTrue(pdf.getNumberOfPages() > 2);
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Printed for the test - page " + pdf.getNumberOfPages()), text);
            assertTrue(text.contains("Line 199"));
        }
    }
}
