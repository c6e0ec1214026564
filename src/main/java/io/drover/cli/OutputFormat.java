package io.drover.cli;

/** How a read command prints: a table for people, JSON for scripts. */
public enum OutputFormat {
    TEXT, JSON
}
