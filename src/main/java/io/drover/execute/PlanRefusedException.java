package io.drover.execute;

import java.util.List;

/** Pre-flight found the fleet or the plan not as expected: nothing was started; each problem says what changed. */
public class PlanRefusedException extends RuntimeException {

    private final List<String> problems;

    public PlanRefusedException(String summary, List<String> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n  - " + String.join("\n  - ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
