package io.drover.plan.roadef.solver;

import java.util.Arrays;

/**
 * The relocations of one compound move on a {@link RoadefState}, so the move can be undone, or the assignment before
 * it rebuilt from the one after it, whatever number of processes it moved.
 */
final class MoveJournal {

    private final RoadefState state;
    private int[] processes = new int[16];
    private int[] previousMachines = new int[16];
    private int size;

    MoveJournal(RoadefState state) {
        this.state = state;
    }

    /** Forgets the previous move: what follows is a new one. */
    void begin() {
        size = 0;
    }

    /** Moves process p to machine m on the state and remembers where it was. */
    void relocate(int p, int m) {
        if (size == processes.length) {
            processes = Arrays.copyOf(processes, size * 2);
            previousMachines = Arrays.copyOf(previousMachines, size * 2);
        }
        processes[size] = p;
        previousMachines[size] = state.machineOf(p);
        size++;
        state.retract(p);
        state.insert(p, m);
    }

    /** Puts every process of the move back where it was, last relocation first. */
    void undo() {
        for (int i = size - 1; i >= 0; i--) {
            state.retract(processes[i]);
            state.insert(processes[i], previousMachines[i]);
        }
        size = 0;
    }

    /** Turns {@code assignment}, the state's assignment after the move, into the one before it. */
    void restoreBefore(int[] assignment) {
        for (int i = size - 1; i >= 0; i--) {
            assignment[processes[i]] = previousMachines[i];
        }
    }

    int size() {
        return size;
    }
}
