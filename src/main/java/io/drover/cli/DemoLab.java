package io.drover.cli;

import java.nio.file.Path;

/** The lab fleet as the online demo drives it; behind an interface so the demo's orchestration is testable. */
interface DemoLab {

    /** Installs what Drover and the lab need (apt-get, as root); a no-op when everything is there. */
    void installDependencies() throws Exception;

    /** Brings up a mixed fleet and returns its fleet file. */
    Path up() throws Exception;

    /** Tears the lab down; called whatever happened before, also after a failed {@link #up()}. */
    void down() throws Exception;
}
