package io.drover.plan.roadef;

import io.drover.plan.roadef.RoadefModel.Balance;
import io.drover.plan.roadef.RoadefModel.Machine;
import io.drover.plan.roadef.RoadefModel.Process;
import io.drover.plan.roadef.RoadefModel.Resource;
import io.drover.plan.roadef.RoadefModel.Service;
import io.drover.plan.roadef.RoadefModel.Weights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the challenge's instance ("model") and assignment files: whitespace-separated integers in the order of
 * section 2.1 of the problem statement. Every error names the file, the line, the token and what was expected.
 */
public final class RoadefParser {

    /** Limits from section 2.3 of the problem statement, with margin; they catch garbage counts before allocating. */
    private static final int MAX_RESOURCES = 1_000;
    private static final int MAX_MACHINES = 100_000;
    private static final int MAX_SERVICES = 1_000_000;
    private static final int MAX_PROCESSES = 10_000_000;
    private static final int MAX_BALANCES = 1_000;

    private RoadefParser() {
    }

    public static RoadefModel readModel(Path file) {
        return parseModel(file.getFileName().toString(), read(file));
    }

    public static int[] readAssignment(Path file, RoadefModel model) {
        return parseAssignment(file.getFileName().toString(), read(file), model);
    }

    public static RoadefModel parseModel(String fileName, String text) {
        Tokens in = new Tokens(fileName, text);
        int resourceCount = in.count("number of resources", MAX_RESOURCES);
        if (resourceCount == 0) {
            throw in.error("a model needs at least one resource");
        }
        List<Resource> resources = new ArrayList<>(resourceCount);
        for (int r = 0; r < resourceCount; r++) {
            boolean transientUsage = in.bool("transient flag of resource " + r);
            long weight = in.nonNegativeLong("load cost weight of resource " + r);
            resources.add(new Resource(r, transientUsage, weight));
        }
        int machineCount = in.count("number of machines", MAX_MACHINES);
        if (machineCount == 0) {
            throw in.error("a model needs at least one machine");
        }
        List<Machine> machines = new ArrayList<>(machineCount);
        int neighborhoodCount = 0;
        int locationCount = 0;
        for (int m = 0; m < machineCount; m++) {
            int neighborhood = in.index("neighborhood of machine " + m, MAX_MACHINES);
            int location = in.index("location of machine " + m, MAX_MACHINES);
            long[] capacities = new long[resourceCount];
            for (int r = 0; r < resourceCount; r++) {
                capacities[r] = in.nonNegativeLong("capacity of resource " + r + " of machine " + m);
            }
            long[] safety = new long[resourceCount];
            for (int r = 0; r < resourceCount; r++) {
                safety[r] = in.nonNegativeLong("safety capacity of resource " + r + " of machine " + m);
            }
            int[] moveCosts = new int[machineCount];
            for (int to = 0; to < machineCount; to++) {
                moveCosts[to] = in.index("move cost from machine " + m + " to machine " + to, Integer.MAX_VALUE);
            }
            if (moveCosts[m] != 0) {
                throw in.error("move cost from machine " + m + " to itself must be 0, got " + moveCosts[m]);
            }
            neighborhoodCount = Math.max(neighborhoodCount, neighborhood + 1);
            locationCount = Math.max(locationCount, location + 1);
            machines.add(new Machine(m, neighborhood, location, capacities, safety, moveCosts));
        }
        int serviceCount = in.count("number of services", MAX_SERVICES);
        List<Service> services = new ArrayList<>(serviceCount);
        for (int s = 0; s < serviceCount; s++) {
            int spreadMin = in.index("spreadMin of service " + s, Integer.MAX_VALUE);
            int dependencyCount = in.count("number of dependencies of service " + s, serviceCount);
            int[] dependsOn = new int[dependencyCount];
            for (int d = 0; d < dependencyCount; d++) {
                dependsOn[d] = in.index("dependency " + d + " of service " + s, serviceCount - 1);
            }
            services.add(new Service(s, spreadMin, dependsOn));
        }
        int processCount = in.count("number of processes", MAX_PROCESSES);
        List<Process> processes = new ArrayList<>(processCount);
        for (int p = 0; p < processCount; p++) {
            int service = in.index("service of process " + p, serviceCount - 1);
            long[] requirements = new long[resourceCount];
            for (int r = 0; r < resourceCount; r++) {
                requirements[r] = in.nonNegativeLong("requirement of resource " + r + " of process " + p);
            }
            long moveCost = in.nonNegativeLong("process move cost of process " + p);
            processes.add(new Process(p, service, requirements, moveCost));
        }
        int balanceCount = in.count("number of balance costs", MAX_BALANCES);
        List<Balance> balances = new ArrayList<>(balanceCount);
        for (int b = 0; b < balanceCount; b++) {
            int resource1 = in.index("first resource of balance cost " + b, resourceCount - 1);
            int resource2 = in.index("second resource of balance cost " + b, resourceCount - 1);
            long target = in.nonNegativeLong("target of balance cost " + b);
            long weight = in.nonNegativeLong("weight of balance cost " + b);
            balances.add(new Balance(resource1, resource2, target, weight));
        }
        long processMoveWeight = in.nonNegativeLong("weight of the process move cost");
        long serviceMoveWeight = in.nonNegativeLong("weight of the service move cost");
        long machineMoveWeight = in.nonNegativeLong("weight of the machine move cost");
        in.expectEnd();
        return new RoadefModel(resources, machines, services, processes, balances,
                new Weights(processMoveWeight, serviceMoveWeight, machineMoveWeight), neighborhoodCount,
                locationCount);
    }

    /** An assignment or solution: one machine index per process, in process order. */
    public static int[] parseAssignment(String fileName, String text, RoadefModel model) {
        Tokens in = new Tokens(fileName, text);
        int[] machines = new int[model.processCount()];
        for (int p = 0; p < machines.length; p++) {
            machines[p] = in.index("machine of process " + p, model.machineCount() - 1);
        }
        in.expectEnd();
        return machines;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A cursor over whitespace-separated tokens that remembers the line of each. */
    private static final class Tokens {
        private final String fileName;
        private final String text;
        private int position;
        private int line = 1;
        private int tokenLine = 1;
        private String token = "";

        Tokens(String fileName, String text) {
            this.fileName = fileName;
            this.text = text;
        }

        private String next(String what) {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
                position++;
            }
            if (position >= text.length()) {
                tokenLine = line;
                throw new RoadefFormatException(fileName + " line " + line + ": unexpected end of file, expected "
                        + what);
            }
            int start = position;
            while (position < text.length() && !Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            tokenLine = line;
            token = text.substring(start, position);
            return token;
        }

        long nonNegativeLong(String what) {
            String value = next(what);
            try {
                long parsed = Long.parseLong(value);
                if (parsed < 0) {
                    throw error("expected a non-negative integer for " + what + ", got '" + value + "'");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw error("expected an integer for " + what + ", got '" + value + "'");
            }
        }

        int index(String what, int max) {
            long value = nonNegativeLong(what);
            if (value > max) {
                throw error(what + " is " + value + ", above the maximum " + max);
            }
            return (int) value;
        }

        int count(String what, int max) {
            return index(what, max);
        }

        boolean bool(String what) {
            String value = next(what);
            if (value.equals("0")) {
                return false;
            }
            if (value.equals("1")) {
                return true;
            }
            throw error("expected 0 or 1 for " + what + ", got '" + value + "'");
        }

        void expectEnd() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
                position++;
            }
            if (position < text.length()) {
                int end = position;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                token = text.substring(position, end);
                tokenLine = line;
                throw error("unexpected trailing token '" + token + "' after the last expected value");
            }
        }

        RoadefFormatException error(String message) {
            return new RoadefFormatException(fileName + " line " + tokenLine + " (token '" + token + "'): " + message);
        }
    }
}
