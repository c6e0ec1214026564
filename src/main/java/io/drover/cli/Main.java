package io.drover.cli;

import io.drover.model.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/** Drover's entry point: picocli in front, Spring behind, {@code System.exit} only here. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        selectLogFormat(args);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * {@code --log-format json} must be known before the first logger exists: logback.xml picks its appender from
     * {@code DROVER_LOG_FORMAT}, which a system property overrides.
     */
    static void selectLogFormat(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--log-format=") ? args[i].substring("--log-format=".length())
                    : args[i].equals("--log-format") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null && (value.equalsIgnoreCase("json") || value.equalsIgnoreCase("text"))) {
                System.setProperty("DROVER_LOG_FORMAT", value.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Runs one command line; {@code --spring.*} arguments go to Spring, the rest to picocli. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        List<String> springArguments = new ArrayList<>();
        List<String> commandArguments = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--spring.") ? springArguments : commandArguments).add(arg);
        }
        try (SpringContext spring = new SpringContext(springArguments)) {
            return commandLine(spring, out, err).execute(commandArguments.toArray(String[]::new));
        }
    }

    static CommandLine commandLine(SpringContext spring, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(DroverCommand.class, new SpringContextFactory(spring));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(ansi(System.getenv(),
                System.console() != null)));
        commandLine.setExecutionExceptionHandler(Main::reportFailure);
        commandLine.setExitCodeExceptionMapper(Main::exitCodeOf);
        return commandLine;
    }

    /** Colour only on a terminal, and never with {@code NO_COLOR} set (no-color.org) or {@code TERM=dumb}. */
    static CommandLine.Help.Ansi ansi(Map<String, String> environment, boolean terminal) {
        boolean wanted = terminal && !environment.containsKey("NO_COLOR")
                && !"dumb".equals(environment.get("TERM"));
        return wanted ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF;
    }

    private static int reportFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        boolean stacktrace = parsed.hasMatchedOption("--stacktrace")
                || commandLine.getCommandSpec().root().commandLine().getParseResult().hasMatchedOption("--stacktrace");
        err.println(commandLine.getColorScheme().errorText("drover: " + Secrets.redact(describe(failure))));
        if (stacktrace || exitCodeOf(failure) == ExitCodes.INTERNAL_ERROR) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            err.print(Secrets.redact(trace.toString()));
        } else {
            err.println("(run with --stacktrace for details)");
        }
        err.flush();
        return exitCodeOf(failure);
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    private static int exitCodeOf(Throwable failure) {
        if (failure instanceof CommandFailure commandFailure) {
            return commandFailure.exitCode();
        }
        if (failure instanceof CommandLine.ParameterException) {
            return ExitCodes.INVALID_INPUT;
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    /** Hands commands the lazily started Spring context through their constructor. */
    private record SpringContextFactory(SpringContext spring) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && parameters[0] == SpringContext.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(spring));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
