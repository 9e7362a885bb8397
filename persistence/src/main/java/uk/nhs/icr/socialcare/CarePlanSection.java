package uk.nhs.icr.socialcare;

import java.io.Serializable;
import java.util.List;

/**
 * One section of a person's care plan: what they need (and can do themselves), the outcomes they want, the tasks that meet
 * them (with the times of day they are done) and the risks, each with its assessment.
 */
public record CarePlanSection(Area area, String needs, String outcomes, List<PlannedTask> tasks, List<Risk> risks)
        implements Serializable {

    /** The areas of a care plan, in the order a plan is read. */
    public enum Area {
        WHAT_MATTERS_TO_ME, COMMUNICATION, PERSONAL_CARE, EATING_AND_DRINKING, MEDICATION_SUPPORT, MOBILITY_AND_FALLS, SKIN_INTEGRITY
    }

    /** A task and the times of day it is done ("08:00"), as a visit or a shift works through it. */
    public record PlannedTask(String task, List<String> timesOfDay) implements Serializable {
    }

    /**
     * A risk and its assessment: the tool used (a falls score, a Waterlow-style pressure ulcer score, or a judgement), its score,
     * the level the score means and what is done to reduce it.
     */
    public record Risk(String risk, RiskTool tool, Integer score, String level, String actions) implements Serializable {
    }

    public enum RiskTool {
        /** Falls Risk Assessment Tool score, 5 to 20: 5-11 low, 12-15 medium, 16-20 high. */
        FALLS,
        /** Waterlow pressure ulcer score: under 10 not at risk, 10-14 at risk, 15-19 high risk, 20 and over very high risk. */
        WATERLOW,
        /** A judgement in words, no score. */
        JUDGEMENT;

        /** The level a score means on this tool; a judgement names its own. */
        public String levelOf(Integer score) {
            return switch (this) {
                case FALLS -> score < 12 ? "low" : score < 16 ? "medium" : "high";
                case WATERLOW -> score < 10 ? "not at risk" : score < 15 ? "at risk" : score < 20 ? "high risk" : "very high risk";
                case JUDGEMENT -> null;
            };
        }

        /** The scores the tool gives. */
        public boolean allows(Integer score) {
            return switch (this) {
                case FALLS -> score != null && score >= 5 && score <= 20;
                case WATERLOW -> score != null && score >= 1 && score <= 64;
                case JUDGEMENT -> score == null;
            };
        }
    }
}
