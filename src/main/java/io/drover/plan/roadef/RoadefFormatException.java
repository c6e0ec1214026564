package io.drover.plan.roadef;

/** A model, assignment or solution file that does not follow the challenge format; the message names file and line. */
public class RoadefFormatException extends RuntimeException {

    public RoadefFormatException(String message) {
        super(message);
    }
}
