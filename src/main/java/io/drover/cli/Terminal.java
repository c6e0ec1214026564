package io.drover.cli;

/** Whether Drover talks to a person at a terminal, which may be redrawn, rather than to a log file or a pipe. */
final class Terminal {

    private Terminal() {
    }

    static boolean interactive() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }
}
