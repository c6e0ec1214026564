package io.drover.model;

/** One {@code <feature policy=... name=.../>} of a guest CPU definition. */
public record CpuFeature(String name, FeaturePolicy policy) {
}
