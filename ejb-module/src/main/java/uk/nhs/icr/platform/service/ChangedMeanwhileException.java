package uk.nhs.icr.platform.service;

/**
 * Someone else recorded a new version of the same thing between this caller's read and write (the version
 * number is unique, so the second write loses). Nothing was recorded; maps to 409.
 */
public class ChangedMeanwhileException extends ConflictException {

    private static final long serialVersionUID = 1L;

    /** @param what what was changed, as the user knows it ("the consent", "the organ-donation decision") */
    public ChangedMeanwhileException(String what) {
        super(Character.toUpperCase(what.charAt(0)) + what.substring(1)
                + " was changed by someone else at the same moment: read it again and repeat your change");
    }
}
