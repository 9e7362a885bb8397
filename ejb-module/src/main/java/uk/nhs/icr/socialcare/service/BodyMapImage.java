package uk.nhs.icr.socialcare.service;

import java.util.List;
import java.util.Locale;

import uk.nhs.icr.socialcare.BodyMark;

/**
 * Draws a body map as SVG: two outlines (front, back), 200 by 400 units each, and a numbered circle where each area was marked
 * (its x and y are percentages of the outline). Notes go in a numbered list under the outlines; text is escaped.
 */
final class BodyMapImage {

    private static final int WIDTH = 200;
    private static final int HEIGHT = 400;

    private BodyMapImage() {
    }

    static String svg(List<BodyMark> marks) {
        StringBuilder svg = new StringBuilder();
        int listHeight = 20 * marks.size() + 10;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " role=\"img\" aria-label=\"Body map, %d marked area(s)\">", WIDTH * 2 + 20, HEIGHT + 40 + listHeight, WIDTH * 2 + 20,
                HEIGHT + 40 + listHeight, marks.size()));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        outline(svg, 0, "Front");
        outline(svg, WIDTH + 20, "Back");
        for (int i = 0; i < marks.size(); i++) {
            BodyMark mark = marks.get(i);
            int left = mark.side() == BodyMark.Side.FRONT ? 0 : WIDTH + 20;
            double x = left + mark.x() * WIDTH / 100.0;
            double y = 30 + mark.y() * HEIGHT / 100.0;
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"#d5281b\" fill-opacity=\"0.8\"/>", x, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"#ffffff\""
                    + " font-family=\"Arial\">%d</text>", x, y + 4, i + 1));
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"13\" font-family=\"Arial\">%d. %s: %s</text>",
                    HEIGHT + 56 + 20 * i, i + 1, mark.side() == BodyMark.Side.FRONT ? "front" : "back",
                    escape(mark.note() == null ? "marked" : mark.note())));
        }
        return svg.append("</svg>").toString();
    }

    private static void outline(StringBuilder svg, int left, String label) {
        String shape = "fill=\"#f0f4f5\" stroke=\"#425563\" stroke-width=\"2\"";
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-family=\"Arial\" text-anchor=\"middle\">%s</text>",
                left + WIDTH / 2, label));
        svg.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,30)\">", left));
        svg.append("<ellipse cx=\"100\" cy=\"30\" rx=\"24\" ry=\"28\" ").append(shape).append("/>");
        svg.append("<rect x=\"64\" y=\"60\" width=\"72\" height=\"140\" rx=\"18\" ").append(shape).append("/>");
        svg.append("<rect x=\"36\" y=\"66\" width=\"24\" height=\"130\" rx=\"10\" ").append(shape).append("/>");
        svg.append("<rect x=\"140\" y=\"66\" width=\"24\" height=\"130\" rx=\"10\" ").append(shape).append("/>");
        svg.append("<rect x=\"68\" y=\"202\" width=\"28\" height=\"190\" rx=\"12\" ").append(shape).append("/>");
        svg.append("<rect x=\"104\" y=\"202\" width=\"28\" height=\"190\" rx=\"12\" ").append(shape).append("/>");
        svg.append("</g>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
