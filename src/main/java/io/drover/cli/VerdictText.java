package io.drover.cli;

import io.drover.compat.Risk;
import io.drover.compat.UnknownCheck;
import io.drover.compat.Verdict;
import io.drover.compat.Violation;
import java.io.PrintWriter;

/** The human form of verdicts. */
final class VerdictText {

    private VerdictText() {
    }

    static String summary(Verdict verdict) {
        return verdict.allowed()
                ? "allowed: " + verdict.mode().orElseThrow().label()
                        + (verdict.copyDisks().isEmpty() ? "" : " (copy " + String.join(", ", verdict.copyDisks()) + ")")
                : "blocked: " + verdict.violations().size() + " reason" + (verdict.violations().size() == 1 ? "" : "s");
    }

    static void print(Verdict verdict, PrintWriter out) {
        out.printf("%s from %s to %s: %s%n", verdict.guest(), verdict.source(), verdict.destination(),
                summary(verdict));
        details(verdict, out, "  ");
    }

    static void details(Verdict verdict, PrintWriter out, String indent) {
        for (Violation violation : verdict.violations()) {
            out.printf("%s[%s] %s%n%s  fix: %s%n", indent, violation.ruleId(), violation.reason(), indent,
                    violation.fix());
        }
        for (Risk risk : verdict.risks()) {
            out.printf("%srisk [%s] %s%n", indent, risk.ruleId(), risk.reason());
        }
        for (UnknownCheck unknown : verdict.unknowns()) {
            out.printf("%sunknown [%s] %s%n", indent, unknown.ruleId(), unknown.reason());
        }
    }
}
