/**
 * Migration plans: where each guest goes and in which wave, as a reviewable file that the executor carries out.
 *
 * <p>{@code plan} holds the plan file model and its reading and writing; {@code plan.model} and
 * {@code plan.solver} the Timefold placement problem; {@code plan.wave} the ordering of moves into waves;
 * {@code plan.check} an independent checker that trusts nothing but the plan file and the snapshot.
 */
package io.drover.plan;
