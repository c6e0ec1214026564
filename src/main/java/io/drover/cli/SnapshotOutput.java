package io.drover.cli;

import io.drover.model.SnapshotSummary;
import io.drover.store.ModelJson;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --output text|json} for commands that print a snapshot. */
public class SnapshotOutput {

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json")
    OutputFormat output;

    void print(SnapshotSummary snapshot, PrintWriter out) {
        if (output == OutputFormat.JSON) {
            out.println(ModelJson.mapper().writeValueAsString(snapshot));
        } else {
            SnapshotReport.print(snapshot, out);
        }
    }
}
