package uk.nhs.icr.socialcare;

import java.io.Serializable;

/**
 * An area marked on a body map: the front or back outline, where on it (x and y as percentages of the outline's width and
 * height, from the top left as the viewer sees it), and what is there ("bruise 3 cm").
 */
public record BodyMark(Side side, int x, int y, String note) implements Serializable {

    public enum Side { FRONT, BACK }
}
