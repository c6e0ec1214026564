package io.drover.cli;

import java.util.List;
import picocli.CommandLine.Parameters;

/** The hosts a drain or a campaign empties: at least one name or label selector. */
public class HostsToEmpty {

    @Parameters(arity = "1..*", paramLabel = "HOST",
            description = "Host names or label selectors (key=value[,key=value]).")
    List<String> hosts;
}
